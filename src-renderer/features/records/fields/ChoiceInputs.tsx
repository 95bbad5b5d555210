import { useTranslation } from 'react-i18next';
import { activeEntries, type ClassifierEntry } from '../../../../shared/forms/classifier';
import type { FieldDef } from '../../../../shared/forms/formTypes';
import { describedBy, FieldFrame } from './FieldFrame';
import { inputId, type FieldProps } from './fieldProps';

type Kind<K extends FieldDef['kind']> = FieldProps<Extract<FieldDef, { kind: K }>>;

/** Characters a closed select shows whole in one column of the form at 1366 px. */
const longChoice = 32;

/** A coded value from a reference list; a retired code stays shown on old records. */
export function ChoiceInput(props: Kind<'choice' | 'territory'>) {
  const { t } = useTranslation();
  const { field, value, onChange, path, disabled, required, language, classifiers } = props;
  const classifier = classifiers[field.classifier];
  const entries = classifier ? activeEntries(classifier) : [];
  const current = classifier?.entries.find((entry) => entry.code === value);
  // A list with long names takes the form's whole width, so the chosen one is read whole when closed.
  const wide = entries.some((entry) => entry.names[language].length > longChoice);
  const level = field.kind === 'territory' ? field.level : undefined;
  const option = (entry: ClassifierEntry) => (
    <option key={entry.code} value={entry.code} disabled={Boolean(level && entry.kind !== level)}>
      {entry.names[language]}
    </option>
  );
  // A hierarchy (regions and their districts) is shown as groups; a flat list as it is.
  const parents = entries.filter((entry) => !entry.parent && entries.some((child) => child.parent === entry.code));
  const body =
    parents.length > 0 ? (
      <>
        {entries.filter((entry) => !entry.parent && !parents.includes(entry)).map(option)}
        {parents.map((parent) => (
          <optgroup key={parent.code} label={parent.names[language]}>
            {option(parent)}
            {entries.filter((entry) => entry.parent === parent.code).map(option)}
          </optgroup>
        ))}
      </>
    ) : (
      entries.map(option)
    );
  return (
    <FieldFrame props={props} wide={wide}>
      <select
        id={inputId(path)}
        title={current?.names[language]}
        value={typeof value === 'string' ? value : ''}
        disabled={disabled}
        required={required}
        {...describedBy(props)}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      >
        <option value="">{t('records.choose')}</option>
        {current?.retiredOn ? option(current) : null}
        {body}
      </select>
    </FieldFrame>
  );
}

/** Yes / no as two radio buttons (a checkbox cannot say "not answered yet"). */
export function YesNoInput(props: Kind<'yesNo'>) {
  const { t } = useTranslation();
  const { value, onChange, path, disabled } = props;
  const choice = (answer: boolean, label: string) => (
    <label className="choice">
      <input type="radio" name={inputId(path)} checked={value === answer} disabled={disabled} onChange={() => onChange(answer)} />
      {label}
    </label>
  );
  return (
    <FieldFrame props={props} asGroup>
      <div className="choices" role="radiogroup" aria-labelledby={`${inputId(path)}-label`} {...describedBy(props)}>
        {choice(true, t('records.yes'))}
        {choice(false, t('records.no'))}
      </div>
    </FieldFrame>
  );
}
