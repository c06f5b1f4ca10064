// Lint enforces the process boundaries (ARCHITECTURE.md, principle 3), not memory.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'stream',
  'util',
  'url',
  'worker_threads',
  'zlib',
  'readline',
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.electron-native/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ runs in every process: no Node APIs.' },
            {
              group: ['electron', 'electron/*', 'better-sqlite3*', 'react', 'react-dom', 'react-dom/*'],
              message: 'shared/ must stay pure TypeScript.',
            },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from the processes.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'localStorage', 'navigator', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', 'electron', 'electron/*'], message: 'renderer/ talks to the core only through api.ts.' },
            { group: [...nodeBuiltins, 'better-sqlite3*'], message: 'renderer/ runs in a sandboxed page: no Node APIs.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'electron/*'], message: 'The core never imports Electron (ARCHITECTURE.md, principle 2).' }] },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'tests/**/*.{ts,mjs,js}', 'scripts/**/*.{mjs,js,ts}', '*.{js,ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
