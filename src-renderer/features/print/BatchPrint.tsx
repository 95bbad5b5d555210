import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDef } from '../../../shared/forms/formTypes';
import { useClient } from '../../api/ClientContext';
import { recordQueries } from '../records/queries';
import { PrintPanel } from './PrintPanel';

/** Paper copies of several records at once (a selection of pupils into one PDF, with progress). */
export function BatchPrint({ form }: { form: FormDef }) {
  const { t } = useTranslation();
  const client = useClient();
  const list = useQuery(recordQueries.list(client, form.id, ''));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const records = list.data ?? [];
  if (records.length < 2) return null;
  const toggle = (id: string) =>
    setSelected((before) => {
      const next = new Set(before);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const chosen = records.filter((record) => selected.has(record.id)).map((record) => record.id);
  return (
    <details className="batch-print">
      <summary>{t('print.selectForPrint')}</summary>
      <label className="batch-print__all">
        <input type="checkbox" checked={chosen.length === records.length} onChange={(event) => setSelected(new Set(event.target.checked ? records.map((record) => record.id) : []))} />{' '}
        {t('print.selectAll')}
      </label>
      <ul className="batch-print__items">
        {records.map((record) => (
          <li key={record.id}>
            <label>
              <input type="checkbox" checked={selected.has(record.id)} onChange={() => toggle(record.id)} /> {record.title || record.id}
            </label>
          </li>
        ))}
      </ul>
      <PrintPanel recordIds={chosen} actionLabel={t('print.printSelected', { count: chosen.length })} />
    </details>
  );
}
