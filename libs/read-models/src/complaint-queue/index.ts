export { complaintQueueProjection } from './complaint-queue.projection';
export type { ComplaintQueueTable } from './complaint-queue.table';
export { COMPLAINT_DEADLINE_MISSED, COMPLAINT_QUEUE_STATUSES } from './complaint-queue.fold';
export {
  InvalidComplaintQueueQuery,
  MAX_COMPLAINT_QUEUE_LIMIT,
  queryComplaintQueue,
  type ComplaintQueueItem,
  type ComplaintQueuePage,
  type ComplaintQueueQuery,
  type OverdueStep,
} from './complaint-queue.queries';
