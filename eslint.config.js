// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  paths: [
    { name: 'electron', message: 'Only main/electron, main/index.ts and preload may use electron; keep the studio host-independent.' },
  ],
  patterns: [{ group: ['electron/*'], message: 'Only main/electron, main/index.ts and preload may use electron.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'node_modules/**', 'test-results/**', 'test-results-*/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'Never eval.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', electronOnlyInShell],
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', electronOnlyInShell] },
  },
  {
    files: ['main/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronOnlyInShell.paths, { name: 'react', message: 'main/domain is pure: no React.' }],
          patterns: [
            { group: ['node:*'], message: 'main/domain is pure TypeScript shared with the renderer and the exported runtimes: no node: modules.' },
            { group: ['electron/*', 'react-dom', 'react-dom/*'], message: 'main/domain is pure: no electron or React.' },
            { group: ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net'], message: 'main/domain is pure: no Node built-ins.' },
          ],
        },
      ],
    },
  },
);
