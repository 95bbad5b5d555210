import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../shared/forms/dates';
import { parseTypedDate, showDate } from '../records/fields/DateInput';

/** A period's day typed as on documents (DD.MM.YYYY, as the record forms take dates); the report follows once it is a real date. */
export function PeriodDateInput({ label, value, onChange }: { label: string; value: string; onChange: (iso: string) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(showDate(value));
  return (
    <label>
      {label}
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('records.datePlaceholder')}
        maxLength={10}
        size={12}
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
          const iso = parseTypedDate(event.target.value);
          if (iso && isIsoDate(iso)) onChange(iso);
        }}
      />
    </label>
  );
}
