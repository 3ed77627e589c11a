export { startDeadlineSweeper, type DeadlineSweeper, type DeadlineSweeperOptions } from './deadline-sweeper';
export {
  DEADLINE_SWEEP_ACTOR,
  sweepCommandId,
  sweepDeadlines,
  type SweepDeadlinesOptions,
  type SweepResult,
  type SweptDeadline,
} from './sweep-deadlines';
export { vietnamToday } from './vietnam-today';
