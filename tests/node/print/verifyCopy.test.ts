import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatVerificationCode, parseVerificationCode, qrPrefix } from '../../../shared/print/verificationCode';
import type { Backend } from '../../../src-main/backend';
import { kyrgyzPupil, printingWorkstation } from './printSupport';

const cleanups: (() => void)[] = [];
const backends: Backend[] = [];
afterEach(async () => {
  for (const backend of backends.splice(0)) await backend.close();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

describe('the verification code', () => {
  it('reads back what it encodes, forgiving case, spaces, the QR prefix and O/I/L', () => {
    const code = { recordId: '958ca226-abe7-4d91-afdf-7deb2b34e200', revision: 12, hash: 'K7Q2M9XQ4T' };
    const text = formatVerificationCode(code);
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){9}R12$/);
    expect(parseVerificationCode(text)).toEqual(code);
    expect(parseVerificationCode(`${qrPrefix}${text}`)).toEqual(code);
    expect(parseVerificationCode(` ${text.toLowerCase().replace(/-/g, ' ')} `)).toEqual(code);
    const body = text.slice(0, -4);
    expect(parseVerificationCode(`${body.replace(/0/g, 'O').replace(/1/g, 'l')}-R12`)).toEqual(code);
    expect(parseVerificationCode(text.slice(5))).toBeNull();
    expect(parseVerificationCode('hello')).toBeNull();
    expect(parseVerificationCode(text.replace('R12', 'R0'))).toBeNull();
  });
});

describe('bala verify through the API', () => {
  it('accepts a fresh copy, rejects it once the record changed, accepts the new copy, refuses a forged hash', async () => {
    const { client } = await printingWorkstation(cleanups, backends);
    const pupil = await kyrgyzPupil(client);
    const printed = await client.call('print.card', { recordId: pupil.id, language: 'ky' });
    if (!printed.ok) throw new Error(printed.error.message);
    const code = printed.value.stamps[0]?.code ?? '';

    expect(await client.call('print.verify', { code })).toMatchObject({ ok: true, value: { outcome: 'current', recordId: pupil.id, printedRevision: 1, matchedRevision: 1, currentRevision: 1 } });

    const changed = await client.call('records.update', { id: pupil.id, baseRevision: 1, values: { ...pupil.values, otherProperty: 'Велосипед' } });
    expect(changed).toMatchObject({ ok: true, value: { revision: 2 } });
    const stale = await client.call('print.verify', { code });
    expect(stale).toMatchObject({ ok: true, value: { outcome: 'superseded', matchedRevision: 1, currentRevision: 2 } });
    if (stale.ok) expect(stale.value.message).toContain('2');

    const reprinted = await client.call('print.card', { recordId: pupil.id, language: 'ru' });
    if (!reprinted.ok) throw new Error(reprinted.error.message);
    expect(await client.call('print.verify', { code: reprinted.value.stamps[0]?.code ?? '' })).toMatchObject({ ok: true, value: { outcome: 'current', printedRevision: 2 } });

    // The same record and revision with another content hash: someone altered the copy.
    const parsed = parseVerificationCode(code);
    if (!parsed) throw new Error('unreadable');
    const forged = formatVerificationCode({ ...parsed, hash: parsed.hash.startsWith('A') ? `B${parsed.hash.slice(1)}` : `A${parsed.hash.slice(1)}` });
    expect(await client.call('print.verify', { code: forged })).toMatchObject({ ok: true, value: { outcome: 'mismatch' } });
    const unknown = formatVerificationCode({ ...parsed, recordId: '00000000-0000-4000-8000-000000000000' });
    expect(await client.call('print.verify', { code: unknown })).toMatchObject({ ok: true, value: { outcome: 'unknown' } });
    expect(await client.call('print.verify', { code: 'not a code' })).toMatchObject({ ok: true, value: { outcome: 'unreadable' } });
  });

  it('leaves no PDF on disk: the document for the viewer is held in memory and forgotten', async () => {
    const { client, backend, dataDir } = await printingWorkstation(cleanups, backends);
    const pupil = await kyrgyzPupil(client);
    const pdfsUnder = (dir: string, depth = 3): string[] =>
      !fs.existsSync(dir) || depth < 0
        ? []
        : fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) return pdfsUnder(full, depth - 1);
            if (!entry.isFile()) return [];
            try {
              const head = Buffer.alloc(5);
              const fd = fs.openSync(full, 'r');
              fs.readSync(fd, head, 0, 5, 0);
              fs.closeSync(fd);
              return head.toString('latin1') === '%PDF-' ? [full] : [];
            } catch {
              return [];
            }
          });
    const tmpBefore = new Set(pdfsUnder(os.tmpdir(), 1));
    const opened = await client.call('print.open', { recordIds: [pupil.id], language: 'ky' });
    const card = await client.call('print.card', { recordId: pupil.id });
    expect(card.ok && opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.url).toMatch(new RegExp(`^/print/${opened.value.documentId}\\.pdf\\?ticket=[A-Za-z0-9_-]{43}$`));
    const held = backend.ctx.printSpool.get(opened.value.documentId);
    expect(Buffer.from(held?.pdf ?? []).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expect(pdfsUnder(dataDir)).toEqual([]);
    expect(pdfsUnder(os.tmpdir(), 1).filter((file) => !tmpBefore.has(file))).toEqual([]);

    backend.ctx.printSpool.release(opened.value.documentId);
    expect(backend.ctx.printSpool.get(opened.value.documentId)).toBeNull();
    expect(held?.pdf.every((byte) => byte === 0)).toBe(true);
  });
});
