export * from './case-deadlines-view';
export * from './case-summary-view';
export * from './case-statistics-view';
