import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FormDef } from '../../../shared/forms/formTypes';
import { defaultLanguage, isLanguage } from '../../../shared/i18n/languages';
import { formatDate, formatTime } from '../../../shared/i18n/format';
import { useClient } from '../../api/ClientContext';
import { recordQueries } from './queries';

/** Who changed which field of the record, and when (§ history of every record). */
export function RecordHistory({ form, recordId }: { form: FormDef; recordId: string }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const client = useClient();
  const history = useQuery(recordQueries.history(client, recordId));
  const labelOf = (id: string) => form.sections.flatMap((section) => section.fields).find((field) => field.id === id)?.label[language] ?? id;
  if (!history.data) return null;
  return (
    <section className="record-history">
      <h2>{t('records.history')}</h2>
      <ol>
        {[...history.data].reverse().map((entry) => (
          <li key={entry.revision}>
            <span className="record-history__when">
              {formatDate(new Date(entry.at), language)} {formatTime(new Date(entry.at))} · {entry.by}
            </span>
            <span className="record-history__what">
              {entry.revision === 1 ? t('records.historyCreated') : t('records.historyChanged', { fields: entry.changes.map((change) => labelOf(change.field)).join(', ') })}
            </span>
            {entry.reason ? <span className="record-history__reason">{t('records.historyReason', { reason: entry.reason })}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
