import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormDef, FormValues } from '../../../shared/forms/formTypes';
import { BalaError } from '../../../src-main/api/balaError';
import { DraftStore } from '../../../src-main/records/draftStore';
import { RecordStore } from '../../../src-main/records/recordStore';
import { openCache, type CacheDatabase } from '../../../src-main/store/cacheDatabase';
import { tempDir } from '../../support/tempDir';
import { testForm } from '../forms/testForm';

const form: FormDef = { ...testForm, identity: { pin: 'pin', name: 'name', birthDate: 'birthDate' } };
const child = (surname: string, givenName: string, birthDate: string, pin?: string): FormValues => ({
  name: { surname, givenName },
  sex: 'female',
  birthDate,
  admittedOn: '2024-09-02',
  ...(pin ? { pin } : {}),
});

let db: CacheDatabase;
let cleanup: () => void;
let clock = 0;
const now = () => new Date(Date.UTC(2026, 10, 25, 9, 0, clock++));

beforeEach(() => {
  const temp = tempDir('bala-records-');
  cleanup = temp.cleanup;
  db = openCache(path.join(temp.dir, 'cache.db'), crypto.randomBytes(32), { create: true });
});
afterEach(() => {
  db.close();
  cleanup();
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof BalaError ? error.code : String(error);
  }
  return 'no error';
};

describe('records and their history', () => {
  it('keeps every version: who changed which field, when, and why', () => {
    const store = new RecordStore(db, now);
    const created = store.create(form, child('Асанова', 'Айпери', '2015-03-08'), 'holder1');
    expect(created.revision).toBe(1);
    const updated = store.update(form, created.id, 1, { ...created.values, disabled: true }, 'holder2', 'medical certificate');
    expect(updated.revision).toBe(2);
    expect(updated.updatedBy).toBe('holder2');
    const history = store.history(created.id);
    expect(history.map((entry) => [entry.revision, entry.by])).toEqual([
      [1, 'holder1'],
      [2, 'holder2'],
    ]);
    expect(history[1]?.changes).toEqual([{ field: 'disabled', before: null, after: true }]);
    expect(history[1]?.reason).toBe('medical certificate');
    expect(history[0]?.changes.map((change) => change.field)).toEqual(['admittedOn', 'birthDate', 'name', 'sex']);
  });

  it('refuses a save based on a stale revision, naming who saved in between', () => {
    const store = new RecordStore(db, now);
    const created = store.create(form, child('Асанова', 'Айпери', '2015-03-08'), 'holder1');
    store.update(form, created.id, 1, { ...created.values, disabled: true }, 'holder2');
    expect(codeOf(() => store.update(form, created.id, 1, { ...created.values, disabled: false }, 'holder1'))).toBe('RECORD_CHANGED');
  });

  it('writes no history for a save that changes nothing', () => {
    const store = new RecordStore(db, now);
    const created = store.create(form, child('Асанова', 'Айпери', '2015-03-08'), 'holder1');
    expect(store.update(form, created.id, 1, { ...created.values }, 'holder1').revision).toBe(1);
    expect(store.history(created.id)).toHaveLength(1);
  });

  it('never deletes a record nor rewrites its history', () => {
    const store = new RecordStore(db, now);
    const created = store.create(form, child('Асанова', 'Айпери', '2015-03-08'), 'holder1');
    expect(() => db.prepare('DELETE FROM records WHERE id = ?').run(created.id)).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE record_history SET by = 'x'").run()).toThrow(/append-only/);
  });
});

describe('duplicate search (§9.4)', () => {
  it('finds the same PIN, and refuses to save a second record with it', () => {
    const store = new RecordStore(db, now);
    const first = store.create(form, child('Асанова', 'Айпери', '2015-03-08', '10803201500123'), 'h');
    const again = child('Бекова', 'Нурай', '2015-03-08', '1 0803 2015 00123');
    expect(store.possibleDuplicates(form, again)).toEqual([{ recordId: first.id, samePin: true, similarName: false }]);
    expect(codeOf(() => store.create(form, again, 'h'))).toBe('DUPLICATE_PIN');
    const other = store.create(form, child('Бекова', 'Нурай', '2016-01-01'), 'h');
    expect(codeOf(() => store.update(form, other.id, 1, { ...other.values, pin: '10803201500123' }, 'h'))).toBe('DUPLICATE_PIN');
  });

  it('finds a similar name in another script with a close birth date, but not a far one', () => {
    const store = new RecordStore(db, now);
    const first = store.create(form, child('Асанова', 'Айпери', '2015-03-08'), 'h');
    expect(store.possibleDuplicates(form, child('ASSANOVA', 'Aypery', '2015-03-18'))).toEqual([{ recordId: first.id, samePin: false, similarName: true }]);
    expect(store.possibleDuplicates(form, child('Asanova', 'Aiperi', '2014-03-08'))).toEqual([]);
    expect(store.possibleDuplicates(form, child('Осмонова', 'Айпери', '2015-03-08'))).toEqual([]);
    expect(store.possibleDuplicates(form, first.values, first.id)).toEqual([]);
  });
});

describe('drafts and photos', () => {
  it('autosaves drafts per operator; another operator cannot read or overwrite them', () => {
    const drafts = new DraftStore(db, now);
    const draft = drafts.save('op1', { formId: form.id, values: { notes: 'half typed' } });
    drafts.save('op1', { id: draft.id, formId: form.id, values: { notes: 'more typed' } });
    expect(drafts.get('op1', draft.id)?.values).toEqual({ notes: 'more typed' });
    expect(drafts.get('op2', draft.id)).toBeNull();
    expect(drafts.list('op2')).toEqual([]);
    expect(() => drafts.save('op2', { id: draft.id, formId: form.id, values: { notes: 'hijack' } })).toThrow('draft belongs to another operator');
    expect(drafts.get('op1', draft.id)?.values).toEqual({ notes: 'more typed' });
    drafts.discard('op1', draft.id);
    expect(drafts.list('op1')).toEqual([]);
  });

  it('stores a photo as a blob and gives it back byte for byte', () => {
    const store = new RecordStore(db, now);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), crypto.randomBytes(5000)]);
    const photo = store.putBlob('image/jpeg', jpeg, 'h');
    expect(photo).toMatchObject({ mimeType: 'image/jpeg', bytes: jpeg.length });
    expect(store.getBlob(photo.blobId)?.data.equals(jpeg)).toBe(true);
    expect(store.getBlob('missing')).toBeNull();
  });
});

describe('search', () => {
  it('finds by the beginning of any name part, in either script, and by PIN prefix', () => {
    const store = new RecordStore(db, now);
    const aiperi = store.create(form, child('Асанова', 'Айпери', '2015-03-08', '10803201500123'), 'h');
    const nurai = store.create(form, child('Бекова-Асанова', 'Нурай', '2016-01-01'), 'h');
    store.create(form, child('Осмонов', 'Бакыт', '2012-05-05'), 'h');
    const ids = (query: string) => store.search(form, query).map((record) => record.id).sort();
    expect(ids('асан')).toEqual([aiperi.id, nurai.id].sort());
    expect(ids('ASAN aip')).toEqual([aiperi.id]);
    expect(ids('Nurai')).toEqual([nurai.id]);
    expect(ids('1080 3201')).toEqual([aiperi.id]);
    expect(ids('999')).toEqual([]);
    expect(ids('  ')).toEqual([]);
    expect(ids('*')).toEqual([]);
  });
});
