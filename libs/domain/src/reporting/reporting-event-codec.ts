import { moneyFieldCodec, type EventCodec } from '../shared/event-codec';
import type { ReportingEvent } from './reporting-events';

/** Stored form of reporting events. They carry no money (targets are integer basis points), so no field becomes bigint. */
export const reportingEventCodec: EventCodec<ReportingEvent> = moneyFieldCodec<ReportingEvent>({
  OfficeRegistered: [],
  TargetSet: [],
  PeriodClosed: [],
});
