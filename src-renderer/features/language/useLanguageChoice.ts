import { useState } from 'react';
import type { Language } from '../../../shared/i18n/languages';
import { useUpdateSettings } from '../settings/mutations';

/**
 * The language to show as selected: the operator's click at once, until the backend has saved
 * it and the caches are fresh (or refused it — then the saved one again, with the error).
 */
export function useLanguageChoice(current: Language) {
  const update = useUpdateSettings();
  const [chosen, setChosen] = useState<Language | null>(null);
  const choose = (language: Language) => {
    setChosen(language);
    update.mutate({ language }, { onSettled: () => setChosen(null) });
  };
  return { shown: chosen ?? current, choose, error: update.error };
}
