import path from 'node:path';

export interface ShellArgs {
  /** The data folder (`--data DIR`), absolute; undefined means the OS default. */
  dataDir: string | undefined;
  /** A .balaprofile the operating system opened the application with (file association). */
  profilePath: string | undefined;
}

/**
 * Reads Electron's command line. Chromium adds switches of its own and the packaged app gets
 * the file it was opened with, so unknown arguments are ignored rather than refused.
 */
export function parseShellArgs(argv: readonly string[], cwd: string): ShellArgs {
  let dataDir: string | undefined;
  let profilePath: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--data' && i + 1 < argv.length) {
      dataDir = path.resolve(cwd, argv[i + 1] ?? '');
      i += 1;
    } else if (arg.startsWith('--data=')) {
      dataDir = path.resolve(cwd, arg.slice('--data='.length));
    } else if (!arg.startsWith('-') && /\.balaprofile$/i.test(arg)) {
      profilePath = path.resolve(cwd, arg);
    }
  }
  return { dataDir, profilePath };
}
