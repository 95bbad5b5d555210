import type { FieldDef } from '../../../../shared/forms/formTypes';
import { describedBy, FieldFrame } from './FieldFrame';
import { inputId, type FieldProps } from './fieldProps';

type Kind<K extends FieldDef['kind']> = FieldProps<Extract<FieldDef, { kind: K }>>;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Free text, one line or several; phone and e-mail are text with their own checks. */
export function TextInput(props: Kind<'text' | 'phone' | 'email' | 'pin'>) {
  const { field, value, onChange, path, disabled, required } = props;
  const common = {
    id: inputId(path),
    value: text(value),
    disabled,
    required,
    ...describedBy(props),
    onChange: (event: { target: { value: string } }) => onChange(event.target.value === '' ? undefined : event.target.value),
  };
  if (field.kind === 'text' && field.multiline) return <FieldFrame props={props}><textarea {...common} rows={3} maxLength={field.maxLength} /></FieldFrame>;
  const type = field.kind === 'email' ? 'email' : field.kind === 'phone' ? 'tel' : 'text';
  const extra = field.kind === 'pin' ? { inputMode: 'numeric' as const, autoComplete: 'off', spellCheck: false } : field.kind === 'text' ? { maxLength: field.maxLength } : {};
  return (
    <FieldFrame props={props}>
      <input type={type} {...common} {...extra} />
    </FieldFrame>
  );
}

export function NumberInput(props: Kind<'number'>) {
  const { field, value, onChange, path, disabled, required } = props;
  return (
    <FieldFrame props={props}>
      <input
        id={inputId(path)}
        type="number"
        inputMode="numeric"
        min={field.min}
        max={field.max}
        step={field.integer ? 1 : 'any'}
        value={typeof value === 'number' ? value : ''}
        disabled={disabled}
        required={required}
        {...describedBy(props)}
        onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
      />
    </FieldFrame>
  );
}
