import type { SpanContext } from '@opentelemetry/api';

/** Enough for the batches a projector of the same process has yet to apply; the oldest go first. */
const CAPACITY = 10_000;
const byEventId = new Map<string, SpanContext>();

/**
 * Trace context of recent appends, by event id, within this process. The stored envelope carries no trace context
 * (its fields are fixed and hashed), so a projector running in the same process as the writer (the API's embedded
 * one) links its batch span to the append spans of the events it applies through this map; a projector in another
 * process finds nothing here and its span carries the batch's correlation ids instead. Filled only while a span
 * is recording, i.e. when traces are on.
 */
export function noteAppendSpan(eventIds: readonly string[], span: SpanContext): void {
  for (const id of eventIds) {
    byEventId.delete(id.toLowerCase());
    byEventId.set(id.toLowerCase(), span);
  }
  for (const oldest of byEventId.keys()) {
    if (byEventId.size <= CAPACITY) break;
    byEventId.delete(oldest);
  }
}

/** The span of the append that wrote this event in this process, if it was traced and is still remembered. */
export function appendSpanOf(eventId: string): SpanContext | undefined {
  return byEventId.get(eventId.toLowerCase());
}
