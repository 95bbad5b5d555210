import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDef } from '../../../shared/forms/formTypes';
import { defaultLanguage, isLanguage } from '../../../shared/i18n/languages';
import { useClient } from '../../api/ClientContext';
import { DeadlineBadge } from './DeadlineBadge';
import { recordQueries } from './queries';

/** The records of one form, searchable by name or PIN as the operator types. */
export function RecordList({ form, onOpen, onNew, canCreate }: { form: FormDef; onOpen: (id: string) => void; onNew: () => void; canCreate: boolean }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const client = useClient();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const list = useQuery(recordQueries.list(client, form.id, deferred));
  const searchId = useId();
  return (
    <section className="record-list">
      <header className="record-list__head">
        <h1>{form.title[language]}</h1>
        {canCreate ? (
          <button type="button" onClick={onNew}>
            {t('records.newRecord', { form: form.title[language] })}
          </button>
        ) : null}
      </header>
      <label htmlFor={searchId}>{t('records.search')}</label>
      <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      {list.data && list.data.length === 0 ? <p className="hint">{t('records.noRecords')}</p> : null}
      <ul className="record-list__items">
        {list.data?.map((record) => (
          <li key={record.id}>
            <button type="button" className="link-button" onClick={() => onOpen(record.id)}>
              {record.title || record.id}
            </button>{' '}
            <DeadlineBadge deadline={record.deadline} />
          </li>
        ))}
      </ul>
    </section>
  );
}
