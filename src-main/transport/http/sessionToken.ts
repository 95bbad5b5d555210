import crypto from 'node:crypto';

/** A random per-run token; the page receives it in the URL fragment, which is never sent or logged. */
export const newSessionToken = (): string => crypto.randomBytes(32).toString('base64url');

/** Constant-time check of an `Authorization: Bearer …` header against the run's token. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
