import js from '@eslint/js';
import globals from 'globals';

/**
 * The extension's scripts are classic scripts that share one global scope per context
 * (listed in order in manifest.json and popup.html); these are the names they share.
 */
const sharedExtensionGlobals = {
  ext: 'readonly',
  loadStoredSettings: 'readonly',
  saveSettings: 'readonly',
  onSettingsChanged: 'readonly',
  answerMessages: 'readonly',
  describeResult: 'readonly',
  askBackground: 'readonly',
  isPhoneLink: 'readonly',
  recordFieldName: 'readonly',
  isConsoleTab: 'readonly',
  isTextPhoneField: 'readonly',
  textPhoneNode: 'readonly',
  recordFieldValue: 'readonly',
  isHighlightsPanel: 'readonly',
  isRecordPage: 'readonly',
  composedClosest: 'readonly',
  composedText: 'readonly',
  runSliced: 'readonly',
  forEachSliced: 'readonly',
  RecordFields: 'readonly',
  phoneLinkValue: 'readonly',
  LinkFinder: 'readonly',
  LinkRewriter: 'readonly',
};

export default [
  // LWC fixture components use decorators, which ESLint's parser does not read.
  { ignores: ['dist/', 'build/', 'target/', 'node_modules/', 'tests/fixtures/modules/'] },
  js.configs.recommended,
  {
    files: ['extension/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser, ...globals.webextensions, ...globals.serviceworker, ...sharedExtensionGlobals },
    },
    // Each shared name is declared by exactly one file; the list above makes it known to the rest.
    rules: { 'no-redeclare': ['error', { builtinGlobals: false }] },
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
