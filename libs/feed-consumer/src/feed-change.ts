import type { SseMessage } from './sse-parser';

/** The `event:` of every change message of GET /feeds/read-models. */
export const READ_MODEL_CHANGE_EVENT = 'read-model-change';

/** The key a rebuild's swap logs: every row of the projection may have changed; read it again whole. */
export const REBUILT_KEY = '$rebuilt';

/** One change of a read model, as the feed names it. */
export interface FeedChange {
  /** The change id: what Last-Event-ID resumes after. A whole number as decimal text (64-bit on the server). */
  readonly id: string;
  /** The read model (`case_summary`, `completion_stats`, …). */
  readonly projection: string;
  /** What changed: a case id, a stream name, or `$rebuilt`. */
  readonly key: string;
  /** The log position to pass as `minPosition` when reading the change. */
  readonly position: string;
}

const WHOLE_NUMBER = /^(0|[1-9]\d*)$/;

/** The feed said something this consumer cannot take as a change: a broken contract, not a network hiccup. */
export class FeedProtocolError extends Error {
  override readonly name = 'FeedProtocolError';
}

/** A change message read as a FeedChange, or a FeedProtocolError naming what is wrong with it. */
export function changeOf(message: SseMessage): FeedChange {
  if (message.id === undefined || !WHOLE_NUMBER.test(message.id))
    throw new FeedProtocolError(`A change message without a whole-number id: ${JSON.stringify(message.id ?? null)}`);
  let data: unknown;
  try {
    data = JSON.parse(message.data);
  } catch {
    throw new FeedProtocolError(`Change ${message.id}: data is not JSON`);
  }
  const fields = data as Record<string, unknown> | null;
  if (
    typeof fields !== 'object' ||
    fields === null ||
    typeof fields.projection !== 'string' ||
    typeof fields.key !== 'string' ||
    typeof fields.position !== 'string' ||
    !WHOLE_NUMBER.test(fields.position)
  )
    throw new FeedProtocolError(`Change ${message.id}: data must be {projection, key, position}`);
  return { id: message.id, projection: fields.projection, key: fields.key, position: fields.position };
}

/** Compares two change ids as the whole numbers they are (their text can exceed 2^53). */
export function compareChangeIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether `text` is a change id a consumer may resume after. */
export function isChangeId(text: string): boolean {
  return WHOLE_NUMBER.test(text) && text.length <= 19;
}
