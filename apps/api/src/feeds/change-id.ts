/** A change id as text: the `id:` of an SSE message, `fromId`, `Last-Event-ID`. A 64-bit integer in the database. */
const CHANGE_ID = /^(0|[1-9]\d{0,18})$/;
const MAX_CHANGE_ID = 9_223_372_036_854_775_807n;

/** Whether `value` is a change id written as a whole number that fits the database's signed 64-bit id. */
export function isChangeId(value: unknown): value is string {
  return typeof value === 'string' && CHANGE_ID.test(value) && BigInt(value) <= MAX_CHANGE_ID;
}
