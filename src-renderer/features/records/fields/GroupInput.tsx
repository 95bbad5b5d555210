import { useTranslation } from 'react-i18next';
import type { FieldDef, GroupItem } from '../../../../shared/forms/formTypes';
import { isRequired } from '../../../../shared/forms/validateForm';
import { FieldFrame } from './FieldFrame';
import { FieldInput } from './FieldInput';
import type { FieldProps } from './fieldProps';

/** Repeating rows (relatives): each row its own fields; rows added and removed by buttons. */
export function GroupInput(props: FieldProps<Extract<FieldDef, { kind: 'group' }>>) {
  const { t } = useTranslation();
  const { field, value, onChange, path, disabled, language } = props;
  const items: GroupItem[] = Array.isArray(value) ? value : [];
  const item = field.itemLabel[language];
  const setItem = (index: number, next: GroupItem) => onChange(items.map((current, i) => (i === index ? next : current)));
  return (
    <FieldFrame props={props} asGroup>
      <ol className="group-items">
        {items.map((row, index) => (
          <li key={index} className="group-item">
            <fieldset>
              <legend>{t('records.itemNumber', { item, number: index + 1 })}</legend>
              <div className="field-grid">
                {field.fields.map((inner) => (
                  <FieldInput
                    key={inner.id}
                    {...props}
                    field={inner}
                    value={row[inner.id]}
                    path={`${path}.${index}.${inner.id}`}
                    required={isRequired(inner, row)}
                    onChange={(next) => {
                      const updated = { ...row, [inner.id]: next };
                      if (next === undefined) delete updated[inner.id];
                      setItem(index, updated);
                    }}
                  />
                ))}
              </div>
              {!disabled ? (
                <button type="button" className="link-button" onClick={() => onChange(items.filter((_, i) => i !== index))}>
                  {t('records.remove')}
                </button>
              ) : null}
            </fieldset>
          </li>
        ))}
      </ol>
      {!disabled && items.length < field.maxItems ? (
        <button type="button" className="secondary-button" onClick={() => onChange([...items, {}])}>
          {t('records.add', { item })}
        </button>
      ) : null}
    </FieldFrame>
  );
}
