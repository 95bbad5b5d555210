import { useId, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import './fileButton.css';

type NativeProps = Pick<InputHTMLAttributes<HTMLInputElement>, 'id' | 'accept' | 'disabled' | 'onChange' | 'aria-invalid' | 'aria-describedby'>;

/**
 * A file choice that speaks the operator's language: a translated button and the chosen file's
 * name (or "no file chosen") instead of the browser's own English. The real file input stays —
 * visually hidden, labelled by the caller's label and by the button, focused by Tab, opened by
 * Enter or Space — so assistive technology and `setInputFiles` reach it as before.
 */
export function FileButton(props: NativeProps & { id: string; shown: string | null }) {
  const { t } = useTranslation();
  const { shown, ...native } = props;
  const statusId = useId();
  const describedBy = [statusId, native['aria-describedby']].filter(Boolean).join(' ');
  return (
    <span className={`file-button${native.disabled ? ' file-button--disabled' : ''}`}>
      <input {...native} type="file" className="file-button__input" aria-describedby={describedBy} />
      <label htmlFor={native.id} className="file-button__face">
        {t('form.fileChoose')}
      </label>
      <span id={statusId} className="file-button__name" title={shown ?? undefined}>
        {shown ?? t('form.fileNone')}
      </span>
    </span>
  );
}
