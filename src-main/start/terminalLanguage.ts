import { pickLanguage, type Language } from '../../shared/i18n/languages';

/** The "C" and "POSIX" locales, also as C.UTF-8, POSIX@euro…: a terminal promising nothing beyond ASCII. */
const neutralLocale = /^(c|posix)([._@]|$)/i;

/**
 * The language `npm start` writes to its terminal in: what the terminal's locale says (POSIX
 * precedence LC_ALL, LC_MESSAGES, LANG, with gettext's LANGUAGE list before the locale), and
 * English where that is C/POSIX or none of the five. With no locale set at all (Windows), the
 * system's locale as the runtime reports it. The window itself keeps the workstation's setting.
 */
export function terminalLanguage(env: NodeJS.ProcessEnv = process.env, runtimeLocale: string = Intl.DateTimeFormat().resolvedOptions().locale): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  if (locale !== undefined && neutralLocale.test(locale)) return 'en';
  const list = (env.LANGUAGE ?? '').split(':').filter(Boolean);
  return pickLanguage([...list, ...(locale !== undefined ? [locale] : [runtimeLocale])]) ?? 'en';
}
