/**
 * The start-up durability rules, as pure functions of what the stores report: which settings are
 * safe, what an unsafe one stops, and what ALLOW_UNSAFE_DURABILITY=true lets through. No I/O here, so every branch is
 * unit-tested with plain objects; check-durability.ts reads the settings and applies the verdict.
 *
 * Safe means "an acknowledged write survives a crash or power loss of this machine":
 * - SQLite: journal_mode=wal and synchronous=FULL (2) or EXTRA (3). In WAL mode NORMAL may lose the last commits on
 *   power loss; an in-memory database (journal_mode=memory) keeps nothing at all.
 * - PostgreSQL: fsync=on, and synchronous_commit one of on, remote_apply, remote_write, local: all four flush the
 *   commit record to the local WAL before acknowledging (they differ only in what they wait for on standbys). Only
 *   `off` acknowledges before the flush. Any value not listed (a future one, a typo in a fork) counts as unsafe.
 * - EventStoreDB: the server flushes before acknowledging unless started with --unsafe-disable-flush-to-disk, and a
 *   cluster acknowledges after a quorum; the client cannot read either, so it is reported as unverifiable, not safe.
 */

/** The variable that must be exactly `true` to start despite unsafe settings. */
export const ALLOW_UNSAFE_DURABILITY = 'ALLOW_UNSAFE_DURABILITY';

/** PostgreSQL synchronous_commit values that flush the local WAL before a commit is acknowledged. */
export const SAFE_SYNCHRONOUS_COMMIT = ['on', 'remote_apply', 'remote_write', 'local'] as const;

/** The lowest SQLite synchronous level accepted: FULL. EXTRA (3) is stricter and also accepted. */
export const SQLITE_SYNCHRONOUS_FULL = 2;

/** Settings as read from one open store. */
export type DurabilityObservation =
  | { readonly engine: 'sqlite'; readonly journalMode: string; readonly synchronousLevel: number }
  | { readonly engine: 'postgres'; readonly fsync: string; readonly synchronousCommit: string }
  | { readonly engine: 'esdb' };

/** One store to judge: which variable chose it, its role, and what it reported. */
export interface StoreObservation {
  readonly variable: 'EVENT_STORE_URL' | 'READ_MODEL_URL';
  readonly role: 'event store' | 'read models';
  readonly observation: DurabilityObservation;
}

/** One unsafe setting. */
export interface DurabilityProblem {
  readonly variable: string;
  readonly role: string;
  readonly setting: string;
  readonly actual: string;
  readonly expected: string;
}

/** The verdict on one store, as GET /health shows it. */
export interface StoreVerdict {
  readonly variable: string;
  readonly role: string;
  readonly engine: DurabilityObservation['engine'];
  /** `unverifiable`: the engine does not expose its settings to the client (EventStoreDB). */
  readonly verdict: 'safe' | 'unsafe' | 'unverifiable';
  readonly settings: Readonly<Record<string, string>>;
  readonly problems: readonly DurabilityProblem[];
}

/** What start-up does: go on (`safe`), go on loudly (`unsafe-allowed`), or stop (`refused`, with `message`). */
export interface DurabilityDecision {
  readonly outcome: 'safe' | 'unsafe-allowed' | 'refused';
  readonly stores: readonly StoreVerdict[];
  readonly problems: readonly DurabilityProblem[];
  /** The refusal or the warning, naming every unsafe setting and its variable; empty when safe. */
  readonly message: string;
  /** Informational lines (an unverifiable engine), logged at start. */
  readonly notes: readonly string[];
}

/** Start-up refused because of unsafe durability settings; the message names each setting and its variable. */
export class UnsafeDurability extends Error {
  override readonly name = 'UnsafeDurability';
}

/** Judges one store's settings. */
export function judgeStore(store: StoreObservation): StoreVerdict {
  const { variable, role, observation } = store;
  const problem = (setting: string, actual: string, expected: string): DurabilityProblem => ({
    variable,
    role,
    setting,
    actual,
    expected,
  });
  const base = { variable, role, engine: observation.engine };
  switch (observation.engine) {
    case 'sqlite': {
      const problems: DurabilityProblem[] = [];
      if (observation.journalMode.toLowerCase() !== 'wal')
        problems.push(problem('journal_mode', observation.journalMode, 'wal'));
      if (!(observation.synchronousLevel >= SQLITE_SYNCHRONOUS_FULL)) {
        problems.push(
          problem(
            'synchronous',
            String(observation.synchronousLevel),
            `FULL (${SQLITE_SYNCHRONOUS_FULL}) or EXTRA (3)`,
          ),
        );
      }
      const settings = { journal_mode: observation.journalMode, synchronous: String(observation.synchronousLevel) };
      return { ...base, verdict: problems.length ? 'unsafe' : 'safe', settings, problems };
    }
    case 'postgres': {
      const problems: DurabilityProblem[] = [];
      if (observation.fsync !== 'on') problems.push(problem('fsync', observation.fsync, 'on'));
      if (!(SAFE_SYNCHRONOUS_COMMIT as readonly string[]).includes(observation.synchronousCommit)) {
        problems.push(problem('synchronous_commit', observation.synchronousCommit, SAFE_SYNCHRONOUS_COMMIT.join(', ')));
      }
      const settings = { fsync: observation.fsync, synchronous_commit: observation.synchronousCommit };
      return { ...base, verdict: problems.length ? 'unsafe' : 'safe', settings, problems };
    }
    case 'esdb':
      return { ...base, verdict: 'unverifiable', settings: {}, problems: [] };
  }
}

/** Judges every store and decides what start-up does. */
export function decideDurability(stores: readonly StoreObservation[], allowUnsafe: boolean): DurabilityDecision {
  const verdicts = stores.map(judgeStore);
  const problems = verdicts.flatMap((verdict) => verdict.problems);
  const notes = verdicts
    .filter((verdict) => verdict.verdict === 'unverifiable')
    .map(
      (verdict) =>
        `${verdict.variable} (${verdict.role}): EventStoreDB durability cannot be read from the client; make sure the server runs without --unsafe-disable-flush-to-disk (docs/eventstoredb.md)`,
    );
  if (problems.length === 0) return { outcome: 'safe', stores: verdicts, problems, message: '', notes };
  const list = problems
    .map((p) => `${p.variable} (${p.role}) has ${p.setting}=${p.actual}, safe: ${p.expected}`)
    .join('; ');
  if (allowUnsafe) {
    const message = `UNSAFE DURABILITY ALLOWED by ${ALLOW_UNSAFE_DURABILITY}=true: ${list}. Acknowledged writes may be lost in a crash; never run production like this.`;
    return { outcome: 'unsafe-allowed', stores: verdicts, problems, message, notes };
  }
  const message = `Unsafe durability settings: ${list}. Fix them (docs/configuration.md), or set ${ALLOW_UNSAFE_DURABILITY}=true to start anyway (tests and demos only).`;
  return { outcome: 'refused', stores: verdicts, problems, message, notes };
}
