import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Import direction (docs/architecture.md, "Folders and what they may import"): src-shared imports nothing of ours and nothing of Node or
// the DOM; src-main, src-renderer and src-relay import src-shared and never each other.
const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process', 'events', 'url', 'stream'];
const layer = (forbidden, message, { noNode = false } = {}) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [...forbidden, ...(noNode ? ['node:*'] : [])].map((group) => ({ group: [group], message })),
      paths: noNode ? nodeBuiltins.map((name) => ({ name, message })) : [],
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: layer(
      ['**/src-main/**', '**/src-renderer/**', '**/src-relay/**'],
      'src-shared is pure TypeScript: it imports nothing of ours and nothing of Node.',
      { noNode: true },
    ),
  },
  {
    files: ['src-main/**/*.ts'],
    rules: layer(['**/src-renderer/**', '**/src-relay/**'], 'src-main imports src-shared only.'),
  },
  {
    // Every folder of src-main is domain code except the three shells over the core, so a new
    // domain folder is covered the day it is created.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/host/**', 'src-main/cli/**'],
    rules: layer(
      ['**/src-renderer/**', '**/src-relay/**', 'electron', '**/electron/**', '**/host/**'],
      'Domain code never touches Electron or the browser host (docs/architecture.md).',
    ),
  },
  {
    files: ['src-relay/**/*.ts'],
    rules: layer(['**/src-main/**', '**/src-renderer/**'], 'src-relay imports src-shared only.'),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(['**/src-main/**', '**/src-relay/**'], 'The renderer reaches the core only through api.ts.', { noNode: true }),
    },
  },
  {
    // The renderer's component layer (docs/renderer.md): features and the shell build on it, never the reverse.
    files: ['src-renderer/ui/**/*.{ts,tsx}'],
    rules: layer(
      ['**/src-main/**', '**/src-relay/**', '**/features/**', '**/shell/**'],
      'src-renderer/ui is the layer features build on: it imports nothing from features/ or shell/ (and reaches the core only through api.ts).',
      { noNode: true },
    ),
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
