export * from './working-days';
export * from './time-limits';
