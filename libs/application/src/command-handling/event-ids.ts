import { createHash } from 'node:crypto';

/**
 * Event ids derived from the stream and the command's identity (handleCommand passes actor, command id and
 * fingerprint), so a retried command produces the same ids and the store's idempotency (EventStoreDB's rule) keeps
 * it from doubling a fact. The stream is part of the name because an Idempotency-Key is scoped to the resource it
 * is sent to, and EventStoreDB, unlike the SQL adapters, does not refuse one event id in two streams. Formatted as
 * an RFC 9562 version-8 uuid.
 */
export function eventIdFor(streamName: string, commandIdentity: string, index: number): string {
  return deterministicUuid(`${streamName}#${commandIdentity}#${index}`);
}

/** A uuid (version 8, name-based on sha256) for any string: the same input always gives the same uuid. */
export function deterministicUuid(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
