import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { folderLayersPlugin } from './eslint/folderLayers.js';
import { SERVER_LAYERS } from './eslint/serverLayers.js';
import { WEB_LAYERS } from './eslint/webLayers.js';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'data/**', 'bench/results/**', 'e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Packages import each other by name only, never by relative path into another workspace.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/packages/*/src/**', '**/apps/*/src/**', '../../packages/**'],
              message: 'Import workspace packages by name.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    plugins: { samplan: folderLayersPlugin },
    rules: { 'samplan/folder-layers': ['error', { srcDir: 'apps/server/src', ...SERVER_LAYERS }] },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { samplan: folderLayersPlugin },
    rules: { 'samplan/folder-layers': ['error', { srcDir: 'apps/web/src', ...WEB_LAYERS }] },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // These two are React Compiler rules; we do not use the compiler, and loading data in an effect or
      // keeping the latest Yjs value in a ref are deliberate here.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      // @samplan/api also holds the server's zod schemas for request bodies; the browser needs only its types (and
      // what it imports from subpaths without schemas: the roles × parts matrix from @samplan/api/partRights, the
      // family's roles from @samplan/api/roles, a login session's default lifetime from @samplan/api/sessionLifetime).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@samplan/api',
              allowTypeImports: true,
              message: 'The web app imports only types from @samplan/api.',
            },
          ],
        },
      ],
    },
  },
);
