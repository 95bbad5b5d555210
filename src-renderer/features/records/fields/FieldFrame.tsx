import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorId, hintId, inputId, type FieldProps } from './fieldProps';
import './fields.css';

/** Label, required marker, hint and the inline error around one input. */
export function FieldFrame({ props, children, asGroup = false, wide = false }: { props: FieldProps; children: ReactNode; asGroup?: boolean; wide?: boolean }) {
  const { t } = useTranslation();
  const { field, path, errors, language, required } = props;
  const error = errors[path];
  const label = (
    <>
      {field.label[language]}
      {required ? (
        <>
          <span className="field__required" title={t('records.required')} aria-hidden="true">
            {' *'}
          </span>
          <span className="visually-hidden">{` (${t('records.required')})`}</span>
        </>
      ) : null}
    </>
  );
  return (
    <div className={`field field--${field.kind}${error ? ' field--invalid' : ''}${field.print?.span === 2 || wide ? ' field--wide' : ''}`}>
      {asGroup ? <span className="field__label" id={`${inputId(path)}-label`}>{label}</span> : <label className="field__label" htmlFor={inputId(path)}>{label}</label>}
      {children}
      {field.hint ? (
        <p className="field__hint" id={hintId(path)}>
          {field.hint[language]}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId(path)} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** aria attributes tying an input to its hint and error. */
export function describedBy(props: FieldProps, path = props.path): { 'aria-invalid': boolean; 'aria-describedby'?: string } {
  const ids = [props.field.hint ? hintId(props.path) : '', props.errors[path] ? errorId(path) : ''].filter(Boolean);
  return { 'aria-invalid': Boolean(props.errors[path]), ...(ids.length ? { 'aria-describedby': ids.join(' ') } : {}) };
}
