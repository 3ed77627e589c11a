/** Start-up durability checks (issue 4 item 3): the rules and the runner. */
export * from './durability-rules';
export * from './check-durability';
