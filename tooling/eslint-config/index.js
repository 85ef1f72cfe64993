import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Shared flat config: recommended JS + TypeScript rules, tuned for Kesu's conventions. */
export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always'],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Plain Node scripts (the bootstrap runs before anything is installed).
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // Command-line entry points and tooling speak to the terminal on purpose.
    files: ['**/cli/**', '**/*.cli.ts', '**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
