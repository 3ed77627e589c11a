// @ts-check
import { createRequire } from 'node:module';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);

/**
 * The layers (docs/architecture.md), inside out: domain ← application ← adapters (event-store, read-models, auth,
 * config) ← apps. A file's element is the lib or app folder it lives in.
 */
const LAYER_ELEMENTS = [
  { type: 'domain', pattern: 'libs/domain/src' },
  { type: 'application', pattern: 'libs/application/src' },
  { type: 'event-store', pattern: 'libs/event-store/src' },
  { type: 'read-models', pattern: 'libs/read-models/src' },
  { type: 'auth', pattern: 'libs/auth/src' },
  { type: 'config', pattern: 'libs/config/src' },
  { type: 'api-client', pattern: 'libs/api-client/src' },
  { type: 'feed-consumer', pattern: 'libs/feed-consumer/src' },
  { type: 'observability', pattern: 'libs/observability/src' },
  { type: 'testing', pattern: 'libs/testing/src' },
  { type: 'app', pattern: 'apps/*/src' },
];
const LIBS = [
  'domain',
  'application',
  'event-store',
  'read-models',
  'auth',
  'config',
  'api-client',
  'feed-consumer',
  'observability',
  'testing',
];

/** Who may import whom. Anything not listed is refused. */
const LAYER_RULES = [
  { from: 'domain', allow: [] },
  // The event store is the port every layer above the domain names, with its adapters beside it.
  { from: 'event-store', allow: [] },
  { from: 'application', allow: ['domain', 'event-store'] },
  // read-models never imports application: the deadline sweep lives in application behind a port.
  { from: 'read-models', allow: ['domain', 'event-store'] },
  { from: 'auth', allow: ['event-store'] },
  { from: 'config', allow: ['domain', 'event-store'] },
  // Clients of the HTTP API (the CLI, the console, the reporting service): they know the API's document, not our code.
  { from: 'api-client', allow: [] },
  { from: 'feed-consumer', allow: ['api-client'] },
  // Logging and the tracing SDK: no lib of ours. The inner layers trace through @opentelemetry/api alone.
  { from: 'observability', allow: [] },
  { from: 'testing', allow: ['domain'] },
  {
    from: 'app',
    allow: [
      'domain',
      'application',
      'event-store',
      'read-models',
      'auth',
      'config',
      'api-client',
      'feed-consumer',
      'observability',
    ],
  },
];

/** Test code (specs, test worlds and fixtures) may drive any layer; the layer rules bind production code. */
const TEST_CODE = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  '**/testing/**',
  '**/*.test-fixtures.ts',
  '**/*.fixture.ts',
  'libs/event-store/src/conformance/**',
  'libs/event-store/src/postgres/postgres-test-support.ts',
  '**/write-*.ts',
];

export default tseslint.config(
  // test/lint/fixtures holds deliberately wrong code: test/lint/layer-boundaries.spec.ts lints it on purpose.
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      '*.js',
      '*.mjs',
      '**/*.cjs',
      '.ci/*.js',
      // Build configuration in CommonJS, like jest.config.js.
      'apps/*/webpack.config.js',
      'test/faults/support/*.webpack.js',
      'test/lint/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      // Nest's dependency injection reads constructor types from decorator metadata: imports used that way
      // are runtime imports, and the type-import rule must know it.
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': 'off',
    },
  },
  {
    // DESIGN.md §3: the domain is pure TypeScript. No framework, no database, no clock-bearing IO, no crypto.
    files: ['libs/domain/**/*.ts'],
    // Specs may use the shared given/when/then helpers; production files may not reach outside the domain.
    ignores: ['libs/domain/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'kysely',
                'kysely/*',
                '@eventstore/*',
                'better-sqlite3',
                'pg',
                'rxjs',
                'class-validator',
                'class-transformer',
              ],
              message: 'libs/domain stays pure: no framework, database or event-store client.',
            },
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'http', 'https', 'net'],
              message: 'libs/domain does no IO and reads no clock.',
            },
            { group: ['@thads/*'], message: 'libs/domain imports no other lib.' },
          ],
        },
      ],
      // Date arithmetic is fine; reading the clock is not: time arrives on the command.
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain reads no clock: time arrives on the command.',
        },
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'The domain reads no clock: time arrives on the command.',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'The domain makes no ids: they arrive on the command.',
        },
      ],
    },
  },
  {
    // The demo's generator is deterministic: the same scenario and seed give the same commands (seeded-random.ts).
    files: ['apps/cli/src/demo/generator/**/*.ts', 'apps/cli/src/demo/scenario/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'The demo generator draws from its seeded random, never Math.random.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The demo generator reads no clock: dates come from the scenario window.',
        },
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'The demo generator reads no clock: dates come from the scenario window.',
        },
      ],
    },
  },
  {
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: TEST_CODE,
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYER_ELEMENTS,
      'import/resolver': { [require.resolve('./test/lint/tsconfig-paths-resolver.cjs')]: {} },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message:
            '{{ from.element.type }} may not import this from {{ to.element.type }}: see the layers in docs/architecture.md (another lib only through its entry point @thads/<lib>)',
          policies: [
            // Inside one lib or app, any file may import any other.
            { allow: [{ dependency: { relationship: { to: 'internal' } } }] },
            // Across them, only the layer rules' edges, and only to the other lib's entry point (index.ts).
            ...LAYER_RULES.filter(({ allow }) => allow.length > 0).map(({ from, allow }) => ({
              from: { element: { type: from } },
              allow: { to: { element: { types: { anyOf: allow }, fileInternalPath: 'index.ts' } } },
            })),
          ],
        },
      ],
    },
  },
  {
    // The application names the event-store port, never an adapter: the apps choose and open one.
    files: ['libs/application/src/**/*.ts'],
    ignores: TEST_CODE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@thads/event-store',
              importNames: [
                'createSqliteEventStore',
                'createPostgresEventStore',
                'createEsdbEventStore',
                'createInMemoryEventStore',
                'openEventStore',
              ],
              message: 'libs/application uses the EventStore port; the apps open an adapter.',
            },
          ],
        },
      ],
    },
  },
);
