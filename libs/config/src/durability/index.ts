/** Start-up durability checks of both stores (docs/architecture.md): the rules and the runner. */
export * from './durability-rules';
export * from './check-durability';
