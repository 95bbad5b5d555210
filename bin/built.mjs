// Runs a command from the build in dist/node/ (scripts/build-node.mjs), never from TypeScript
// sources: a command answers at once. Where the build is missing, or older than a source file it
// was made from, the command says what to run instead of running old code against a newer cache.
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the sources are present (a checkout), the first of them changed since the build. */
function staleSource(inputs) {
  if (!fs.existsSync(path.join(root, 'src-main'))) return null; // an installed copy carries no sources
  for (const [file, [size, mtimeMs]] of Object.entries(inputs)) {
    let stat;
    try {
      stat = fs.statSync(path.join(root, file));
    } catch {
      return file;
    }
    if (stat.size !== size || stat.mtimeMs > mtimeMs) return file;
  }
  return null;
}

/** `{ built: true }`, or why not: no build yet, or the source file that changed since. */
export function buildState() {
  let info;
  try {
    info = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'node', 'build-info.json'), 'utf8'));
  } catch {
    return { built: false, message: `Bala's commands are not built yet. Run: npm run build:node   (npm install does it once)` };
  }
  const changed = staleSource(info.inputs ?? {});
  if (changed) return { built: false, message: `Bala's commands were built before ${changed} changed. Run: npm run build:node` };
  return { built: true };
}

export async function runBuilt(name) {
  const state = buildState();
  if (!state.built) {
    process.stderr.write(`${state.message}\n`);
    process.exit(2);
  }
  // V8's compiled code kept beside the build (Node 22.1+): later starts skip parsing ~10 MB of
  // JavaScript. Beside the build, not in a shared temp folder: only whoever may write the code may
  // write its compiled form. Where the folder is read-only (an installed copy), Node keeps none.
  module.enableCompileCache?.(path.join(root, 'dist', 'node', '.compile-cache'));
  await import(pathToFileURL(path.join(root, 'dist', 'node', `${name}.mjs`)).href);
}
