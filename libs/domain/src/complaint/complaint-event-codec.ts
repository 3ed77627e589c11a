import { moneyFieldCodec, type EventCodec } from '../shared/event-codec';
import type { ComplaintEvent } from './complaint-events';

/** Stored form of complaint events. Complaints carry no money, so no field is read back as bigint. */
export const complaintEventCodec: EventCodec<ComplaintEvent> = moneyFieldCodec<ComplaintEvent>({
  ComplaintFiled: [],
  ComplaintAccepted: [],
  ComplaintNotAccepted: [],
  ComplaintDecided: [],
  ComplaintEscalated: [],
  ComplaintWithdrawn: [],
  ComplaintDeadlineMissed: [],
});
