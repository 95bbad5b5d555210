/** "C", "POSIX" and their encodings ("C.UTF-8", the default of containers and service units) name no language. */
const noLanguage = /^(C|POSIX)([.@].*)?$/;

/** The system's preferred locales, most preferred first, as plain Node sees them. */
export function systemLocales(env: NodeJS.ProcessEnv = process.env): string[] {
  // POSIX precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG; LANGUAGE is a list.
  const fromEnv = [env.LC_ALL, env.LC_MESSAGES, env.LANG]
    .filter((value): value is string => Boolean(value) && !noLanguage.test(value ?? ''))
    .slice(0, 1);
  const list = (env.LANGUAGE ?? '').split(':').filter(Boolean);
  const intl = Intl.DateTimeFormat().resolvedOptions().locale;
  return [...fromEnv, ...list, ...(fromEnv.length === 0 ? [intl] : [])];
}
