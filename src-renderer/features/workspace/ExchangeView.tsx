import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n/languages';
import { HandoverPanel } from '../handover/HandoverPanel';
import { SyncIssues } from '../sync/SyncIssues';
import { SyncPanel } from '../sync/SyncPanel';
import { useNavigation } from './navigation';
import { ViewHeading } from './ViewHeading';

/** Exchange in detail: sync with the central server, what it sent back for a decision, handover by removable media. */
export function ExchangeView({ language }: { language: Language }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  return (
    <section className="view" aria-labelledby="view-heading">
      <ViewHeading title={t('workspace.exchangeTitle')} />
      <SyncPanel language={language} />
      <SyncIssues language={language} onOpen={(formId, recordId) => go({ kind: 'open', formId, recordId })} />
      <HandoverPanel language={language} />
    </section>
  );
}
