import { fold, type JsonRecord } from '@thads/domain';
import type { AggregateDefinition } from './aggregate-definition';

/**
 * Retractions (CorrectRecordedFact → FactRetracted, issue 5 item 3). A retracted event stays in the stream (TT 04/2023
 * Art. 36: a wrong entry is corrected beside it, never erased), but no fold may count it. Deciders stay pure and
 * never see event ids, so the one place that honours retractions is here, on recorded events, before decoding:
 * handleCommand and loadAggregate both fold through `foldRecorded`.
 */

/** What the retraction logic reads of a stored event (a RecordedEvent, or one about to be appended). */
export interface StoredEvent {
  readonly id: string;
  readonly type: string;
  readonly data: JsonRecord;
}

/** The stored type whose data names a retracted event (`retractedEventId`) and optional `correctedData`. */
export const FACT_RETRACTED = 'FactRetracted';

/**
 * `events` as the fold must see them: each retracted event dropped, or, when its retraction carries correctedData,
 * kept in its place with those fields laid over its data. Pure; stream order is kept.
 */
export function withRetractionsApplied<Stored extends StoredEvent>(events: readonly Stored[]): readonly Stored[] {
  const corrections = retractionsOf(events);
  if (!corrections.size) return events;
  const effective: Stored[] = [];
  for (const event of events) {
    if (!corrections.has(event.id)) {
      effective.push(event);
      continue;
    }
    const correctedData = corrections.get(event.id);
    if (correctedData) effective.push({ ...event, data: { ...event.data, ...correctedData } });
  }
  return effective;
}

/** Retracted event id → its corrected data (null: retracted outright), from the FactRetracted events among `events`. */
export function retractionsOf(events: readonly StoredEvent[]): ReadonlyMap<string, JsonRecord | null> {
  const corrections = new Map<string, JsonRecord | null>();
  for (const event of events) {
    if (event.type !== FACT_RETRACTED || typeof event.data.retractedEventId !== 'string') continue;
    const corrected = event.data.correctedData;
    corrections.set(event.data.retractedEventId, isRecord(corrected) ? corrected : null);
  }
  return corrections;
}

/** The aggregate's state from its recorded events, retractions applied: the only fold of stored events for deciding. */
export function foldRecorded<Command extends { readonly type: string }, Event extends { readonly type: string }, State>(
  definition: AggregateDefinition<Command, Event, State>,
  recorded: readonly StoredEvent[],
): State {
  return fold(
    definition.decider,
    withRetractionsApplied(recorded).map((event) => definition.codec.decode(event)),
  );
}

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
