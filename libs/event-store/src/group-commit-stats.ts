/**
 * Counters of a store's group commit (SQLite: group-commit-writer.ts; PostgreSQL: append-groups.ts), for tests and
 * metrics: fewer transactions than appends means grouping works.
 */
export interface GroupCommitStats {
  /** Group transactions committed (on PostgreSQL: append statements sent, each its own transaction). */
  readonly transactions: number;
  /** Appends processed inside those transactions (succeeded or failed). */
  readonly appends: number;
  /** Most appends seen in one transaction. */
  readonly largestGroup: number;
}
