/**
 * setupFiles of the `e2e-postgres` jest project (jest.config.js): the same API e2e suites, with every test app's
 * events and read models on PostgreSQL in fresh schemas (../e2e-stores.ts). jest.config.js selects the suites only
 * when PostgreSQL answers; otherwise it runs postgres-leg-skipped.skip-notice.ts, which says so.
 */
process.env.E2E_STORE = 'postgres';
