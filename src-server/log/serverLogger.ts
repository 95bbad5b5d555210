/**
 * The server's log: one line per event, for the administrator's journal. It carries codes, ids
 * and counts — never a password, a hash, a person's name, or a request body.
 */
export interface ServerLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const silentServerLogger: ServerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** An error's class and its first stack frames: an error's message may quote data, so it is left out. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frames = (error.stack ?? '').split('\n').slice(1, 4).map((line) => line.trim());
  const code = 'code' in error && typeof error.code === 'string' ? ` ${error.code}` : '';
  return [`${error.name}${code}`, ...frames].join(' | ');
}

export function createStderrServerLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): ServerLogger {
  const line = (level: string, message: string) => write(`${new Date().toISOString()} ${level} ${message}`);
  return {
    info: (message) => line('INFO', message),
    warn: (message) => line('WARN', message),
    error: (message, error) => line('ERROR', error === undefined ? message : `${message}: ${describeError(error)}`),
  };
}
