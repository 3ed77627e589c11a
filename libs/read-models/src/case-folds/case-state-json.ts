/**
 * A folded CaseState as stored JSON and back. The state is plain data apart from bigint money, written as
 * `{"$bigint":"…"}` so that it is told apart from any string. Deterministic, so a rebuild writes the same bytes.
 */
import type { CaseState } from '@thads/domain';

const BIGINT = '$bigint';

export function encodeCaseState(state: CaseState): string {
  return JSON.stringify(state, (_key, value: unknown) =>
    typeof value === 'bigint' ? { [BIGINT]: value.toString() } : value,
  );
}

export function decodeCaseState(json: string): CaseState {
  return JSON.parse(json, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || !(BIGINT in value)) return value;
    return BigInt((value as Record<string, string>)[BIGINT]);
  }) as CaseState;
}
