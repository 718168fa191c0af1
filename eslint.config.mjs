import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** An import of one of our other packages, by name or by a relative path into it. */
const ours = (message, packages) => ({
  regex: `^(@generattivi/(${packages})(/|$)|(\\.\\./)+(${packages})/)`,
  message,
});

/** An import of a top folder of server/src (`./demo/...`, `../../scale/...`). */
const folder = (name, message) => ({ regex: `^(\\.\\.?/)+(src/)?${name}(/|$)`, message });

const SCALE = 'scale/ is the load generator: scripts and benches use it, the app does not';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '.nx/**', 'test/artifacts/**', '**/coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // Promises the code forgets: type-aware, so only for the packages' sources (each file is
  // typed by its package's tsconfig.json).
  {
    files: ['server/src/**/*.ts', 'shared/src/**/*.ts', 'admin/src/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  // Import boundaries (each group's list replaces the previous one for its files).
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ours('shared/ is the domain alone: it imports nothing of ours', 'server|admin|test'),
          ],
        },
      ],
    },
  },
  {
    files: ['admin/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [ours('the admin talks to the server over HTTP only', 'server|test')] },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [folder('demo', 'only app.module.ts mounts the demo'), folder('scale', SCALE)],
        },
      ],
    },
  },
  {
    files: ['server/src/app.module.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [folder('scale', SCALE)] }] },
  },
  {
    files: ['server/src/demo/**/*.ts', 'server/src/scale/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The libraries loaded at their first use rather than at start (see the file).
    files: ['server/src/common/on-first-use.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['admin/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: [
      'test/**/*.{ts,js}',
      'server/scripts/**/*.js',
      'server/src/demo/**/*.ts',
      'server/src/scale/**/*.ts',
      '.ci/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
