import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canEdit, canView } from '../../../shared/forms/access';
import type { FormDef } from '../../../shared/forms/formTypes';
import type { PackDef } from '../../../shared/forms/packTypes';
import { defaultLanguage, isLanguage } from '../../../shared/i18n/languages';
import { useClient } from '../../api/ClientContext';
import { unwrap } from '../../api/unwrap';
import { DeadlineBadge } from '../records/DeadlineBadge';
import { showDate } from '../records/fields/DateInput';
import { recordKeys } from '../records/queries';
import { RecordEditor } from '../records/RecordEditor';

/** Events recorded about one record (a pupil's changes of circumstances, leaving), and adding one. */
export function SubjectEvents({ pack, subjectForm, subjectId, role }: { pack: PackDef; subjectForm: FormDef; subjectId: string; role: string }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const client = useClient();
  const eventForms = pack.forms.filter((form) => form.subject?.formId === subjectForm.id && canView(form.access, role));
  const [adding, setAdding] = useState<FormDef | null>(null);
  const events = useQuery({
    queryKey: [...recordKeys.all, 'events', subjectId],
    queryFn: async () => (await Promise.all(eventForms.map((form) => unwrap(client.call('records.list', { formId: form.id, subjectId }))))).flat(),
  });
  if (eventForms.length === 0) return null;
  return (
    <section className="record-history subject-events">
      <h2>{t('records.events')}</h2>
      <ul>
        {events.data?.map((event) => {
          const form = eventForms.find((candidate) => candidate.id === event.formId);
          return (
            <li key={event.id}>
              <strong>{form?.title[language]}</strong> {event.deadline ? `· ${showDate(event.deadline.eventDate)} ` : ''}
              <DeadlineBadge deadline={event.deadline} />
            </li>
          );
        })}
      </ul>
      {adding ? (
        <RecordEditor pack={pack} form={adding} role={role} subjectId={subjectId} onSaved={() => setAdding(null)} onOpenRecord={() => undefined} onCancel={() => setAdding(null)} />
      ) : (
        <div className="actions">
          {eventForms
            .filter((form) => canEdit(form.access, role))
            .map((form) => (
              <button key={form.id} type="button" className="secondary-button" onClick={() => setAdding(form)}>
                {t('records.addEvent', { event: form.title[language] })}
              </button>
            ))}
        </div>
      )}
    </section>
  );
}
