export * from './case-commands';
