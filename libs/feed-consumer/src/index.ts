export { systemClock, type FeedClock } from './clock';
export {
  changeOf,
  compareChangeIds,
  FeedProtocolError,
  isChangeId,
  READ_MODEL_CHANGE_EVENT,
  REBUILT_KEY,
  type FeedChange,
} from './feed-change';
export { FeedRequestError } from './feed-request-error';
export { fileCheckpoint, fileCheckpointSink, type FileCheckpoint } from './file-checkpoint';
export { followFeed, type FeedEvent, type FeedSink, type FollowFeedOptions } from './follow-feed';
export { backoffDelayMs, DEFAULT_RETRY_POLICY, retryAfterMs, type RetryPolicy } from './retry-policy';
export { SseParser, type SseChunkResult, type SseMessage } from './sse-parser';
