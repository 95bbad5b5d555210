import { isLanguage, pickLanguage, type Language } from '../../shared/i18n/languages';

/**
 * The administrator's language: --lang, else BALA_LANG, else the system's (LC_ALL, LC_MESSAGES,
 * LANG, LANGUAGE) if it is one of the five, else English — a server's console and journal are
 * read by technical staff, who share English more often than any one of the four.
 */
export function serverLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  const flag = argv.indexOf('--lang');
  const fromFlag = flag >= 0 ? argv[flag + 1] : argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
  if (isLanguage(fromFlag)) return fromFlag;
  if (isLanguage(env.BALA_LANG)) return env.BALA_LANG;
  const system = [env.LC_ALL, env.LC_MESSAGES, env.LANG]
    .filter((value): value is string => Boolean(value) && value !== 'C' && value !== 'POSIX')
    .slice(0, 1);
  return pickLanguage([...system, ...(env.LANGUAGE ?? '').split(':').filter(Boolean)]) ?? 'en';
}
