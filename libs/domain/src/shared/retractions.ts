import type { JsonRecord } from './event-codec';

/**
 * Retractions (CorrectRecordedFact → FactRetracted). A retracted event stays in the stream (TT 04/2023 Art. 36: a
 * wrong entry is corrected beside it, never erased), but no fold may count it. Deciders never see event ids, so
 * retractions are honoured here, on stored events before decoding, by every fold of a stream: the command side's and
 * the read side's alike.
 */

/** What the retraction logic reads of a stored event (a recorded event, or one about to be appended). */
export interface StoredEvent {
  readonly id: string;
  readonly type: string;
  readonly data: JsonRecord;
}

/** The stored type whose data names a retracted event (`retractedEventId`) and optional `correctedData`. */
export const FACT_RETRACTED = 'FactRetracted';

/**
 * `events` as the fold must see them: each retracted event dropped, or, when its standing correction carries
 * correctedData, kept in its place with those fields laid over its recorded data. Pure; stream order is kept.
 *
 * Corrections can be corrected (docs/corrections.md, "Corrections of corrections"):
 * - a FactRetracted may itself be retracted: it then no longer applies, and the event it corrected folds as it stood
 *   before that correction (a retraction of that retraction reinstates it, and so on);
 * - a second correction of the same event supersedes the first: the latest correction still standing is the one that
 *   applies, its correctedData laid over the event as recorded (never over an earlier correction).
 * Retracted FactRetracted events are dropped like any retracted event; superseded ones stay (they changed nothing
 * the standing one does not).
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
    // spread-then-add: replaces keys only (a correction names fields of the data; Object.assign would obey a __proto__ key)
    if (correctedData) effective.push({ ...event, data: { ...event.data, ...correctedData } });
  }
  return effective;
}

/**
 * Retracted event id → the correctedData of its standing correction (null: retracted outright), from the FactRetracted
 * events among `events`. Read from the end of the stream: a FactRetracted that a later standing one retracts does not
 * stand, and of the standing corrections of one event the latest wins.
 */
export function retractionsOf(events: readonly StoredEvent[]): ReadonlyMap<string, JsonRecord | null> {
  const corrections = new Map<string, JsonRecord | null>();
  for (let index = events.length - 1; index >= 0; index -= 1) {
    const event = events[index];
    if (event.type !== FACT_RETRACTED || typeof event.data.retractedEventId !== 'string') continue;
    // Retracted by a later standing retraction: it does not apply.
    if (corrections.has(event.id)) continue;
    // Superseded by a later standing correction of the same event.
    if (corrections.has(event.data.retractedEventId)) continue;
    const corrected = event.data.correctedData;
    corrections.set(event.data.retractedEventId, isRecord(corrected) ? corrected : null);
  }
  return corrections;
}

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
