export { auditTrailProjection, auditTrailRow } from './audit-trail.projection';
export type { AuditTrailTable } from './audit-trail.table';
export {
  InvalidAuditTrailQuery,
  queryAuditTrail,
  type AuditTrailEntry,
  type AuditTrailPage,
  type AuditTrailQuery,
} from './audit-trail.queries';
