import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DraftView } from '../../../shared/api/records';
import type { FormDef } from '../../../shared/forms/formTypes';
import { formatDate, formatTime } from '../../../shared/i18n/format';
import { defaultLanguage, isLanguage } from '../../../shared/i18n/languages';
import { useClient } from '../../api/ClientContext';
import { recordQueries } from './queries';

/** Unsaved work of this operator on a form, kept through a crash or a lock: continue where it stopped. */
export function DraftList({ form, onContinue }: { form: FormDef; onContinue: (draft: DraftView) => void }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const drafts = useQuery(recordQueries.drafts(useClient())).data?.filter((draft) => draft.formId === form.id) ?? [];
  if (drafts.length === 0) return null;
  return (
    <section className="drafts" aria-label={t('records.drafts')}>
      <h2>{t('records.drafts')}</h2>
      <ul>
        {drafts.map((draft) => (
          <li key={draft.id}>
            {formatDate(new Date(draft.updatedAt), language)} {formatTime(new Date(draft.updatedAt))}{' '}
            <button type="button" className="link-button" onClick={() => onContinue(draft)}>
              {t('records.continueDraft')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
