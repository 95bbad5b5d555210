import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/api/appInfo';
import { useClient } from '../../api/ClientContext';
import { unwrap } from '../../api/unwrap';
import { ActivationScreen } from './ActivationScreen';
import { ChangePasswordForm } from './ChangePasswordForm';
import { HomeScreen } from './HomeScreen';
import { sessionQueries, useSessionAction } from './queries';
import { SignInScreen } from './SignInScreen';
import { useActivityPing } from './useActivityPing';

/** What the workstation shows depends on its session: activate, sign in, change password, unlock, or work. */
export function SessionGate({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const client = useClient();
  const status = useQuery(sessionQueries.status(client));
  const signOut = useSessionAction((c) => unwrap(c.call('session.signOut')));
  useActivityPing(status.data?.state === 'signedIn');
  if (!status.data) return <p className="status">{t('status.loading')}</p>;
  const session = status.data;
  switch (session.state) {
    case 'notActivated':
      return <ActivationScreen info={info} />;
    case 'signedOut':
      return <SignInScreen key="sign-in" workstationName={session.workstationName} agencyName={session.agencyName} />;
    case 'locked':
      return <SignInScreen key="unlock" workstationName={session.workstationName} agencyName={session.agencyName} lockedUsername={session.username} onOtherOperator={() => signOut.mutate(undefined)} />;
    case 'signedIn':
      return session.mustChangePassword ? (
        <main className="centered">
          <section className="panel sign-in">
            <ChangePasswordForm username={session.user.username} forced />
          </section>
        </main>
      ) : (
        <HomeScreen status={session} language={info.language} />
      );
  }
}
