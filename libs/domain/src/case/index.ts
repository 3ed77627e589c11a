export * from './case-commands';
export * from './case-events';
export * from './case-state';
export * from './case-errors';
export * from './case-decider';
export * from './case-event-codec';
export * from './case-legal-basis';
