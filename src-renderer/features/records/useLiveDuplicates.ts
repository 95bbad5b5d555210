import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DuplicateCandidate } from '../../../shared/api/records';
import type { FormDef, FormValues } from '../../../shared/forms/formTypes';
import { useClient } from '../../api/ClientContext';
import { unwrap } from '../../api/unwrap';
import { duplicateProbe, probeKey } from './duplicateProbe';
import { recordKeys } from './queries';

/** How long the identity must rest before it is looked up: one check per pause, not per keystroke. */
export const liveCheckDelayMs = 400;

/** Under recordKeys.all: saving any record refreshes the answers. */
export const liveDuplicateKey = (formId: string, key: string | null) => [...recordKeys.all, 'liveDuplicates', formId, key] as const;

/**
 * Likely duplicates of a new child while the operator types (the early warning; the check on
 * Save stays the rule). Each settled identity is one query: an older, slower answer lands in
 * its own cache entry and is never shown for a newer identity.
 */
export function useLiveDuplicates(form: FormDef, values: FormValues, enabled: boolean): DuplicateCandidate[] {
  const client = useClient();
  const probe = useMemo(() => (enabled ? duplicateProbe(form, values) : null), [enabled, form, values]);
  const key = probeKey(probe);
  const latestProbe = useRef(probe);
  latestProbe.current = probe;
  const [settled, setSettled] = useState<{ key: string; probe: FormValues } | null>(null);

  useEffect(() => {
    if (!key) {
      setSettled(null);
      return undefined;
    }
    const timer = setTimeout(() => {
      if (latestProbe.current) setSettled({ key, probe: latestProbe.current });
    }, liveCheckDelayMs);
    return () => clearTimeout(timer);
  }, [key]);

  const query = useQuery({
    queryKey: liveDuplicateKey(form.id, settled?.key ?? null),
    queryFn: () => unwrap(client.call('records.checkDuplicates', { formId: form.id, values: settled?.probe ?? {} })),
    enabled: settled !== null,
    // While a corrected identity waits for its answer, the last answer stays instead of flickering away.
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    retry: false,
  });
  return key && settled && query.data ? query.data : [];
}
