import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FormValues } from '../../../shared/forms/formTypes';
import { useClient } from '../../api/ClientContext';
import { recordKeys } from './queries';

const delayMs = 1200;

/**
 * Keeps what the operator types as a draft in the encrypted cache, a moment after each change:
 * a crash, a power cut or the idle lock loses at most the last second of typing.
 */
export function useDraftAutosave(input: { formId: string; recordId: string | null; baseRevision: number | null; values: FormValues; dirty: boolean; initialDraftId: string | null }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [draftId, setDraftId] = useState<string | null>(input.initialDraftId);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [saving, setSaving] = useState(false);
  const latest = useRef(input);
  latest.current = input;
  const idRef = useRef(draftId);
  idRef.current = draftId;
  /** Typing not yet kept: the operator may leave the view (side navigation, a record opened) within the delay. */
  const pending = useRef(false);

  // Leaving the editor keeps the last second of typing too: the draft is written at once, not lost with the timer.
  useEffect(
    () => () => {
      if (!pending.current) return;
      pending.current = false;
      const { formId, recordId, baseRevision, values } = latest.current;
      void client
        .call('drafts.save', { ...(idRef.current ? { id: idRef.current } : {}), formId, recordId, baseRevision, values })
        .then(() => queryClient.invalidateQueries({ queryKey: recordKeys.drafts() }));
    },
    [client, queryClient],
  );

  useEffect(() => {
    pending.current = input.dirty;
    if (!input.dirty) return undefined;
    const timer = setTimeout(() => {
      pending.current = false;
      const { formId, recordId, baseRevision, values } = latest.current;
      setSaving(true);
      void client
        .call('drafts.save', { ...(idRef.current ? { id: idRef.current } : {}), formId, recordId, baseRevision, values })
        .then((result) => {
          if (result.ok) {
            setDraftId(result.value.id);
            setSavedAt(new Date());
          }
        })
        .finally(() => setSaving(false));
    }, delayMs);
    return () => clearTimeout(timer);
  }, [client, input.dirty, input.values]);

  const discard = async () => {
    pending.current = false;
    if (idRef.current) await client.call('drafts.discard', { id: idRef.current });
    setDraftId(null);
  };
  return { draftId, savedAt, saving, discard };
}
