export * from './complaint-commands';
