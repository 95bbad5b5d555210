import crypto from 'node:crypto';
import type { FormValues } from '../../shared/forms/formTypes';
import { classifierMap, findForm, type PackDef } from '../../shared/forms/packTypes';
import { registryPacks } from '../../shared/packs';
import type { BlobUpload, SyncChange } from '../../shared/sync/syncProtocol';

/** A whole first change of a record: every section of the form, from `values`. */
export function firstChange(formId: string, values: FormValues, author: string, extra: Partial<SyncChange> = {}, packs: readonly PackDef[] = registryPacks): SyncChange {
  const found = findForm(packs, formId);
  if (!found) throw new Error(`no form ${formId}`);
  const sections: SyncChange['sections'] = {};
  for (const section of found.form.sections) sections[section.id] = Object.fromEntries(section.fields.filter((field) => field.id in values).map((field) => [field.id, values[field.id]]));
  return { changeId: crypto.randomUUID(), recordId: crypto.randomUUID(), formId, formVersion: found.form.version, subjectId: null, baseRevision: 0, sections, author, at: new Date().toISOString(), reason: null, blobs: [], ...extra };
}

/** A photo as a change carries it: its bytes in base64 with their SHA-256. */
export const photoUpload = (data: Buffer, id: string = crypto.randomUUID()): BlobUpload => ({ id, mimeType: 'image/png', sha256: crypto.createHash('sha256').update(data).digest('hex'), dataBase64: data.toString('base64') });

/** A valid Pack 1 change-of-circumstances event about `subjectId` (null: refused as about no one). */
export function changeEvent(subjectId: string | null, author: string): SyncChange {
  const found = findForm(registryPacks, 'kg-residential.change');
  if (!found) throw new Error('Pack 1 change form missing');
  const field = found.form.sections[0]?.fields.find((candidate) => candidate.id === 'circumstance');
  const circumstance = field?.kind === 'choice' ? classifierMap(found.pack)[field.classifier]?.entries[0]?.code : undefined;
  return firstChange('kg-residential.change', { changedOn: '2025-01-15', circumstance: circumstance ?? '', description: 'Переведена в другую группу' }, author, { subjectId });
}
