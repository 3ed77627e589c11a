/**
 * A folded CaseState as stored JSON and back. The state is plain data apart from bigint money, written as
 * `{"$bigint":"…"}` so that it is told apart from any string. Deterministic, so a rebuild writes the same bytes.
 *
 * Decoding was a large share of the projector's CPU profile (docs/performance.md): every projection that folds cases
 * decoded each case's state on every batch. States are immutable values, so the text a state was encoded to (or
 * decoded from) maps to it in a small content-keyed cache: a case's state saved after one batch is found again,
 * undecoded, when the next batch (of any projection) loads it. Keyed by content, so it is right for any database.
 * The other way, a state object remembers its text while it lives, so the projections that share a fold (case-folds.ts)
 * encode it once.
 */
import type { CaseState } from '@thads/domain';

const BIGINT = '$bigint';
const RECENT_STATES = 2_000;
/** Long histories (a 5,000-event case's state is about 500 KB) are not kept: each batch would leave another copy. */
const LONGEST_KEPT = 16_384;
const recent = new Map<string, CaseState>();
const textOf = new WeakMap<CaseState, string>();

export function encodeCaseState(state: CaseState): string {
  const known = textOf.get(state);
  if (known !== undefined) return known;
  const json = JSON.stringify(state, (_key, value: unknown) =>
    typeof value === 'bigint' ? { [BIGINT]: value.toString() } : value,
  );
  remember(json, state);
  return json;
}

export function decodeCaseState(json: string): CaseState {
  const known = recent.get(json);
  if (known) return known;
  const state = JSON.parse(json, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || !(BIGINT in value)) return value;
    return BigInt((value as Record<string, string>)[BIGINT]);
  }) as CaseState;
  remember(json, state);
  return state;
}

function remember(json: string, state: CaseState): void {
  textOf.set(state, json);
  if (json.length > LONGEST_KEPT) return;
  recent.delete(json);
  recent.set(json, state);
  if (recent.size > RECENT_STATES) recent.delete(recent.keys().next().value as string);
}
