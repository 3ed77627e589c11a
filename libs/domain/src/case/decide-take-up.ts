import type { ActingOfficial, OfficeInLine, OfficeLine } from '../complaint/complaint-authority';
import type { TakeUpCase } from './case-commands';
import type { CaseEvent } from './case-events';
import { ensureRule, eventData, requireStatus, requireText } from './case-rules';
import type { ExistingCase } from './case-state';

/**
 * Rút lên (Law 2008 Art. 35(2)): a provincial office takes up a case of an office under it and enforces it itself.
 * The case must still be on the books (decided, enforceable, not enforceable, postponed or suspended); a case in the
 * separate register comes back by a re-verification first. The case ends here as `taken_up`; the province opens
 * its own case for it (one decision = one case), as the receiver of an entrustment does.
 */
const ON_THE_BOOKS = ['decided', 'enforceable', 'not_enforceable', 'postponed', 'suspended'] as const;

/** Tiers that already enforce at provincial level or above: a case they hold has nowhere higher to go. */
const PROVINCE_OR_ABOVE = new Set(['PROVINCE', 'GENERAL_DEPARTMENT', 'MINISTRY']);

export function decideTakeUpCase(command: TakeUpCase, state: ExistingCase): readonly CaseEvent[] {
  const { facts } = requireStatus(state, ON_THE_BOOKS, command.type);
  const decisionNumber = requireText(command.data.decisionNumber, 'decisionNumber');
  const line = command.data.officeLine ?? [];
  const province = ensureTakesUpAsProvince(line, command.data.official);
  return [
    {
      type: 'CaseTakenUp',
      data: eventData(facts, command.data.effectiveDate, {
        decisionNumber,
        fromOfficeId: line[0].officeId,
        provincialOfficeId: province.officeId,
      }),
    },
  ];
}

/**
 * The provincial office that may take up a case held by the first office of `line` (its line on the act's date),
 * if `official` heads it: CASE_ALREADY_AT_PROVINCE when the holder is itself provincial or above (409),
 * PROVINCIAL_OFFICE_NOT_IN_STRUCTURE when no PROVINCE office is registered above it (422), else
 * HEAD_OF_PROVINCIAL_OFFICE_REQUIRED naming that office (403). The HTTP guard asks the same before anything runs.
 */
export function ensureTakesUpAsProvince(line: OfficeLine, official: ActingOfficial | undefined): OfficeInLine {
  const [holder, ...above] = line;
  ensureRule(
    holder === undefined || !PROVINCE_OR_ABOVE.has(holder.tier),
    'CASE_ALREADY_AT_PROVINCE',
    'The case is held by a provincial office already',
    { officeId: holder?.officeId, tier: holder?.tier },
  );
  const province = above.find((office) => office.tier === 'PROVINCE');
  ensureRule(
    province !== undefined,
    'PROVINCIAL_OFFICE_NOT_IN_STRUCTURE',
    "No PROVINCE office is registered above the case's office on the act's date",
    { officeLine: line },
  );
  ensureRule(
    official?.role === 'head' && official.officeIds.includes(province.officeId),
    'HEAD_OF_PROVINCIAL_OFFICE_REQUIRED',
    `Only the head of ${province.officeId} takes up this case`,
    {
      requiredOfficeId: province.officeId,
      actingRole: official?.role,
      actingOfficeIds: official?.officeIds ?? [],
    },
  );
  return province;
}
