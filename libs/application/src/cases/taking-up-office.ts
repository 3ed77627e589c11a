import { officesActingOnCase, type LocalDate, type OfficeLine, type TakeUpCase } from '@thads/domain';
import type { Actor, EventStore } from '@thads/event-store';
import { StreamNotFound } from '@thads/event-store';
import { streamNameOf } from '../aggregates/aggregate-definition';
import { caseAggregate } from '../aggregates/definitions';
import { officeLineOn } from '../complaints/deciding-authority';
import { officeSuccessions } from '../office-registry/office-registry';

/**
 * The line of the office holding a case of `caseOfficeId` on `date` (succession followed): the holder, then each
 * registered superior. The domain's ensureTakesUpAsProvince finds the provincial office in it.
 */
export async function holderLineOn(store: EventStore, caseOfficeId: string, date: LocalDate): Promise<OfficeLine> {
  const [holder] = officesActingOnCase(await officeSuccessions(store), caseOfficeId, date).acting;
  return officeLineOn(store, holder, date);
}

/**
 * TakeUpCase carries who decides it and the holder's office line on its date, for the decider to check that a head of
 * the provincial office above takes the case up. The command path fills them when the caller did not (the HTTP DTO
 * refuses both); an unknown case is left to the decider (CASE_NOT_FOUND).
 */
export async function withTakingUpOffice(
  store: EventStore,
  caseId: string,
  command: TakeUpCase,
  actor: Actor,
): Promise<TakeUpCase> {
  if (command.data.official !== undefined && command.data.officeLine !== undefined) return command;
  const officeId = await receivingOfficeOf(store, caseId);
  if (officeId === undefined) return command;
  const officeLine = await holderLineOn(store, officeId, command.data.effectiveDate);
  const official = { role: actor.role, officeIds: actor.officeId === undefined ? [] : [actor.officeId] };
  return { ...command, data: { official, officeLine, ...command.data } };
}

async function receivingOfficeOf(store: EventStore, caseId: string): Promise<string | undefined> {
  try {
    const [first] = await store.readStream(streamNameOf(caseAggregate.category, caseId), { maxCount: 1 });
    return typeof first?.data.officeId === 'string' ? first.data.officeId : undefined;
  } catch (error) {
    if (error instanceof StreamNotFound) return undefined;
    throw error;
  }
}
