import {
  caseDecider,
  caseEventCodec,
  complaintDecider,
  complaintEventCodec,
  ensureCaseConsistentAfterCorrection,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type ComplaintCommand,
  type ComplaintEvent,
  type ComplaintState,
  officeRegistryDecider,
  officeRegistryEventCodec,
  type OfficeRegistryCommand,
  type OfficeRegistryEvent,
  type OfficeRegistryState,
  reportingDecider,
  reportingEventCodec,
  type ReportingCommand,
  type ReportingEvent,
  type ReportingState,
} from '@thads/domain';
import type { AggregateDefinition } from './aggregate-definition';

export const caseAggregate: AggregateDefinition<CaseCommand, CaseEvent, CaseState> = {
  category: 'case',
  decider: caseDecider,
  codec: caseEventCodec,
  schemaVersion: 1,
  ensureConsistentAfterCorrection: ensureCaseConsistentAfterCorrection,
};

export const complaintAggregate: AggregateDefinition<ComplaintCommand, ComplaintEvent, ComplaintState> = {
  category: 'complaint',
  decider: complaintDecider,
  codec: complaintEventCodec,
  schemaVersion: 1,
};

/** One stream per office (`reporting-<officeId>`): hierarchy, targets and closed periods for the statistics. */
export const reportingAggregate: AggregateDefinition<ReportingCommand, ReportingEvent, ReportingState> = {
  category: 'reporting',
  decider: reportingDecider,
  codec: reportingEventCodec,
  schemaVersion: 1,
};

/** The one stream of the office registry: `officeregistry-national`. */
export const OFFICE_REGISTRY_ID = 'national';

/** Mergers, splits and renames of offices, for the whole country in one stream (docs/domain.md). */
export const officeRegistryAggregate: AggregateDefinition<
  OfficeRegistryCommand,
  OfficeRegistryEvent,
  OfficeRegistryState
> = {
  category: 'officeregistry',
  decider: officeRegistryDecider,
  codec: officeRegistryEventCodec,
  schemaVersion: 1,
};
