import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProfileCaView } from '../../../shared/api/contract';
import { useClient } from '../../api/ClientContext';
import { unwrap } from '../../api/unwrap';
import { ErrorLine } from './ErrorLine';

/** What activation and recovery take as the profile: one found on this computer, or a chosen file. */
export type ChosenProfile = { kind: 'path'; path: string } | { kind: 'file'; name: string; contentBase64: string };

/** A profile is a few kilobytes; anything much larger is not one. */
export const maxProfileBytes = 300_000;
export const activationCodeErrors = new Set(['ACTIVATION_CODE_WRONG', 'ACTIVATION_CODE_FORMAT']);

export async function readAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The chosen profile's CA fingerprint, for the operator to compare with the administrator's word. */
export function useProfileCa(chosen: ChosenProfile | null) {
  const client = useClient();
  return useQuery({
    queryKey: ['activation', 'inspect', chosen?.kind === 'path' ? chosen.path : chosen?.kind === 'file' ? `${chosen.name}:${chosen.contentBase64.length}:${chosen.contentBase64.slice(-64)}` : null],
    queryFn: () => (chosen ? unwrap(client.call('activation.inspect', { source: chosen })) : null),
    enabled: chosen !== null,
    retry: false,
    staleTime: Infinity,
  });
}

/** The fingerprint in groups, with what to do with it (a pinned CA needs no comparing). */
export function CaFingerprint({ ca, hintKey }: { ca: ProfileCaView; hintKey: string }) {
  const { t } = useTranslation();
  return (
    <div className="field" role="group" aria-label={t('access.caFingerprint')}>
      <p className="field__label">{t('access.caFingerprint')}</p>
      <p className="code-input ca-fingerprint" data-testid="ca-fingerprint">
        <strong>{ca.caFingerprint}</strong>
      </p>
      <p className="hint">{t(ca.pinned ? 'access.caPinned' : hintKey)}</p>
    </div>
  );
}

/** The activation code: upper-cased as typed, its format hint, its error linked to it. */
export function ActivationCodeField(props: { id: string; hintId: string; errorId: string; value: string; error: string | null | undefined; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {t('access.codeLabel')}
      </label>
      <input
        id={props.id}
        className="code-input"
        type="text"
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        value={props.value}
        aria-invalid={Boolean(props.error)}
        aria-describedby={[props.hintId, props.error ? props.errorId : ''].filter(Boolean).join(' ')}
        onChange={(event) => props.onChange(event.target.value.toUpperCase())}
      />
      <p className="field__hint" id={props.hintId}>
        {t('access.codeHint')}
      </p>
      <ErrorLine id={props.errorId} message={props.error} />
    </div>
  );
}
