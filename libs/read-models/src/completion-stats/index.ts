export { completionStatsProjection } from './completion-stats.projection';
export type { CompletionStatsTables } from './completion-stats.tables';
export {
  completionReport,
  COMPLETION_REPORT_ERROR_CODES,
  COMPLETION_REPORT_ERROR_KINDS,
} from './completion-report.queries';
export { toCsv, UTF8_BOM } from './export/completion-report.csv';
export type * from './completion-report.types';
export {
  completionFigures,
  completionRate,
  formatBasisPoints,
  gapToTarget,
  ratePercent,
  rateBasisPoints,
  statisticsRegimeFor,
  toEnforceOf,
  EMPTY_TALLY,
  type CompletionFigures,
  type StatisticsRegime,
  type StatisticsTally,
} from './statistics';
export { addAllTallies, classifyCase, type PeriodWindow, type Tallies } from './classification';
export { toXlsx, XLSX_MEDIA_TYPE } from './export/completion-report.xlsx';
export { REPORT_LANGUAGES, type ReportLanguage } from './export/report-headings';
export { neutraliseFormula } from './export/spreadsheet-text';
export {
  CARRIED_ON,
  caseCounters,
  counterKeyText,
  OPENING,
  periodOfSlot,
  slotOf,
  type CaseCounters,
  type CounterKey,
} from './case-counters';
