// Lint rules, including the layer rules of the house (see README "Architecture").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const frameworks = [
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  'bullmq',
  'ioredis',
  'pg',
  'express',
  '@app/persistence',
  '@app/queue',
  '@app/config',
  '@app/core',
];
const io = [
  'fs',
  'fs/*',
  'node:fs',
  'node:fs/*',
  'http',
  'node:http',
  'https',
  'node:https',
  'net',
  'node:net',
  'child_process',
  'node:child_process',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'artifacts/**', 'apps/api/public/vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Rule 1: the scheduling engine is pure TypeScript: no framework, no database, no queue, no I/O.
    files: ['libs/scheduling/**/*.ts'],
    ignores: ['libs/scheduling/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...frameworks, ...io, '@app/printing'],
              message: 'libs/scheduling is pure TypeScript: no framework, persistence, queue or I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // Printing turns a schedule into bytes; it knows nothing of HTTP, databases or queues.
    files: ['libs/printing/**/*.ts'],
    ignores: ['libs/printing/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: frameworks,
              message: 'libs/printing renders documents only: no framework, persistence or queue.',
            },
          ],
        },
      ],
    },
  },
  {
    // Rule 3: TypeORM stays inside the persistence library.
    files: ['apps/**/*.ts', 'libs/core/**/*.ts', 'libs/queue/**/*.ts', 'libs/config/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['typeorm', 'typeorm/*', '@nestjs/typeorm', '@app/persistence/*'],
              message:
                'TypeORM and entities stay in libs/persistence; use the repository interfaces of @app/core.',
            },
          ],
        },
      ],
    },
  },
);
