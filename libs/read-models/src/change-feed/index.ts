export {
  changedKeysOf,
  readChanges,
  REBUILT_MARKER_KEY,
  type ReadChangesQuery,
  type ReadModelChange,
} from './change-log';
export { ChangeSignal } from './change-signal';
export type { ReadModelChangesTable } from './read-model-changes.table';
