/**
 * `@thads/event-store/conformance`: the adapter conformance suite and its fixtures. Test-only: it uses jest globals.
 */
export { eventStoreConformance, type ConformanceOptions, type EventStoreFactory } from './event-store-conformance';
export {
  expectInvalidMetadata,
  expectWrongExpectedRevision,
  positionsOf,
  rejectionOf,
  take,
  testEvent,
  testEvents,
  testMetadata,
} from './fixtures';
