// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', '*.js', '*.mjs', '.ci/*.js'] },
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
);
