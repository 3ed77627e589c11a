export * from './complaint-commands';
export * from './complaint-events';
export * from './complaint-state';
export * from './complaint-errors';
export * from './escalation-matrix';
export * from './complaint-authority';
export * from './complaint-decider';
export * from './complaint-event-codec';
