import js from '@eslint/js';
import globals from 'globals';

export default [
  // LWC fixture components use decorators, which ESLint's parser does not read.
  { ignores: ['dist/', 'build/', 'target/', 'node_modules/', 'tests/fixtures/modules/'] },
  js.configs.recommended,
  {
    files: ['extension/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.webextensions, ...globals.serviceworker },
    },
    // Names are checked by TypeScript (tsconfig.json), which knows what each script declares.
    rules: { 'no-undef': 'off' },
  },
  {
    // Classic scripts (the manifest's lists, loaded in order): each top-level name is shared with
    // every script of its context, so a script declares at top level only what it shares, and
    // says so with `/* exported … */`.
    files: ['extension/background.js', 'extension/shared/**/*.js', 'extension/content/**/*.js'],
    languageOptions: { sourceType: 'script' },
    rules: { 'no-implicit-globals': ['error', { lexicalBindings: true }] },
  },
  {
    files: ['**/*.mjs', 'eslint.config.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // Test code passes functions to page.evaluate, which run in the page.
    files: ['tests/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never inject HTML: build nodes and set textContent.' },
        { property: 'outerHTML', message: 'Never inject HTML: build nodes and set textContent.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never inject HTML.' },
      ],
    },
  },
];
