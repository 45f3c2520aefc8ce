// `npm run lint`: typescript-eslint's strict, type-checked rules over src/ and test/; ESLint's
// recommended rules over the plain JavaScript of scripts/, bin/, editors/ and these config files
// (no types there, so no type-checked rules). typescript-eslint needs TypeScript's JS API, which
// TypeScript 7 (the project's compiler) does not have: it comes from tools/typescript-eslint, a
// local package holding typescript-eslint with its own TypeScript 6.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';
import tseslint from 'gia-lint-typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'build/', 'coverage/', 'node_modules/', 'tools/', 'examples/', 'test/fixtures/', 'test/cases/'],
  },
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      // Prettier (printWidth 160) wraps code; this catches what it cannot: comments. A message, a
      // CSS block or a regular expression stays whole on its line, so it can be found by grep and
      // read as one piece. (@stylistic's: core max-len is deprecated.)
      '@stylistic/max-len': [
        'error',
        { code: 160, tabWidth: 2, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: globals.node },
    rules: {
      // As in the TypeScript: a leading underscore names what is left out on purpose.
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // The VS Code extension is CommonJS: VS Code loads it with require().
  { files: ['editors/vscode/**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.test.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Counts, line numbers and sizes are what messages are made of; numbers print as they should.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `!` marks what an earlier check or the data's construction guarantees (a key just listed,
      // a capture group the pattern requires, a table the recognizer found); with
      // noUncheckedIndexedAccess off, the alternative is a runtime branch no input can take.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // With noUncheckedIndexedAccess off, `list[i]`, `record[key]` and a regex's optional groups
      // are typed as present, though at run time they may be undefined: this rule would have the
      // checks that guard them deleted (85 sites, each a change of behaviour on some input).
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // `[...text]` splits into code points on purpose: a CJK character outside the BMP stays whole,
      // and code points (not grapheme clusters) are what lengths and similarities here count.
      '@typescript-eslint/no-misused-spread': 'off',
      // A leading underscore names what is left out on purpose (`{ fix, suggestions: _s, ...m }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `(x) => resolve(x)` and `() => rmSync(dir)` are callbacks whose value nobody reads; braces
      // around each would say nothing more; nor would splitting `return send(res, …)` in a void function.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read what the CLI and the server print (JSON.parse, LSP payloads) and assert its
      // shape with expect(); typing every such object would restate the types under test.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // fast-xml-parser 5 marks its validator deprecated in favour of a separate package; the tests
      // only check with it that reporters print well-formed XML.
      '@typescript-eslint/no-deprecated': ['error', { allow: [{ from: 'package', package: 'fast-xml-parser', name: 'XMLValidator' }] }],
    },
  },
);
