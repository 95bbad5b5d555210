import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../shared/api/session';
import type { SyncStatus } from '../../../shared/api/sync';
import { useClient } from '../../api/ClientContext';
import { unwrap } from '../../api/unwrap';
import { useSessionAction } from '../access/queries';
import { handoverQueries } from '../handover/queries';
import { syncQueries, useSyncAction } from '../sync/queries';
import { useNavigation } from './navigation';

type SignedIn = Extract<SessionStatus, { state: 'signedIn' }>;

function stateLabel(status: SyncStatus, t: (key: string) => string): string {
  if (status.state === 'idle') return status.lastSuccessAt ? t('sync.synced') : t('sync.never');
  return t(`sync.${status.state}`);
}

/**
 * The header's second line, on every view: how the sign-in was checked, sync at a glance (with
 * "sync now"), what waits on a carrier, the details a click away; lock and sign out.
 */
export function StatusStrip({ status }: { status: SignedIn }) {
  const { t } = useTranslation();
  const client = useClient();
  const { go } = useNavigation();
  const sync = useQuery(syncQueries.status(client)).data;
  const handover = useQuery(handoverQueries.status(client)).data;
  const syncNow = useSyncAction((c) => unwrap(c.call('sync.now')));
  const lock = useSessionAction((c) => unwrap(c.call('session.lock')));
  const signOut = useSessionAction((c) => unwrap(c.call('session.signOut')));
  const settled = sync?.state === 'idle' && sync.pending === 0 && sync.lastSuccessAt;
  const attention = sync ? sync.conflicts + sync.rejected : 0;
  return (
    <section className="status-strip" aria-label={t('workspace.statusStrip')}>
      <p className={status.verifiedOnline ? 'chip chip--online' : 'chip chip--offline'}>{status.verifiedOnline ? t('access.verifiedOnline') : t('access.verifiedOffline')}</p>
      {sync ? (
        <div className="status-strip__sync">
          <p className={settled ? 'chip chip--online' : 'chip chip--offline'} data-testid="sync-state" role="status">
            {stateLabel(sync, t)}
          </p>
          <p className="status-strip__fact">{sync.pending > 0 ? t('sync.pending', { count: sync.pending }) : t('sync.nothingPending')}</p>
          {attention > 0 ? (
            <button type="button" className="link-button status-strip__problem" onClick={() => go({ kind: 'dashboard' })}>
              {t('sync.attention', { count: attention })}
            </button>
          ) : null}
          {handover && handover.awaiting.length > 0 ? <p className="status-strip__fact">{`${t('handover.awaitingTitle')}: ${handover.awaiting.length}`}</p> : null}
          <button type="button" className="secondary-button small-button" disabled={sync.state === 'syncing' || syncNow.isPending} onClick={() => syncNow.mutate(undefined)}>
            {t('sync.syncNow')}
          </button>
          <button type="button" className="link-button" onClick={() => go({ kind: 'exchange' })}>
            {t('workspace.exchangeDetails')}
          </button>
          {syncNow.error ? (
            <p className="status-strip__problem" role="alert">
              {syncNow.error.message}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="status-strip__session">
        <button type="button" className="secondary-button small-button" onClick={() => lock.mutate(undefined)}>
          {t('access.lock')}
        </button>
        <button type="button" className="secondary-button small-button" onClick={() => signOut.mutate(undefined)}>
          {t('access.signOut')}
        </button>
      </div>
    </section>
  );
}
