// What the Node code is built from and how: shared by the build (scripts/build-node.mjs) and the
// check the commands make before they run the build (bin/built.mjs reads what the build wrote).

/** The commands: their entry sources and the file each becomes in dist/node/. */
export const nodeEntries = {
  bala: 'src-main/cli/balaCommand.ts',
  'bala-server': 'src-server/cli/serverCommand.ts',
  start: 'src-main/start/startCommand.ts',
};

/**
 * Packages left to node_modules: a native addon (the SQLCipher binding), one whose WebAssembly
 * files sit beside its module (PGlite), Electron, and optional drivers nobody installs.
 */
export const externalPackages = ['better-sqlite3-multiple-ciphers', '@electric-sql/pglite', 'electron', 'pg-native'];

export const builtDir = 'dist/node';
export const buildInfoFile = 'dist/node/build-info.json';
