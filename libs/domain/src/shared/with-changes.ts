/**
 * `value` with `changes` applied, as a new object: what `{ ...value, ...changes }` means, typed so that a change names
 * only fields of `value`'s type with values of their types. Object.assign rather than that literal because on Node 20
 * a literal that opens with a spread and then adds keys is slow and outlives young collections, and an evolve adds
 * optional fields (an officer, a price) as a case goes on (docs/performance.md, change 50).
 */
export function withChanges<T extends object>(value: T, changes: Partial<T>): T {
  return Object.assign({}, value, changes);
}
