import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/languages';
import { useClient } from '../../api/ClientContext';
import { handoverQueries, useExportPackage, useHandoverProgress, useImportReceipt, useStatusFollowsSync } from './queries';

async function readAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const megabytes = (bytes: number, language: Language) => `${formatNumber(Math.round(bytes / 100_000) / 10, language)} MB`;

/**
 * Handover on removable media (Pack 3 §3.5): where to write (the drives found, or a folder),
 * writing with a progress bar, what is on a carrier awaiting its receipt and since when, and
 * the receipt brought back (uploaded: browser mode reaches no local file by path).
 */
export function HandoverPanel({ language }: { language: Language }) {
  const { t } = useTranslation();
  const client = useClient();
  const ids = { folder: useId(), receipt: useId() };
  const status = useQuery(handoverQueries.status(client));
  const drives = useQuery(handoverQueries.drives(client));
  const [folder, setFolder] = useState('');
  const exportPackage = useExportPackage();
  const importReceipt = useImportReceipt();
  const progress = useHandoverProgress();
  useStatusFollowsSync();
  const current = status.data;
  if (!current) return null;
  const chosen = folder.trim() || drives.data?.[0]?.path || '';
  return (
    <section className="panel handover" aria-label={t('handover.title')}>
      <h2>{t('handover.title')}</h2>
      <p className="hint">{t('handover.intro')}</p>
      <p className="sync__fact" data-testid="handover-pending">
        {t('handover.pending', { count: current.pending })}
      </p>
      {current.canExport ? null : (
        <p className="sync__problem" role="alert">
          {t('errors.HANDOVER_NO_SERVER_KEY')}
        </p>
      )}
      <fieldset className="handover__where">
        <legend>{t('handover.drives')}</legend>
        {drives.data && drives.data.length > 0 ? (
          drives.data.map((drive) => (
            <label key={drive.path} className="choice">
              <input type="radio" name="handover-drive" checked={chosen === drive.path} onChange={() => setFolder(drive.path)} />
              <span>{drive.freeBytes === null ? drive.label : t('handover.driveFree', { name: drive.label, free: megabytes(drive.freeBytes, language) })}</span>
            </label>
          ))
        ) : (
          <p className="hint">{t('handover.noDrives')}</p>
        )}
        <button type="button" className="link-button" onClick={() => void drives.refetch()}>
          {t('handover.lookAgain')}
        </button>
        <label htmlFor={ids.folder}>{t('handover.folder')}</label>
        <input id={ids.folder} type="text" value={folder} onChange={(event) => setFolder(event.target.value)} />
      </fieldset>
      <div className="actions">
        <button
          type="button"
          className="secondary-button"
          disabled={!current.canExport || current.pending === 0 || chosen === '' || exportPackage.isPending}
          onClick={() => exportPackage.mutate(chosen)}
        >
          {t('handover.exportButton')}
        </button>
      </div>
      {exportPackage.isPending && progress ? (
        <label className="sync__progress">
          {t('handover.exporting', { done: megabytes(progress.done, language), total: megabytes(progress.total, language) })}
          <progress max={Math.max(1, progress.total)} value={progress.done} />
        </label>
      ) : null}
      {exportPackage.data ? (
        <p className="notice notice--done" role="status" data-testid="handover-exported">
          {t('handover.exported', { sequence: exportPackage.data.sequence, file: exportPackage.data.file, changes: exportPackage.data.changes })}
        </p>
      ) : null}
      {exportPackage.error ? (
        <p className="sync__problem" role="alert">
          {exportPackage.error.message}
        </p>
      ) : null}

      <h3>{t('handover.awaitingTitle')}</h3>
      {current.awaiting.length === 0 ? (
        <p className="hint">{t('handover.noneAwaiting')}</p>
      ) : (
        <ul data-testid="handover-awaiting">
          {current.awaiting.map((entry) => (
            <li key={entry.packageId}>{t('handover.awaitingItem', { sequence: entry.sequence, changes: entry.stillPending, date: formatDate(new Date(entry.createdAt), language), file: entry.file })}</li>
          ))}
        </ul>
      )}

      <h3>{t('handover.receiptTitle')}</h3>
      <label htmlFor={ids.receipt}>{t('handover.receiptChoose')}</label>
      <input
        id={ids.receipt}
        type="file"
        accept=".balareceipt"
        disabled={importReceipt.isPending}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          void readAsBase64(file).then((contentBase64) => importReceipt.mutate({ name: file.name, contentBase64 }));
        }}
      />
      {importReceipt.data ? (
        <div className="notice notice--done" role="status" data-testid="handover-receipt">
          <p>{t('handover.receiptDone', { sequence: importReceipt.data.sequence, delivered: importReceipt.data.delivered, conflicts: importReceipt.data.conflicts, rejected: importReceipt.data.rejected })}</p>
          {importReceipt.data.gap ? <p>{t('handover.receiptGap', { expected: importReceipt.data.gap.expected, received: importReceipt.data.gap.received })}</p> : null}
          {importReceipt.data.conflicts + importReceipt.data.rejected > 0 ? <p>{t('handover.receiptAttention')}</p> : null}
        </div>
      ) : null}
      {importReceipt.error ? (
        <p className="sync__problem" role="alert">
          {importReceipt.error.message}
        </p>
      ) : null}
    </section>
  );
}
