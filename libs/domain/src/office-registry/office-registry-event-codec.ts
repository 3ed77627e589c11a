import { moneyFieldCodec, type EventCodec } from '../shared/event-codec';
import type { OfficeRegistryEvent } from './office-registry-events';

/** Stored form of the registry's events: no money. */
export const officeRegistryEventCodec: EventCodec<OfficeRegistryEvent> = moneyFieldCodec<OfficeRegistryEvent>({
  OfficesMerged: [],
  OfficeSplit: [],
  OfficeRenamed: [],
});
