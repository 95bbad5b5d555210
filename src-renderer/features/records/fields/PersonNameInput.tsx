import { useTranslation } from 'react-i18next';
import type { FieldDef, PersonNameValue } from '../../../../shared/forms/formTypes';
import { describedBy, FieldFrame } from './FieldFrame';
import { errorId, inputId, type FieldProps } from './fieldProps';

const asName = (value: unknown): PersonNameValue =>
  typeof value === 'object' && value !== null && 'surname' in value ? (value as PersonNameValue) : { surname: '', givenName: '' };

/** Surname, name and patronymic (if any) — three inputs, each with its own error. */
export function PersonNameInput(props: FieldProps<Extract<FieldDef, { kind: 'personName' }>>) {
  const { t } = useTranslation();
  const { field, value, onChange, path, disabled, required, errors } = props;
  const name = asName(value);
  const parts: (keyof PersonNameValue)[] = field.patronymic === 'none' ? ['surname', 'givenName'] : ['surname', 'givenName', 'patronymic'];
  const update = (part: keyof PersonNameValue, text: string) => {
    const next = { ...name, [part]: text };
    if (!next.patronymic) delete next.patronymic;
    onChange(next.surname || next.givenName || next.patronymic ? next : undefined);
  };
  return (
    <FieldFrame props={props} asGroup>
      <div className="name-parts" role="group" aria-labelledby={`${inputId(path)}-label`}>
        {parts.map((part) => {
          const partPath = `${path}.${part}`;
          return (
            <div key={part} className="name-part">
              <label htmlFor={part === 'surname' ? inputId(path) : inputId(partPath)}>{t(`records.${part}`)}</label>
              <input
                id={part === 'surname' ? inputId(path) : inputId(partPath)}
                type="text"
                autoComplete="off"
                maxLength={80}
                value={name[part] ?? ''}
                disabled={disabled}
                required={required && part !== 'patronymic'}
                {...describedBy(props, partPath)}
                onChange={(event) => update(part, event.target.value)}
              />
              {errors[partPath] ? (
                <p className="field__error" id={errorId(partPath)} role="alert">
                  {errors[partPath]}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </FieldFrame>
  );
}
