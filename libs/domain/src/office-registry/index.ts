export * from './office-registry-commands';
export * from './office-registry-events';
export * from './office-registry-state';
export * from './office-registry-errors';
export * from './office-registry-decider';
export * from './office-registry-event-codec';
export * from './office-succession';
