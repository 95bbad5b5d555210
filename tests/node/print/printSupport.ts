import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FormValues } from '../../../shared/forms/formTypes';
import { createBackend, type Backend } from '../../../src-main/backend';
import { inProcessClient } from '../../../src-main/transport/inProcessClient';
import type { BalaClient } from '../../../shared/api/client';
import { samplePupil } from '../../support/pupilSamples';
import { tempDir } from '../../support/tempDir';
import { issueTestProfile } from '../../support/testProfile';

export const photoFixture = path.join(import.meta.dirname, 'fixtures', 'photo.jpg');

/** A signed-in Pack 1 workstation (by default an institution's data holder) in a fresh data folder. */
export async function printingWorkstation(cleanups: (() => void)[], backends: Backend[], role = 'data_holder'): Promise<{ client: BalaClient; backend: Backend; dataDir: string }> {
  const temp = tempDir('bala-print-');
  cleanups.push(temp.cleanup);
  const profile = await issueTestProfile({
    agencyName: 'Бишкек шаардык №1 балдар үйү',
    operators: [{ username: 'aigul', password: 'Generated-Pass-1', role, mustChangePassword: false }],
  });
  const backend = createBackend({ dataDir: temp.dir, mode: 'test', locales: ['ru'] });
  backends.push(backend);
  await backend.call('activation.activate', { source: { kind: 'file', name: 'p.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code });
  const signedIn = await backend.call('session.signIn', { username: 'aigul', password: 'Generated-Pass-1' });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  return { client: inProcessClient(backend), backend, dataDir: temp.dir };
}

/** A pupil whose name needs the Kyrgyz letters ң, ө, ү, with relatives, long text and a photo. */
export async function kyrgyzPupil(client: BalaClient, overrides: FormValues = {}): Promise<{ id: string; values: FormValues }> {
  const photo = await client.call('photos.put', { mimeType: 'image/jpeg', contentBase64: fs.readFileSync(photoFixture).toString('base64') });
  if (!photo.ok) throw new Error(photo.error.message);
  const values: FormValues = {
    ...samplePupil(7),
    name: { surname: 'Үмөтбекова', givenName: 'Айзирек', patronymic: 'Таңсыковна' },
    sex: 'female',
    birthDate: '2014-05-17',
    pin: '11705201400377',
    admittedOn: '2024-09-02',
    cameFromAddress: 'Чүй облусу, Аламүдүн району, Көк-Жар айылы, Өрүк көчөсү, 12',
    hasParents: true,
    hasRelatives: true,
    relatives: [
      { relation: 'mother', name: { surname: 'Үмөтбекова', givenName: 'Гүлнара' }, contact: 'Бишкек ш., +996 555 123 456' },
      { relation: 'grandmother', name: { surname: 'Таңсыкова', givenName: 'Бүбүсара', patronymic: 'Өмүровна' }, contact: 'Нарын облусу, Кочкор айылы' },
    ],
    otherProperty: Array.from({ length: 12 }, (_, i) => `Мүлк №${i + 1}: үй-жай буюмдары жана окуу куралдары, сакталат.`).join(' '),
    protectionPlan: 'Баланы коргоонун жеке планы 2024-жылдын 10-сентябрында бекитилген; психологдун жумалык сабактары.',
    photo: photo.value,
    ...overrides,
  };
  const created = await client.call('records.create', { formId: 'kg-residential.pupil', values });
  if (!created.ok) throw new Error(`${created.error.code} ${JSON.stringify(created.error.fields)}`);
  return { id: created.value.id, values: created.value.values };
}

/** Runs a poppler tool on a PDF held in memory (written to a temp folder the test removes). */
export function poppler(tool: 'pdftotext' | 'pdfinfo', pdf: Uint8Array, cleanups: (() => void)[], args: string[] = []): string {
  const temp = tempDir('bala-print-check-');
  cleanups.push(temp.cleanup);
  const file = path.join(temp.dir, 'card.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}
