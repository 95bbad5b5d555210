import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../api/ClientContext';
import { recordQueries } from '../records/queries';
import { showDate } from '../records/fields/DateInput';
import { useNavigation } from './navigation';

/** The warnings on the agency's records (or on one record) (accreditations expiring, stays past six months…), each opening its record. */
export function AlertList({ enabled, recordId }: { enabled: boolean; recordId?: string }) {
  const alerts = useQuery({ ...recordQueries.alerts(useClient()), enabled });
  const { go } = useNavigation();
  const shown = alerts.data?.filter((alert) => recordId === undefined || alert.recordId === recordId) ?? [];
  if (shown.length === 0) return null;
  return (
    // The live region holds the list: a <ul> given role="status" would no longer be a list for its items.
    <div role="status">
      <ul className="alerts">
        {shown.map((alert) => (
          <li key={`${alert.ruleId}-${alert.recordId}`}>
            <button type="button" className="link-button" onClick={() => go({ kind: 'open', formId: alert.formId, recordId: alert.recordId })}>
              {alert.title}
            </button>{' '}
            — {alert.message} ({showDate(alert.date)})
          </li>
        ))}
      </ul>
    </div>
  );
}
