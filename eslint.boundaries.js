// @ts-check
// Every file knows its runtime (../shared/STYLE.md): a wrong-way import fails `npm test`.
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules.filter((name) => !name.startsWith('_')), ...builtinModules.map((name) => `node:${name}`)];

/** @param {string} message @param {string[]} names @param {string[]} [groups] */
const restrict = (message, names, groups = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: names.map((name) => ({ name, message })),
      patterns: groups.length ? [{ group: groups, message }] : [],
    },
  ],
});

const nativeStore = ['better-sqlite3', 'better-sqlite3-multiple-ciphers'];

/** @type {import('eslint').Linter.Config[]} */
export const importBoundaries = [
  {
    name: 'bala/boundaries/shared',
    files: ['shared/**/*.{ts,tsx}'],
    rules: restrict(
      'shared/ is pure code used by main, renderer and server: no Node, Electron, React or backend imports.',
      [...nodeBuiltins, 'electron', 'react', 'react-dom', ...nativeStore, 'fastify'],
      ['**/src-main/**', '**/src-renderer/**', '**/src-server/**', 'node:*', 'react-dom/*'],
    ),
  },
  {
    name: 'bala/boundaries/renderer',
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/vite.config.ts'],
    rules: restrict(
      'src-renderer/ runs in the page: it reaches the backend only through the typed API (shared/api), never Node, Electron or backend code.',
      [...nodeBuiltins, 'electron', ...nativeStore, 'fastify'],
      ['**/src-main/**', '**/src-server/**', 'node:*'],
    ),
  },
  {
    name: 'bala/boundaries/main',
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: restrict(
      'Only src-main/electron/ may import electron: the backend runs under plain Node (browser mode, CLI, tests).',
      ['electron'],
      ['electron/*', '**/src-renderer/**', '**/src-server/**'],
    ),
  },
  {
    name: 'bala/boundaries/electron-shell',
    files: ['src-main/electron/**/*.ts'],
    rules: restrict('The Electron shell does not reach into the renderer or the server.', [], ['**/src-renderer/**', '**/src-server/**']),
  },
  {
    name: 'bala/boundaries/server',
    files: ['src-server/**/*.ts'],
    rules: restrict(
      'src-server/ is the central server: no Electron, no workstation or renderer code (share through shared/).',
      ['electron', 'react', 'react-dom'],
      ['**/src-main/**', '**/src-renderer/**'],
    ),
  },
];
