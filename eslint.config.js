// Lint rules, including the zone boundaries of DESIGN.md: shared/ is pure (no DOM, Node or Electron), the
// renderer never imports backend code, and only electron/main and electron/preload import Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'url',
  'worker_threads',
  'stream',
  'zlib',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
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
            { group: nodeBuiltins, message: 'shared/ is the pure domain zone: no Node modules (DESIGN.md).' },
            { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron (DESIGN.md).' },
            { group: ['react', 'react-dom', 'react/*', 'recharts'], message: 'shared/ must not import the interface.' },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'Imports flow one way: shared/ imports no other zone.',
            },
            { group: ['better-sqlite3'], message: 'SQL lives in electron/backend only.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'shared/ has no DOM.' },
        { name: 'document', message: 'shared/ has no DOM.' },
        { name: 'process', message: 'shared/ has no Node.' },
        { name: 'require', message: 'shared/ has no Node.' },
      ],
    },
  },
  {
    // Five languages: no words typed straight into the markup; every text goes through a catalogue.
    // Attributes and code strings are checked at run time instead (tests/e2e/languages.test.ts), because most
    // of them are identifiers ('th', 'insideLeft'), not words.
    files: ['renderer/src/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        { mode: 'jsx-text-only', words: { exclude: ['^[^A-Za-z]*$', '^[^A-Za-z]*1$'] } },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'electron', 'better-sqlite3'],
              message: 'The renderer reaches the backend only through its API client (window.sroi).',
            },
            { group: nodeBuiltins, message: 'The renderer runs sandboxed: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/backend/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/exchange/**/*.ts',
      'electron/report/**/*.ts',
      'electron/serve/**/*.ts',
    ],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message:
                'Only electron/main and electron/preload import Electron; the backend must run under plain Node.',
            },
            { group: ['**/renderer/**', 'react', 'react-dom'], message: 'The backend never imports the interface.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', 'react', 'react-dom'], message: 'The shell never imports the interface.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,cjs}', 'bin/**/*.cjs', '*.{js,mjs,cjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
