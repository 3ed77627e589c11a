/**
 * The per-stream hash chain (docs/architecture.md). Every adapter seals events with these functions, so a stream's hashes
 * are identical whichever store holds it, and an auditor can verify an export without the store.
 *
 * Hashed material (a decision, identical for every adapter):
 *
 *     hash = sha256hex( prevHash ‖ canonicalJson({ id, stream, revision, type, data, metadata }) )
 *
 * where `metadata` is the stored envelope without `hash` (so it includes recordedAt and prevHash), `revision` is a
 * decimal string (bigint has no JSON form), and ‖ is string concatenation of the 64-hex prevHash and the UTF-8 text.
 * The design's minimum is type, data and metadata; id, stream and revision are added so that moving an event to
 * another stream, renumbering it, or swapping its id is detected, not just editing its payload. The global
 * `position` is deliberately excluded: it is adapter-specific (EventStoreDB assigns its own) and unknown until commit.
 *
 * What a chain cannot show: truncation of a stream's tail. Compare the head hash with an independently kept copy.
 */
import { hash as hashOnce } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { EventMetadata, JsonValue, RecordedEvent } from './event-store';
import type { ValidatedEvent } from './metadata';
import { fillMetadata, metadataTemplate } from './metadata-template';

/** prevHash of a stream's first event (revision 0): 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: an event as recorded, minus its global position (and `metadata.hash` is ignored). */
export interface HashableEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: { readonly [key: string]: JsonValue };
  readonly metadata: Omit<EventMetadata, 'hash'> & { readonly hash?: string };
}

/** An event sealed for writing: revision, recordedAt, prevHash and hash are set; the store assigns the position. */
export interface SealedEvent extends Omit<RecordedEvent, 'position'> {
  /** Canonical JSON of `data`, the exact text to store. */
  readonly dataJson: string;
  /** Canonical JSON of `metadata` (hash included), the exact text to store. */
  readonly metadataJson: string;
}

/** The canonical JSON text that follows prevHash in the hash input. Throws NonJsonValueError for non-JSON content. */
export function hashMaterial(event: HashableEvent): string {
  // `hash` is dropped even if present, so a recorded event can be passed as is.
  const { hash: _hash, ...metadata } = event.metadata;
  return canonicalJson({
    id: event.id,
    stream: event.stream,
    revision: event.revision.toString(),
    type: event.type,
    data: event.data,
    metadata,
  });
}

/**
 * hashMaterial from texts already in canonical form (validateAppend made the data's, sealEvents the metadata's,
 * without `hash`): the same bytes, written with the keys in canonical order by hand, so nothing is serialised a
 * second time on every append.
 */
export function hashMaterialOfTexts(
  event: Pick<HashableEvent, 'id' | 'stream' | 'revision' | 'type'>,
  dataJson: string,
  metadataJson: string,
): string {
  return (
    `{"data":${dataJson},"id":${JSON.stringify(event.id)},"metadata":${metadataJson},` +
    `"revision":"${event.revision.toString()}","stream":${JSON.stringify(event.stream)},` +
    `"type":${JSON.stringify(event.type)}}`
  );
}

/** sha256 hex of `metadata.prevHash ‖ hashMaterial(event)`. */
export function computeEventHash(event: HashableEvent): string {
  return sha256(event.metadata.prevHash, hashMaterial(event));
}

function sha256(prevHash: string, material: string): string {
  // One-shot hash (Node >= 20.12): half the cost of createHash().update().digest() for inputs of this size.
  return hashOnce('sha256', prevHash + material, 'hex');
}

/** The last event of a stream as far as chaining needs it; undefined for a stream with no events. */
export interface ChainHead {
  readonly revision: bigint;
  readonly hash: string;
}

/**
 * Assigns revisions after `head` and links each event to the previous one. Called inside the append transaction,
 * from the stream head loaded in that same transaction, so concurrent writers can never fork a chain.
 */
export function sealEvents(
  stream: string,
  events: readonly ValidatedEvent[],
  head: ChainHead | undefined,
  recordedAt: string,
): SealedEvent[] {
  let revision = head ? head.revision : -1n;
  let prevHash = head ? head.hash : GENESIS_HASH;
  return events.map((event) => {
    revision += 1n;
    // The metadata is serialised once; its text with and without the hash are cut from it.
    const template = metadataTemplate(event.metadata);
    const withoutHash = fillMetadata(template, undefined, prevHash, recordedAt);
    const material = hashMaterialOfTexts(
      { id: event.id, stream, revision, type: event.type },
      event.dataJson,
      withoutHash,
    );
    const hash = sha256(prevHash, material);
    const sealed: SealedEvent = {
      id: event.id,
      stream,
      revision,
      type: event.type,
      data: event.data,
      // Not `{ ...event.metadata, recordedAt, ... }`: on Node 20 a literal that opens with a spread and then adds keys
      // is slow and survives young collections (docs/performance.md, change 50).
      metadata: Object.assign({}, event.metadata, { recordedAt, prevHash, hash }),
      dataJson: event.dataJson,
      metadataJson: fillMetadata(template, hash, prevHash, recordedAt),
    };
    prevHash = hash;
    return sealed;
  });
}

/** Where and why a chain is broken. `expected` is what the chain requires, `actual` what the event carries. */
export interface ChainBreak {
  readonly stream: string;
  readonly revision: bigint;
  readonly id: string;
  /** `hash`: content does not match its hash; `prevHash`: link to the predecessor broken; `revision`: not consecutive. */
  readonly kind: 'hash' | 'prevHash' | 'revision';
  readonly expected: string;
  readonly actual: string;
}

/** Outcome of verifyChain. */
export type ChainVerification = { readonly ok: true } | { readonly ok: false; readonly brokenAt: ChainBreak };

/**
 * Verifies recorded events: each event's hash against its content, and each link to its predecessor in the same
 * stream. Accepts one stream or several interleaved (readAll output), each in ascending revision order; reports the
 * first break in input order. A stream's first event is linked to GENESIS_HASH when its revision is 0; a slice that
 * starts later is verified relative to its first event, whose prevHash is taken on trust.
 */
export function verifyChain(events: readonly RecordedEvent[]): ChainVerification {
  const heads = new Map<string, ChainHead>();
  for (const event of events) {
    const head = heads.get(event.stream);
    if (head && event.revision !== head.revision + 1n) {
      return broken(event, 'revision', (head.revision + 1n).toString(), event.revision.toString());
    }
    const expectedPrev = head ? head.hash : event.revision === 0n ? GENESIS_HASH : undefined;
    if (expectedPrev !== undefined && event.metadata.prevHash !== expectedPrev) {
      return broken(event, 'prevHash', expectedPrev, String(event.metadata.prevHash));
    }
    let recomputed: string;
    try {
      recomputed = computeEventHash(event);
    } catch {
      recomputed = '(content is not canonical JSON)';
    }
    if (recomputed !== event.metadata.hash) return broken(event, 'hash', recomputed, String(event.metadata.hash));
    heads.set(event.stream, { revision: event.revision, hash: event.metadata.hash });
  }
  return { ok: true };
}

function broken(event: RecordedEvent, kind: ChainBreak['kind'], expected: string, actual: string): ChainVerification {
  return {
    ok: false,
    brokenAt: { stream: event.stream, revision: event.revision, id: event.id, kind, expected, actual },
  };
}
