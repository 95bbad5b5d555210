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

/** How deep a chain of causes is followed. */
const maxCauses = 3;
/** Schema issues named (code and path) of a validation error. */
const maxIssues = 10;

/** A path segment is named when it looks like a field name; a key taken from the input (a record's) is not. */
const pathSegment = (segment: unknown): string => {
  if (typeof segment === 'number') return String(segment);
  if (typeof segment === 'string' && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(segment)) return segment;
  return '?';
};

/** A schema error's issues by code and path (zod's issues; their messages are left out, as they may quote the input). */
function issuesOf(error: Error): string | null {
  const issues = 'issues' in error && Array.isArray(error.issues) ? (error.issues as unknown[]) : null;
  if (!issues || issues.length === 0) return null;
  const named = issues.slice(0, maxIssues).map((issue) => {
    const { code, path } = (typeof issue === 'object' && issue !== null ? issue : {}) as { code?: unknown; path?: unknown };
    const where = Array.isArray(path) && path.length > 0 ? path.map(pathSegment).join('.') : '(root)';
    return `${typeof code === 'string' ? code : '?'} at ${where}`;
  });
  return `issues: ${named.join(', ')}${issues.length > maxIssues ? `, … (${issues.length})` : ''}`;
}

/** The stack's frames only: V8 puts the message (which may quote data, over several lines) before them. */
const framesOf = (error: Error): string[] =>
  (error.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '));

function describeOne(error: unknown): string {
  if (!(error instanceof Error)) return error === null ? 'null' : typeof error;
  const code = 'code' in error && (typeof error.code === 'string' || typeof error.code === 'number') ? ` ${error.code}` : '';
  const issues = issuesOf(error);
  const frames = framesOf(error);
  return [`${error.name}${code}`, ...(issues ? [issues] : []), ...(frames.length > 0 ? frames : ['(no stack)'])].join(' | ');
}

/**
 * An error as the log keeps it, whole but without personal data: its class and code, a schema
 * error's issue codes and paths, every stack frame, and its causes likewise. Its message is left
 * out: it may quote the input (a name, a value a database refused).
 */
export function describeError(error: unknown): string {
  const parts = [describeOne(error)];
  let cause: unknown = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < maxCauses; depth += 1) {
    parts.push(`caused by ${describeOne(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return parts.join(' || ');
}

export function createStderrServerLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): ServerLogger {
  const line = (level: string, message: string) => write(`${new Date().toISOString()} ${level} ${message}`);
  return {
    info: (message) => line('INFO', message),
    warn: (message) => line('WARN', message),
    error: (message, error) => line('ERROR', error === undefined ? message : `${message}: ${describeError(error)}`),
  };
}
