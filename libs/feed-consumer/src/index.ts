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
export { fileCheckpoint, fileCheckpointSink, type FileCheckpoint } from './file-checkpoint';
export { followFeed, type FeedEvent, type FeedProjection, type FeedSink, type FollowFeedOptions } from './follow-feed';
export { backoffDelayMs, cappedRetryAfterMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
export { SseParser, type SseChunkResult, type SseMessage } from './sse-parser';
