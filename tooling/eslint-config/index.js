import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

/** Shared flat config: recommended JS + TypeScript rules, tuned for Kesu's conventions. */
const base = tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
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

export default base;

/**
 * The shared config plus Vue single-file components: eslint-plugin-vue's recommended rules, with
 * `<script setup lang="ts">` parsed by typescript-eslint. Layout rules are off (eslint-config-prettier):
 * Prettier lays the templates out.
 * @example export { vue as default } from '@kesu/eslint-config'
 */
export const vue = tseslint.config(...base, ...pluginVue.configs['flat/recommended'], prettier, {
  files: ['**/*.vue'],
  languageOptions: {
    parser: vueParser,
    parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
  },
  rules: {
    // TypeScript already reports unknown names, and knows the browser's globals.
    'no-undef': 'off',
  },
});
