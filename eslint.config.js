// Lint enforces the process boundaries (../shared/docs/ARCHITECTURE.md, beside the
// checkout: principle 3), not memory.
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
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.electron-native/**', 'test-results/**', '.tmp/**'] },
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
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The core never imports Electron (../shared/docs/ARCHITECTURE.md, principle 2).',
            },
            {
              // Relative ways into electron/main (../main/x, ../../main/x, ../../electron/main/x) and any path through it.
              regex: '^(\\.\\./)+(electron/)?main(/|$)|(^|/)electron/main(/|$)',
              message: 'The core never imports or re-exports the Electron shell (electron/main): pass what it needs in as an argument.',
            },
          ],
        },
      ],
      // import('../main/…') is not an import declaration; the rule above cannot see it.
      'no-restricted-syntax': [
        'error',
        {
          // esquery regexes cannot contain '/': \\x2F stands for it.
          selector: 'ImportExpression[source.value=/^(\\.\\.\\x2F)+(electron\\x2F)?main(\\x2F|$)|(^|\\x2F)electron\\x2Fmain(\\x2F|$)/]',
          message: 'The core never imports the Electron shell (electron/main).',
        },
      ],
    },
  },
  {
    // Type-aware rules where a dropped promise is a real bug: an unhandled
    // rejection that hides an error, or a handler whose promise nobody awaits.
    // Scoped to TypeScript sources; one program (tsconfig.json) serves them all.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['electron/**/*.ts', 'tests/**/*.{ts,mjs,js}', 'scripts/**/*.{mjs,js,ts}', '*.{js,ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
