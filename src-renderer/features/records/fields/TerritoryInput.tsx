import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassifierEntry } from '../../../../shared/forms/classifier';
import type { FieldDef } from '../../../../shared/forms/formTypes';
import { describedBy, FieldFrame } from './FieldFrame';
import { inputId, type FieldProps } from './fieldProps';
import { territoryGroups } from './territoryGroups';

/**
 * A place from the territory classifier: a filter box and a native select grouped by region (the
 * cities of republican significance in their own group). The field's label names the select, so
 * the choice reads and is tested like any other select; the filter only narrows what it offers.
 */
export function TerritoryInput(props: FieldProps<Extract<FieldDef, { kind: 'territory' }>>) {
  const { t } = useTranslation();
  const { field, value, onChange, path, disabled, required, language, classifiers } = props;
  const [search, setSearch] = useState('');
  const select = useRef<HTMLSelectElement>(null);
  const ids = { filter: useId(), status: useId() };
  const classifier = classifiers[field.classifier];
  const groups = classifier ? territoryGroups(classifier, language, search) : [];
  const offered = groups.flatMap((group) => group.entries);
  const selectable = offered.filter((entry) => !field.level || entry.kind === field.level);
  const current = classifier?.entries.find((entry) => entry.code === value);
  const option = (entry: ClassifierEntry) => (
    <option key={entry.code} value={entry.code} disabled={Boolean(field.level && entry.kind !== field.level)}>
      {entry.names[language]}
    </option>
  );
  const open = () => {
    select.current?.focus();
    try {
      select.current?.showPicker();
    } catch {
      // Without a user gesture or support, focusing the list is enough: Alt+Down opens it.
    }
  };
  const searching = search.trim() !== '';
  return (
    <FieldFrame props={props}>
      <div className="territory">
        {disabled ? null : (
          <div className="territory__filter">
            <label htmlFor={ids.filter}>{t('form.listFind')}</label>
            <input
              id={ids.filter}
              type="search"
              autoComplete="off"
              value={search}
              aria-controls={inputId(path)}
              aria-describedby={searching ? ids.status : undefined}
              onChange={(event) => setSearch(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  // Never submits the card: one match is chosen, several are opened to choose from.
                  event.preventDefault();
                  const only = selectable.length === 1 ? selectable[0] : undefined;
                  if (only) {
                    onChange(only.code);
                    select.current?.focus();
                  } else if (selectable.length > 1) open();
                } else if (event.key === 'ArrowDown' && selectable.length > 0) {
                  event.preventDefault();
                  open();
                }
              }}
            />
          </div>
        )}
        {searching ? (
          <p className="territory__status" id={ids.status} role="status">
            {selectable.length > 0 ? t('form.listFound', { count: selectable.length }) : t('form.listNothing')}
          </p>
        ) : null}
        <select
          ref={select}
          id={inputId(path)}
          value={typeof value === 'string' ? value : ''}
          title={current?.names[language]}
          disabled={disabled}
          required={required}
          {...describedBy(props)}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        >
          <option value="">{t('records.choose')}</option>
          {current && !offered.includes(current) ? option(current) : null}
          {groups.map((group) => (
            <optgroup key={group.key} label={group.label ?? t('form.territoryCities')}>
              {group.entries.map(option)}
            </optgroup>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}
