export {
  startDeadlineSweeper,
  type DeadlineSweeper,
  type DeadlineSweeperOptions,
  type SweepLogger,
} from './deadline-sweeper';
export {
  DEADLINE_SWEEP_ACTOR,
  sweepCommandId,
  sweepDeadlines,
  type OverdueDeadline,
  type OverdueDeadlines,
  type SweepDeadlinesOptions,
  type SweepResult,
  type SweptDeadline,
} from './sweep-deadlines';
export { vietnamToday } from './vietnam-today';
