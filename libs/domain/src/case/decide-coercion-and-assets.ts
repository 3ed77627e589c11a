import { holidayOn } from '../calendar/working-days';
import { assertNever } from '../shared/decider';
import { isLocalDate, type LocalDate } from '../shared/local-date';
import type {
  ApplySecurityMeasure,
  CaseCommand,
  DecideCoercion,
  RecordAuctionResult,
  RecordValuation,
  ReduceAuctionPrice,
  SeizeAsset,
} from './case-commands';
import type { CaseEvent } from './case-events';
import {
  AFTER_DECISION,
  caseError,
  ensureRule,
  eventData,
  legalDueDate,
  requirePositiveMoney,
  requireStatus,
  requireText,
  workingDay,
} from './case-rules';
import type { CaseAsset, CaseFacts, DecisionInfo, ExistingCase } from './case-state';

/** Security measures, coercion and the seized-asset sub-lifecycle: seize → value → auction → reduce → sell (Art. 45–104). */

/** Art. 45(2), 66: security measures may come at any time after the decision, the voluntary period included. */
export function decideApplySecurityMeasure(command: ApplySecurityMeasure, state: ExistingCase): readonly CaseEvent[] {
  const { facts } = requireStatus(state, AFTER_DECISION, command.type);
  const measureId = requireText(command.data.measureId, 'measureId');
  ensureRule(
    !facts.securityMeasureIds.includes(measureId),
    'DUPLICATE_MEASURE_ID',
    `Security measure ${measureId} was already applied`,
    { measureId },
  );
  const { kind, description, effectiveDate } = command.data;
  return [{ type: 'SecurityMeasureApplied', data: eventData(facts, effectiveDate, { measureId, kind, description }) }];
}

/** Art. 46: coercion only on an enforceable case after the voluntary period, by day and on a working day. */
export function decideCoercion(command: DecideCoercion, state: ExistingCase): readonly CaseEvent[] {
  const { facts, decision } = requireEnforcementMayProceed(state, command.type);
  const { effectiveDate, measure } = command.data;
  ensureVoluntaryPeriodOver(facts, decision, effectiveDate);
  const decisionNumber = requireText(command.data.decisionNumber, 'decisionNumber');
  const { scheduledAt, date, minuteOfDay } = parseLocalDateTime(command.data.scheduledAt, 'scheduledAt');
  ensureRule(
    date >= effectiveDate,
    'COERCION_SCHEDULED_BEFORE_DECISION',
    'Coercion cannot be carried out before it is decided',
    {
      field: 'scheduledAt',
      scheduledAt,
      effectiveDate,
    },
  );
  // Art. 46(2): never from 22:00 to 06:00. 06:00 is day; 22:00 is night.
  ensureRule(
    minuteOfDay >= 6 * 60 && minuteOfDay < 22 * 60,
    'COERCION_AT_NIGHT',
    'Coercion is never carried out between 22:00 and 06:00',
    {
      field: 'scheduledAt',
      scheduledAt,
    },
  );
  ensureRule(
    workingDay(date),
    'COERCION_ON_NON_WORKING_DAY',
    'Coercion is never carried out on a rest day or a public holiday',
    {
      field: 'scheduledAt',
      scheduledAt,
      holiday: holidayOn(date) ?? null,
    },
  );
  return [{ type: 'CoercionDecided', data: eventData(facts, effectiveDate, { decisionNumber, measure, scheduledAt }) }];
}

/** Seizure carries out a SEIZE_AND_SELL coercion decision (Art. 71, 87–97); a valuer follows within 5 WD (Art. 98). */
export function decideSeizeAsset(command: SeizeAsset, state: ExistingCase): readonly CaseEvent[] {
  const { facts, decision } = requireEnforcementMayProceed(state, command.type);
  const { effectiveDate, kind, description } = command.data;
  ensureVoluntaryPeriodOver(facts, decision, effectiveDate);
  ensureRule(
    facts.coercionMeasures.includes('SEIZE_AND_SELL'),
    'COERCION_NOT_DECIDED',
    'Seizure needs a SEIZE_AND_SELL coercion decision',
    {
      coercionMeasures: facts.coercionMeasures,
    },
  );
  const assetId = requireText(command.data.assetId, 'assetId');
  ensureRule(
    !facts.assets.some((asset) => asset.assetId === assetId),
    'ASSET_ALREADY_SEIZED',
    `Asset ${assetId} is already seized`,
    { assetId },
  );
  return [
    {
      type: 'AssetSeized',
      data: eventData(facts, effectiveDate, {
        assetId,
        kind,
        description,
        valuerContractDueOn: legalDueDate('VALUER_CONTRACT', effectiveDate),
      }),
    },
  ];
}

/** The valuation is the first starting price (Art. 98–99). Re-valuation is not modelled yet. */
export function decideRecordValuation(command: RecordValuation, state: ExistingCase): readonly CaseEvent[] {
  const { facts } = requireEnforcementMayProceed(state, command.type);
  const asset = requireAsset(facts, command.data.assetId);
  ensureRule(asset.status !== 'sold', 'ASSET_ALREADY_SOLD', `Asset ${asset.assetId} is already sold`, {
    assetId: asset.assetId,
  });
  ensureRule(asset.status === 'seized', 'ASSET_ALREADY_VALUED', `Asset ${asset.assetId} is already valued`, {
    assetId: asset.assetId,
    assetStatus: asset.status,
  });
  const { effectiveDate, valuer } = command.data;
  return [
    {
      type: 'AssetValued',
      data: eventData(facts, effectiveDate, {
        assetId: asset.assetId,
        value: requirePositiveMoney(command.data.value, 'value'),
        valuer,
        auctionContractDueOn: legalDueDate('AUCTION_CONTRACT', effectiveDate),
      }),
    },
  ];
}

/** An auction at the current starting price; after a failure the price is reduced first (Art. 101, 104). */
export function decideRecordAuctionResult(command: RecordAuctionResult, state: ExistingCase): readonly CaseEvent[] {
  const { facts } = requireEnforcementMayProceed(state, command.type);
  const asset = requireAsset(facts, command.data.assetId);
  const { assetId, status } = asset;
  ensureRule(status !== 'sold', 'ASSET_ALREADY_SOLD', `Asset ${assetId} is already sold`, { assetId });
  ensureRule(status !== 'seized', 'ASSET_NOT_VALUED', `Asset ${assetId} has no valuation yet`, { assetId });
  ensureRule(
    status !== 'auction_failed',
    'AUCTION_PRICE_NOT_REDUCED',
    `Reduce the starting price of asset ${assetId} before another auction`,
    { assetId },
  );
  const startingPrice = startingPriceOf(asset);
  const { effectiveDate } = command.data;
  const base = eventData(facts, effectiveDate, { assetId });
  if (command.data.outcome === 'FAILED')
    return [{ type: 'AuctionFailed', data: Object.assign({}, base, { startingPrice }) }];
  ensureRule(command.data.price !== undefined, 'AUCTION_PRICE_REQUIRED', 'A SOLD auction result needs its price', {
    field: 'price',
  });
  const price = requirePositiveMoney(command.data.price, 'price');
  ensureRule(
    price >= startingPrice,
    'SALE_PRICE_BELOW_STARTING_PRICE',
    'An auction never sells below its starting price',
    {
      field: 'price',
      price: price.toString(),
      startingPrice: startingPrice.toString(),
    },
  );
  return [
    {
      type: 'AssetSoldAtAuction',
      data: Object.assign({}, base, { price, buyerPaymentDueOn: legalDueDate('AUCTION_BUYER_PAYMENT', effectiveDate) }),
    },
  ];
}

/** Art. 104: each reduction is at most 10% of the previous starting price, checked in exact integers. */
export function decideReduceAuctionPrice(command: ReduceAuctionPrice, state: ExistingCase): readonly CaseEvent[] {
  const { facts } = requireEnforcementMayProceed(state, command.type);
  const asset = requireAsset(facts, command.data.assetId);
  const { assetId } = asset;
  ensureRule(asset.status !== 'sold', 'ASSET_ALREADY_SOLD', `Asset ${assetId} is already sold`, { assetId });
  ensureRule(
    asset.status === 'auction_failed',
    'AUCTION_NOT_FAILED',
    `The last auction of asset ${assetId} did not fail`,
    { assetId, assetStatus: asset.status },
  );
  const previousPrice = startingPriceOf(asset);
  const newPrice = requirePositiveMoney(command.data.newPrice, 'newPrice');
  const details = { field: 'newPrice', previousPrice: previousPrice.toString(), newPrice: newPrice.toString() };
  ensureRule(
    newPrice < previousPrice,
    'PRICE_NOT_REDUCED',
    'The new starting price must be below the previous one',
    details,
  );
  ensureRule(
    newPrice * 10n >= previousPrice * 9n,
    'PRICE_REDUCTION_EXCEEDS_10_PERCENT',
    'A reduction is at most 10% of the previous starting price',
    Object.assign({}, details, {
      lowestAllowed: ((previousPrice * 9n + 9n) / 10n).toString(),
    }),
  );
  return [
    {
      type: 'AuctionPriceReduced',
      data: eventData(facts, command.data.effectiveDate, {
        assetId,
        previousPrice,
        newPrice,
        reductionNumber: asset.priceReductions + 1,
      }),
    },
  ];
}

/**
 * The case is enforceable and nothing holds enforcement back; otherwise the code says what does. Postponement,
 * suspension and "not enforceable" all block coercion (docs/domain.md).
 */
function requireEnforcementMayProceed(
  state: ExistingCase,
  command: CaseCommand['type'],
): ExistingCase & { readonly status: 'enforceable' } {
  const details = { status: state.status, command };
  const lastFoundNotEnforceable = state.facts.classification.latestResult === 'NOT_ENFORCEABLE';
  switch (state.status) {
    case 'enforceable':
    case 'decided':
      ensureRule(
        !lastFoundNotEnforceable,
        'CASE_NOT_ENFORCEABLE',
        'The latest verification found the case not enforceable',
        details,
      );
      ensureRule(
        state.status === 'enforceable',
        'CONDITIONS_NOT_VERIFIED',
        'No verification has found the case enforceable yet',
        details,
      );
      return requireStatus(state, ['enforceable'], command);
    case 'not_enforceable':
    case 'separately_tracked':
      throw caseError('CASE_NOT_ENFORCEABLE', 'The case is not enforceable', details);
    case 'postponed':
      throw caseError('ENFORCEMENT_POSTPONED', 'Enforcement is postponed', details);
    case 'suspended':
      throw caseError('ENFORCEMENT_SUSPENDED', 'Enforcement is suspended', details);
    case 'intake':
    case 'rejected':
    case 'entrusted_out':
    case 'terminated':
    case 'settled':
    case 'withdrawn':
    case 'sent_back':
    case 'taken_up':
      return requireStatus(state, ['enforceable'], command);
    default:
      return assertNever(state, 'case status');
  }
}

/** Art. 45(1), 46(1): the debtor has the voluntary period in full; interim measures have none. */
function ensureVoluntaryPeriodOver(facts: CaseFacts, decision: DecisionInfo, effectiveDate: LocalDate): void {
  if (facts.interimMeasure) return;
  const { voluntaryPeriodEndsOn } = decision;
  ensureRule(
    effectiveDate > voluntaryPeriodEndsOn,
    'VOLUNTARY_PERIOD_RUNNING',
    `The voluntary period runs until ${voluntaryPeriodEndsOn}`,
    {
      voluntaryPeriodEndsOn,
      effectiveDate,
    },
  );
}

function requireAsset(facts: CaseFacts, assetId: string): CaseAsset {
  const asset = facts.assets.find((candidate) => candidate.assetId === assetId);
  ensureRule(asset, 'ASSET_NOT_FOUND', `No seized asset ${assetId}`, { assetId });
  return asset;
}

function startingPriceOf(asset: CaseAsset): bigint {
  if (asset.startingPrice === undefined)
    throw new Error(`Corrupt case state: asset ${asset.assetId} is ${asset.status} without a price`);
  return asset.startingPrice;
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** Parses a local `YYYY-MM-DDTHH:mm`, or INVALID_DATE naming `field`. */
function parseLocalDateTime(
  value: unknown,
  field: string,
): { scheduledAt: string; date: LocalDate; minuteOfDay: number } {
  const match = typeof value === 'string' ? LOCAL_DATE_TIME.exec(value) : null;
  const hours = Number(match?.[2]);
  const minutes = Number(match?.[3]);
  if (!match || !isLocalDate(match[1]) || hours > 23 || minutes > 59) {
    throw caseError('INVALID_DATE', `${field} must be a local date-time written YYYY-MM-DDTHH:mm`, { field, value });
  }
  return { scheduledAt: match[0], date: match[1], minuteOfDay: hours * 60 + minutes };
}
