import fs from 'node:fs';

export class StorageBusyError extends Error {
  constructor(readonly pid: number) {
    super(`the embedded database is open in process ${pid}`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: two processes writing one folder would corrupt it. The lock
 * file names its holder; a lock left by a process that is gone is taken over.
 */
export function acquireStorageLock(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new StorageBusyError(pid);
      if (pid === process.pid) throw new StorageBusyError(pid);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error('could not take the storage lock');
}
