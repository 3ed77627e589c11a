/**
 * The generator's weighted choices: which grounds, which payment path, which history before the year. The weights are
 * [I] plausible shares, not sourced figures; they change how a case gets to its end state, never the end state itself.
 */
import type { NotEnforceableGround, PostponementGround, SuspensionGround, TerminationGround } from '@thads/domain';
import type { EndState } from '../scenario/scenario';
import type { CaseIdentity } from './case-identity';
import type { MoneyPath } from './script-money';
import type { SeededRandom } from './seeded-random';

/** Where a carried-over case stood at 24:00 on 30 September: on the books, in one of these. */
export type OpeningState = 'enforceable' | 'notEnforceable' | 'postponed' | 'suspended';

const OPENING_STATES: Readonly<Record<EndState, readonly (readonly [OpeningState, number])[]>> = {
  inProgress: [
    ['enforceable', 60],
    ['notEnforceable', 20],
    ['postponed', 15],
    ['suspended', 5],
  ],
  fullyEnforced: [
    ['enforceable', 80],
    ['postponed', 10],
    ['notEnforceable', 10],
  ],
  terminated: [
    ['enforceable', 40],
    ['notEnforceable', 45],
    ['postponed', 10],
    ['suspended', 5],
  ],
  postponed: [
    ['postponed', 60],
    ['enforceable', 40],
  ],
  suspended: [
    ['suspended', 70],
    ['enforceable', 30],
  ],
  notEnforceable: [
    ['notEnforceable', 85],
    ['enforceable', 15],
  ],
  entrustedOut: [
    ['enforceable', 80],
    ['notEnforceable', 20],
  ],
  movedToSeparateRegister: [['notEnforceable', 1]],
  postponedByAgreement: [
    ['enforceable', 80],
    ['notEnforceable', 20],
  ],
  takenUp: [
    ['enforceable', 60],
    ['notEnforceable', 25],
    ['postponed', 10],
    ['suspended', 5],
  ],
  sentBack: [['notEnforceable', 1]],
};

/** Where a carried-over case that ends in `state` stood when the year opened. */
export function openingStateFor(random: SeededRandom, state: EndState): OpeningState {
  return random.weighted(OPENING_STATES[state]);
}

/** Larger debts are more often recovered by selling a seized asset; small ones are paid voluntarily. */
export function moneyPathFor(random: SeededRandom, amount: bigint, voluntaryPossible: boolean): MoneyPath {
  const voluntary = voluntaryPossible ? 1 : 0;
  if (amount < 50_000_000n)
    return random.weighted<MoneyPath>([
      ['voluntary', 55 * voluntary],
      ['accountDebit', 25],
      ['garnishment', 20],
    ]);
  if (amount < 1_000_000_000n)
    return random.weighted<MoneyPath>([
      ['voluntary', 35 * voluntary],
      ['accountDebit', 30],
      ['garnishment', 10],
      ['auction', 25],
    ]);
  return random.weighted<MoneyPath>([
    ['voluntary', 15 * voluntary],
    ['accountDebit', 25],
    ['auction', 60],
  ]);
}

/** Art. 44a(1)(a) or (c); (b), the thing lost, needs a thing to return and is left out. */
export function notEnforceableGround(random: SeededRandom): NotEnforceableGround {
  return random.weighted<NotEnforceableGround>([
    ['NO_INCOME_OR_ASSETS', 8],
    ['ADDRESS_UNKNOWN', 2],
  ]);
}

/** Art. 48(1) grounds other than the parties' agreement: these make the case hoãn in the statistics. */
export function postponementGround(random: SeededRandom): PostponementGround {
  return random.weighted<PostponementGround>([
    ['SERIOUS_ILLNESS', 25],
    ['DEBTOR_CANNOT_PERFORM', 15],
    ['ASSET_UNDER_DISPUTE', 25],
    ['AWAITING_COURT_EXPLANATION', 20],
    ['RECIPIENT_ABSENT', 10],
    ['TRANSFER_BLOCKED', 5],
  ]);
}

/** Art. 49: protests, or a bankruptcy petition against an organisation. */
export function suspensionGround(random: SeededRandom, identity: CaseIdentity): SuspensionGround {
  return random.weighted<SuspensionGround>([
    ['CASSATION_PROTEST', 50],
    ['REOPENING_PROTEST', 20],
    ['BANKRUPTCY_PETITION_ACCEPTED', identity.debtorIsOrganisation ? 60 : 0],
  ]);
}

/** Art. 50: grounds that fit the debtor and the items. */
export function terminationGround(random: SeededRandom, identity: CaseIdentity): TerminationGround {
  if (identity.creditorPartyId === undefined)
    return random.weighted<TerminationGround>([
      ['EXEMPTION_GRANTED', 5],
      ['DEBTOR_DIED_NO_ESTATE', 3],
      ['JUDGMENT_ANNULLED', 2],
    ]);
  if (identity.debtorIsOrganisation)
    return random.weighted<TerminationGround>([
      ['ORGANISATION_DISSOLVED', 4],
      ['BANKRUPTCY_OPENED', 3],
      ['SETTLEMENT_OR_WAIVER', 3],
    ]);
  return random.weighted<TerminationGround>([
    ['SETTLEMENT_OR_WAIVER', 12],
    ['DEBTOR_DIED_NO_ESTATE', 5],
    ['CREDITOR_DIED_NO_HEIRS', 2],
    ['JUDGMENT_ANNULLED', 1],
  ]);
}
