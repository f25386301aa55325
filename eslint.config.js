// ESLint flat config. Zero warnings are allowed (`--max-warnings 0`).
//
// Layering (docs/ARCHITECTURE.md): the Python runtime and its hosts know
// nothing of the UI; features are composed by the shell and never import one
// another. Folder rules use import-x/no-restricted-paths (resolved paths, so
// any `../` depth is caught); package bans use no-restricted-imports.
import { existsSync, readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Feature folders under app/features/. Folders found on disk are added. */
const FEATURES = [
  ...new Set([
    'editor',
    'runner',
    'output',
    'timeline',
    'lessons',
    'sharing',
    ...(existsSync('app/features')
      ? readdirSync('app/features', { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name)
      : []),
  ]),
];

/** UI libraries the runtime (Python side and its hosts) must not import. */
const UI_PACKAGES = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  'monaco-editor',
  'monaco-editor/*',
];

export default defineConfig(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench/out/',
      '.cache/',
    ],
  },

  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers and booleans in template strings are fine in messages.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Plain JS (this file): no type information.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // The service worker's template: the build fills in __LOOPSCOPE_FILES__.
    files: ['app/offline/serviceWorker.template.js'],
    languageOptions: {
      globals: { ...globals.serviceworker, __LOOPSCOPE_FILES__: 'readonly' },
      sourceType: 'script',
    },
  },
  {
    // Example pages for other sites (docs/embedding.md): plain browser scripts.
    files: ['public/examples/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },

  // Import graph: no cycles anywhere.
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // import-x parses the files an import leads to; it must know they are TS.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
    },
  },

  // React.
  {
    files: ['app/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['tools/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },

  // Layering: the runtime knows nothing of the UI.
  // Monaco is wrapped by one module (STYLE.md: one wrapper per third-party
  // library), and loaded lazily through it. Before the runtime block: a later
  // no-restricted-imports setting replaces an earlier one.
  {
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/features/editor/monaco.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['monaco-editor', 'monaco-editor/*'],
              message: 'Import Monaco only in app/features/editor/monaco.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/runtime/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: UI_PACKAGES,
              message: 'app/runtime must not depend on UI libraries.',
            },
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './app/runtime',
              from: ['./app/features', './app/shell'],
              message: 'app/runtime must not import the UI (features or shell).',
            },
          ],
        },
      ],
    },
  },

  // Layering: features do not import one another (the shell composes them).
  {
    files: ['app/features/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: FEATURES.map((feature) => ({
            target: `./app/features/${feature}`,
            from: './app/features',
            except: [`./${feature}`],
            message: 'Features must not import other features; compose them in app/shell.',
          })),
        },
      ],
    },
  },
);
