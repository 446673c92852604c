// Lint rules, including the import rules of DESIGN.md: shared/ stays portable (no React, Konva,
// DOM or Node-only modules), client/canvas/ renders read models and never touches yjs, and
// server/ never reaches into client/. Cycles are caught by `npm run lint:cycles`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnly = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'ws',
  'better-sqlite3',
  'pg',
  'ioredis',
];
const uiOnly = ['react', 'react-dom', 'react-dom/*', 'konva', 'konva/*', 'react-konva'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      // The bench's peer pages are installed and built in their own folders.
      'test/bench/peers/*/node_modules/**',
      'test/bench/peers/*/dist/**',
      'test/bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'shared/ runs in the browser and the server: no Node-only modules.' },
            { group: uiOnly, message: 'shared/ has no UI: no React or Konva.' },
            {
              group: ['**/client/**', '**/server/**'],
              message: 'shared/ depends on nothing else in the repo.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
      ],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'The client runs in the browser.' },
            {
              group: ['**/server/**'],
              message: 'The client talks to the server over HTTP and websockets only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/canvas/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['yjs', 'y-*', 'lib0', 'lib0/*'],
              message: 'canvas/ renders a read model and calls editor commands; it never touches yjs.',
            },
            { group: nodeOnly, message: 'The client runs in the browser.' },
            {
              group: ['**/server/**'],
              message: 'The client talks to the server over HTTP and websockets only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/public/**/*.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/client/**', ...uiOnly], message: 'server/ never imports client code.' }] },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', '**/*.test.{ts,tsx}', '*.{js,ts}', 'scripts/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
