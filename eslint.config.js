// ESLint flat config: typescript-eslint recommended, plus the dependency direction rules → core, never the reverse.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'src/generated/**', 'bench/out/**', 'action/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The command's entry point is CommonJS (it starts faster than an ES module).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly', module: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Rules see values and report paths: no parsers, validators or file access.
    files: ['rules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['yaml', 'ajv', 'ajv-formats', 'node:*', 'fs', 'path', '../src/cli.js', '../src/linter.js', '../src/load-values.js'] }],
    },
  },
);
