import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../shared/api/session';
import type { Language } from '../../../shared/i18n/languages';
import { formatDate } from '../../../shared/i18n/format';
import { registryPacks } from '../../../shared/packs';
import { unwrap } from '../../api/unwrap';
import { Workspace } from '../workspace/Workspace';
import { SyncPanel } from '../sync/SyncPanel';
import { HandoverPanel } from '../handover/HandoverPanel';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSessionAction } from './queries';

type SignedIn = Extract<SessionStatus, { state: 'signedIn' }>;

/** The role's name from the registry packs, in the operator's language (the id if no pack knows it). */
const roleName = (role: string, language: Language): string =>
  registryPacks.flatMap((pack) => pack.roles).find((candidate) => candidate.id === role)?.names[language] ?? role;

/** The signed-in operator's home: who and where, how the sign-in was checked, the server's word, registry work. */
export function HomeScreen({ status, language }: { status: SignedIn; language: Language }) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  const lock = useSessionAction((client) => unwrap(client.call('session.lock')));
  const signOut = useSessionAction((client) => unwrap(client.call('session.signOut')));
  return (
    <main className="home">
      {status.serverNotice ? (
        <p className={`notice notice--${status.serverNotice.code}`} role="alert">
          {status.serverNotice.message}
        </p>
      ) : null}
      <section className="panel home__who">
        <h1>{t('access.welcome', { name: status.user.displayName })}</h1>
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
        <p className={status.verifiedOnline ? 'badge badge--online' : 'badge badge--offline'}>{status.verifiedOnline ? t('access.verifiedOnline') : t('access.verifiedOffline')}</p>
        <div className="actions">
          <button type="button" className="secondary-button" onClick={() => setChanging(!changing)}>
            {changing ? t('access.back') : t('access.changePassword')}
          </button>
          <button type="button" className="secondary-button" onClick={() => lock.mutate(undefined)}>
            {t('access.lock')}
          </button>
          <button type="button" className="secondary-button" onClick={() => signOut.mutate(undefined)}>
            {t('access.signOut')}
          </button>
        </div>
      </section>
      <SyncPanel language={language} />
      <HandoverPanel language={language} />
      {changing ? (
        <section className="panel">
          <ChangePasswordForm username={status.user.username} forced={false} onDone={() => setChanging(false)} />
        </section>
      ) : (
        <Workspace role={status.user.role} />
      )}
    </main>
  );
}
