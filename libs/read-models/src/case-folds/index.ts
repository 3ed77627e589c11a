export { caseIdOf, createCaseFoldTables, foldCaseEvents, type FoldedCaseEvent } from './case-folds';
export type { CaseFoldTableNames, CaseFoldTables, CaseStatesTable } from './case-folds.table';
