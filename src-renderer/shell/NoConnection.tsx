import { useTranslation } from 'react-i18next';

/** Browser mode opened without the run's token: say where the right address is. */
export function NoConnection() {
  const { t } = useTranslation();
  return (
    <div className="status status--error" role="alert">
      <h1>{t('app.name')}</h1>
      <p>{t('status.noToken')}</p>
    </div>
  );
}
