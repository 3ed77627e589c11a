/// <reference types="jest" />
/**
 * Builders and assertions shared by the conformance suite; also handy in other libraries' tests.
 */
import { randomUUID } from 'node:crypto';
import { InvalidEventMetadata, WrongExpectedRevision } from '../errors';
import type { EventMetadataInput, EventToAppend, ExpectedRevision, JsonValue, RecordedEvent } from '../event-store';

/** A complete, valid envelope; override any field. */
export function testMetadata(overrides: Partial<EventMetadataInput> = {}): EventMetadataInput {
  return {
    actor: { id: 'officer-1', role: 'officer', officeId: 'office-hn-01' },
    commandId: randomUUID(),
    correlationId: 'correlation-1',
    causationId: 'causation-1',
    schemaVersion: 1,
    ...overrides,
  };
}

/** A valid event with a fresh uuid. */
export function testEvent(
  type = 'TestHappened',
  data: { readonly [key: string]: JsonValue } = {},
  metadata?: Partial<EventMetadataInput>,
): EventToAppend {
  return { id: randomUUID(), type, data, metadata: testMetadata(metadata) };
}

/** `count` valid events of one type, data `{ n: 0 … count-1 }`. */
export function testEvents(count: number, type = 'TestHappened'): EventToAppend[] {
  return Array.from({ length: count }, (_, n) => testEvent(type, { n }));
}

/** The settled error of a promise that must reject (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  const outcome = await promise.then(
    (value) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error(`Expected a rejection, got ${String(outcome.value)}`);
  return outcome.error;
}

/** Asserts a WrongExpectedRevision carrying exactly these stream, expected and actual values. */
export async function expectWrongExpectedRevision(
  promise: Promise<unknown>,
  stream: string,
  expected: ExpectedRevision,
  actual: bigint | 'no_stream',
): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(WrongExpectedRevision);
  const wrong = error as WrongExpectedRevision;
  expect({ stream: wrong.stream, expected: wrong.expected, actual: wrong.actual }).toEqual({
    stream,
    expected,
    actual,
  });
}

/** Asserts an InvalidEventMetadata naming `field`. */
export async function expectInvalidMetadata(promise: Promise<unknown>, field: string): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(InvalidEventMetadata);
  expect((error as InvalidEventMetadata).field).toBe(field);
}

/** Positions of events, for exact-sequence assertions. */
export function positionsOf(events: readonly RecordedEvent[]): bigint[] {
  return events.map((event) => event.position);
}

/** Pulls from an iterable until `count` events arrived (then stops the iteration). Never waits on a timer. */
export async function take(
  iterable: AsyncIterable<RecordedEvent>,
  count: number,
  onEach?: (event: RecordedEvent, index: number) => void | Promise<void>,
): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  if (count === 0) return received;
  for await (const event of iterable) {
    received.push(event);
    await onEach?.(event, received.length - 1);
    if (received.length >= count) break;
  }
  return received;
}
