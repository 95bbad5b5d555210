import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriteriaSearchView } from '../../../shared/api/reports';
import type { PackDef } from '../../../shared/forms/packTypes';
import type { Language } from '../../../shared/i18n/languages';
import { useClient } from '../../api/ClientContext';
import { unwrap } from '../../api/unwrap';

interface Option {
  value: string;
  label: string;
}

/** The criteria a pack offers, each with its values: codes of its list (regions for a territory by region), or yes/no. */
function criteriaOf(pack: PackDef, language: Language, yes: string, no: string): { field: string; label: string; options: Option[] }[] {
  const search = pack.reports?.criteriaSearch;
  const form = pack.forms.find((candidate) => candidate.id === search?.population.formId);
  if (!search || !form) return [];
  const fields = form.sections.flatMap((section) => section.fields);
  return search.criteria.flatMap((criterion) => {
    const field = fields.find((candidate) => candidate.id === criterion.field);
    if (!field) return [];
    if (field.kind === 'yesNo') return [{ field: field.id, label: field.label[language], options: [{ value: 'true', label: yes }, { value: 'false', label: no }] }];
    if (field.kind !== 'choice' && field.kind !== 'territory') return [];
    const entries = (pack.classifiers.find((classifier) => classifier.id === field.classifier)?.entries ?? []).filter((entry) => !entry.retiredOn && (!criterion.byRegion || !entry.parent));
    return [{ field: field.id, label: field.label[language], options: entries.map((entry) => ({ value: entry.code, label: entry.names[language] })) }];
  });
}

/** Pack 3 §1.9: pick criteria, get the count and the names; a name opens the record. */
export function CriteriaSearch({ pack, language, onOpen }: { pack: PackDef; language: Language; onOpen: (formId: string, recordId: string) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const id = useId();
  const criteria = criteriaOf(pack, language, t('records.yes'), t('records.no'));
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const search = useMutation<CriteriaSearchView, Error, Record<string, string>>({
    mutationFn: (values) =>
      unwrap(
        client.call('reports.criteriaSearch', {
          packId: pack.id,
          criteria: Object.entries(values)
            .filter(([, value]) => value !== '')
            .map(([field, value]) => ({ field, value: value === 'true' ? true : value === 'false' ? false : value })),
        }),
      ),
  });
  if (criteria.length === 0) return null;
  return (
    <section className="panel criteria-search" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reports.criteriaTitle')}</h2>
      <p className="hint">{t('reports.criteriaLead')}</p>
      <form
        className="criteria-search__fields"
        onSubmit={(event) => {
          event.preventDefault();
          search.mutate(chosen);
        }}
      >
        {criteria.map((criterion) => (
          <label key={criterion.field}>
            {criterion.label}
            <select aria-label={criterion.label} value={chosen[criterion.field] ?? ''} onChange={(event) => setChosen({ ...chosen, [criterion.field]: event.target.value })}>
              <option value="">{t('reports.any')}</option>
              {criterion.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit">{t('reports.search')}</button>
      </form>
      {search.data ? (
        <div role="status">
          <p className="criteria-search__count">{t('reports.found', { count: search.data.count })}</p>
          {search.data.names === null ? (
            <p className="hint">{t('reports.namesHidden')}</p>
          ) : (
            <>
              <ul>
                {search.data.names.map((name) => (
                  <li key={name.id}>
                    <button type="button" className="link-button" onClick={() => onOpen(name.formId, name.id)}>
                      {name.title}
                    </button>
                  </li>
                ))}
              </ul>
              {search.data.names.length < search.data.count ? <p className="hint">{t('reports.moreNames', { shown: search.data.names.length, count: search.data.count })}</p> : null}
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
