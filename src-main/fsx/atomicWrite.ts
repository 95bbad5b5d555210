import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that a crash leaves either the old or the new content, never half of it.
 * The file gets exactly `mode` (0600 by default: only the operator's OS account reads it),
 * whatever the umask or the mode of the file it replaces; a folder it creates is 0700.
 */
export function writeFileAtomic(file: string, content: string | Buffer, mode = 0o600): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fd = fs.openSync(temp, 'w', mode);
  try {
    if (process.platform !== 'win32') fs.fchmodSync(fd, mode);
    fs.writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}
