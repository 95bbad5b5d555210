import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../shared/api/session';
import { formatDate } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/languages';
import { ChangePasswordForm } from '../access/ChangePasswordForm';
import { roleName } from './registryForms';
import { ViewHeading } from './ViewHeading';

type SignedIn = Extract<SessionStatus, { state: 'signedIn' }>;

/** Who is signed in, where, until when, how the sign-in was checked; changing the password. */
export function AccountView({ status, language }: { status: SignedIn; language: Language }) {
  const { t } = useTranslation();
  return (
    <section className="view" aria-labelledby="view-heading">
      <ViewHeading title={t('workspace.accountTitle')} />
      <section className="panel">
        <dl className="facts">
          <dt>{t('access.role')}</dt>
          <dd>{roleName(status.user.role, language)}</dd>
          <dt>{t('access.validUntil')}</dt>
          <dd>{formatDate(new Date(status.user.validUntil), language)}</dd>
          <dt>{t('access.workstationName')}</dt>
          <dd>{status.workstationName}</dd>
          <dt>{t('access.agencyName')}</dt>
          <dd>{status.agencyName}</dd>
        </dl>
      </section>
      <section className="panel">
        <ChangePasswordForm username={status.user.username} forced={false} />
      </section>
    </section>
  );
}
