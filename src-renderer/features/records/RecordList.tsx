import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDef } from '../../../shared/forms/formTypes';
import { useClient } from '../../api/ClientContext';
import { DeadlineBadge } from './DeadlineBadge';
import { recordQueries } from './queries';

/** The records of one form, searchable by name or PIN as the operator types. */
export function RecordList({ form, onOpen }: { form: FormDef; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const list = useQuery(recordQueries.list(client, form.id, deferred));
  const searchId = useId();
  return (
    <section className="record-list">
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
