export * from './reporting-period';
export * from './reporting-commands';
export * from './reporting-events';
export * from './reporting-state';
export * from './reporting-errors';
export * from './reporting-decider';
export * from './reporting-event-codec';
export * from './office-structure';
