import { hash } from 'node:crypto';

/**
 * The id of a command's event: an RFC 9562 version-7 uuid, whose first 48 bits are the time the command was handled
 * (Unix milliseconds) and whose other 74 bits come from the stream, the command's identity (handleCommand passes
 * actor, command id and fingerprint) and the event's index. Time first, so each new id lands at the growing end of the
 * store's id index instead of on a random page of it (docs/decisions.md, "Event ids are time-ordered"). A retried
 * command is recognised by its command id in the stream (handle-command.ts), not by its event ids.
 */
export function eventIdFor(streamName: string, commandIdentity: string, index: number, atMs: number): string {
  const bytes = sha256Bytes(`${streamName}#${commandIdentity}#${index}`);
  bytes.writeUIntBE(atMs, 0, 6);
  return formatUuid(bytes, 0x70);
}

/** A uuid (version 8, name-based on sha256) for any string: the same input always gives the same uuid. */
export function deterministicUuid(name: string): string {
  return formatUuid(sha256Bytes(name), 0x80);
}

function sha256Bytes(name: string): Buffer {
  return hash('sha256', name, 'buffer').subarray(0, 16);
}

/** Sets the version nibble and the RFC 9562 variant, and writes the 16 bytes in the 8-4-4-4-12 form. */
function formatUuid(bytes: Buffer, version: number): string {
  bytes[6] = (bytes[6] & 0x0f) | version;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
