export * from './case-evidence';
export * from './case-replay';
export * from './chain-report';
export * from './replay-window';
export * from './command-rejected';
export * from './verify-all-streams';
