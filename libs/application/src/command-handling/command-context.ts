import type { Actor } from '@thads/event-store';

/** Who sent a command and how to recognise a retry of it. Built at the edge (HTTP, CLI), never in the domain. */
export interface CommandContext {
  readonly actor: Actor;
  /** Stable per logical request: the Idempotency-Key header when given. A retry is recognised by it. */
  readonly commandId: string;
  readonly correlationId: string;
  /** Optimistic concurrency from the client (If-Match): the stream revision it last saw. */
  readonly expectedRevision?: bigint;
  /**
   * The office's local today (YYYY-MM-DD, Asia/Ho_Chi_Minh), against which a case or complaint act dated in the future
   * is refused (ACT_DATED_IN_FUTURE). Read from the clock by executeCommand when absent; a simulation (the demo, the
   * property test) states its own.
   */
  readonly today?: string;
  /** Mandatory on corrective commands. */
  readonly reason?: string;
  /**
   * What the sender asked, digested (fingerprintOf): a command id that comes back with another fingerprint is a
   * reused key, not a retry. The API digests the request (method, path, body as sent), so a retry without
   * `effectiveDate` on another day is still a retry; by default the command itself is digested.
   */
  readonly fingerprint?: string;
}

/** What a handled command produced. For an idempotent retry, the original outcome. */
export interface CommandResult {
  readonly streamName: string;
  /** Revision of the stream's last event after the command. */
  readonly nextRevision: bigint;
  /** Global log position of the command's last event: wait for projections to reach it for read-your-writes. */
  readonly position: bigint;
  readonly events: readonly { readonly type: string; readonly revision: bigint }[];
  /** True when this command id had already been handled and nothing new was written. */
  readonly replayed: boolean;
}
