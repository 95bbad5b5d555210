import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef, PhotoValue } from '../../../../shared/forms/formTypes';
import { useClient } from '../../../api/ClientContext';
import { unwrap } from '../../../api/unwrap';
import { describedBy, FieldFrame } from './FieldFrame';
import { errorId, inputId, type FieldProps } from './fieldProps';
import { FileButton } from './FileButton';
import { maxPhotoFileBytes, preparePhoto } from './photoFile';

const asPhoto = (value: unknown): PhotoValue | null => (typeof value === 'object' && value !== null && 'blobId' in value ? (value as PhotoValue) : null);

/** The child's colour photo: chosen from a file, scaled, stored encrypted, shown in the card. */
export function PhotoInput(props: FieldProps<Extract<FieldDef, { kind: 'photo' }>>) {
  const { t } = useTranslation();
  const client = useClient();
  const { value, onChange, path, disabled } = props;
  const photo = asPhoto(value);
  const [problem, setProblem] = useState<string | null>(null);
  const [chosenName, setChosenName] = useState<string | null>(null);
  const shown = useQuery({
    queryKey: ['photos', photo?.blobId],
    enabled: Boolean(photo),
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: () => unwrap(client.call('photos.get', { blobId: photo?.blobId ?? '' })),
  });
  const store = useMutation({
    mutationFn: async (file: File) => {
      const prepared = await preparePhoto(file);
      if ('problem' in prepared) {
        setProblem(prepared.problem === 'tooLarge' ? t('records.photoFileTooLarge', { size: prepared.sizeMb, max: maxPhotoFileBytes / 1024 / 1024 }) : t('records.photoNotImage'));
        return null;
      }
      setProblem(null);
      return unwrap(client.call('photos.put', { mimeType: prepared.mimeType, contentBase64: prepared.base64 }));
    },
    onSuccess: (stored) => {
      if (stored) onChange(stored);
    },
  });
  const localError = problem ?? (store.error ? store.error.message : null);
  return (
    <FieldFrame props={props}>
      <div className="photo">
        {photo && shown.data ? <img className="photo__image" src={`data:${shown.data.mimeType};base64,${shown.data.contentBase64}`} alt={t('records.photoAlt')} /> : <div className="photo__empty" aria-hidden="true" />}
        <div className="photo__actions">
          <FileButton
            id={inputId(path)}
            accept="image/jpeg,image/png"
            shown={chosenName ?? (photo ? '' : null)}
            disabled={disabled || store.isPending}
            {...describedBy(props, localError ? `${path}.file` : path)}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file) return;
              setChosenName(file.name);
              store.mutate(file);
            }}
          />
          {store.isPending ? <p className="field__hint">{t('records.photoReading')}</p> : null}
          {photo && !disabled ? (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setChosenName(null);
                onChange(undefined);
              }}
            >
              {t('records.photoRemove')}
            </button>
          ) : null}
          {localError ? (
            <p className="field__error" id={errorId(`${path}.file`)} role="alert">
              {localError}
            </p>
          ) : null}
        </div>
      </div>
    </FieldFrame>
  );
}
