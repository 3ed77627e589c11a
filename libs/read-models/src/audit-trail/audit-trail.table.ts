/** Columns of the audit_trail read model: one row per event, keyed by log position. */
export interface AuditTrailTable {
  position: bigint;
  event_id: string;
  stream: string;
  revision: bigint;
  /** `case-<id>` streams give the id; complaint events carry `data.caseId`; null for other streams. */
  case_id: string | null;
  event_type: string;
  actor_id: string;
  actor_role: string;
  /** The actor's office (who acted from where), not the case's office. */
  office_id: string | null;
  command_id: string;
  correlation_id: string;
  causation_id: string;
  reason: string | null;
  recorded_at: string;
  /** `data.effectiveDate` when the event has one: the legal date, distinct from recorded_at. */
  effective_date: string | null;
  schema_version: bigint;
  prev_hash: string;
  hash: string;
}
