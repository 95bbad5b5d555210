import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FormDef } from '../../../shared/forms/formTypes';
import { jsonShapeProblem, type JsonLimits } from '../../../shared/sync/jsonShape';
import { declaredPhotoBytes, photoRefs } from '../../../shared/sync/photoRefs';
import { applySections, changedSections, pickSections, strayFields, unknownSections } from '../../../shared/sync/sections';
import { canonicalJson, changeHash } from '../../../src-server/sync/changeHash';
import { tallyOutcomes } from '../../../src-server/sync/applyBatch';
import { roleReach, scopeCondition } from '../../../src-server/sync/readScope';
import { registryPacks } from '../../../shared/packs';
import { kgResidentialRoles } from '../../../shared/packs/kg-residential/roles';
import { syncChangeSchema, type ChangeOutcome, type SyncChange } from '../../../shared/sync/syncProtocol';

/*
 * Issue 22: the pure parts of sync — the limits on JSON from the wire, where photos are named,
 * how a record is cut into sections and put back together, and what makes a change "the same
 * change" on a retry — each pinned at its boundary.
 */

const limits: JsonLimits = { maxDepth: 3, maxKeys: 3, maxItems: 3, maxString: 5 };

describe('the limits on JSON from the wire', () => {
  it('takes a value inside every limit, and nulls, numbers and booleans anywhere', () => {
    expect(jsonShapeProblem({ a: ['abcde', null, 1], b: { c: true }, d: 'x' }, limits)).toBeNull();
    expect(jsonShapeProblem(null, limits)).toBeNull();
    expect(jsonShapeProblem(12, limits)).toBeNull();
  });

  it('refuses text one character longer than the limit and names where', () => {
    expect(jsonShapeProblem({ name: 'abcde' }, limits)).toBeNull();
    expect(jsonShapeProblem({ name: 'abcdef' }, limits)).toBe('name: text longer than 5');
    expect(jsonShapeProblem({ group: { name: 'abcdef' } }, limits)).toBe('group.name: text longer than 5');
  });

  it('refuses a NUL and a lone half of a surrogate pair, and takes a whole pair', () => {
    expect(jsonShapeProblem({ a: 'a\u0000' }, limits)).toBe('a: characters that are not text');
    expect(jsonShapeProblem({ a: 'a\uD83D' }, limits)).toBe('a: characters that are not text');
    expect(jsonShapeProblem({ a: '\uDE00b' }, limits)).toBe('a: characters that are not text');
    expect(jsonShapeProblem({ a: '\uD83D\uDE00' }, limits)).toBeNull();
  });

  it('refuses nesting from the limit on, and takes it one level less', () => {
    expect(jsonShapeProblem({ a: { b: { c: 1 } } }, limits)).toBeNull();
    expect(jsonShapeProblem({ a: { b: { c: { d: 1 } } } }, limits)).toBe('a.b.c: nested deeper than 3');
    expect(jsonShapeProblem([[[[1]]]], limits)).toBe('.0.0.0: nested deeper than 3');
    expect(jsonShapeProblem({ a: { b: [] } }, { ...limits, maxDepth: 2 })).toBe('a.b: nested deeper than 2');
  });

  it('refuses an array with one item too many and an object with one key too many', () => {
    expect(jsonShapeProblem({ list: [1, 2, 3] }, limits)).toBeNull();
    expect(jsonShapeProblem({ list: [1, 2, 3, 4] }, limits)).toBe('list: more than 3 items');
    expect(jsonShapeProblem({ a: 1, b: 2, c: 3 }, limits)).toBeNull();
    expect(jsonShapeProblem({ a: 1, b: 2, c: 3, d: 4 }, limits)).toBe(': more than 3 keys');
  });

  it('looks inside the items of an array', () => {
    expect(jsonShapeProblem({ list: ['ok', 'too long'] }, limits)).toBe('list.1: text longer than 5');
  });

  it('refuses a key longer than 200 characters or holding a NUL, and takes one of 200', () => {
    expect(jsonShapeProblem({ ['k'.repeat(200)]: 1 }, limits)).toBeNull();
    expect(jsonShapeProblem({ ['k'.repeat(201)]: 1 }, limits)).toBe(': a key that is not a name');
    expect(jsonShapeProblem({ group: { 'a\u0000': 1 } }, limits)).toBe('group: a key that is not a name');
  });
});

describe('where a record names its photos', () => {
  const values = {
    photo: { blobId: 'p1', bytes: 120, mimeType: 'image/png' },
    siblings: [{ name: 'A', photo: { blobId: 'p2', bytes: 80 } }, { name: 'B' }],
    note: 'blobId',
    broken: { blobId: 7, inner: { blobId: 'p3' } },
  };

  it('finds every photo reference, in groups too, and looks through a non-text blobId', () => {
    expect([...photoRefs(values)].sort()).toEqual(['p1', 'p2', 'p3']);
    expect(photoRefs({ a: 1, b: null, c: [] }).size).toBe(0);
    expect(photoRefs([{ blobId: 'x' }, [{ blobId: 'y' }]])).toEqual(new Set(['x', 'y']));
  });

  it('stops at a photo: a blobId inside a photo value is not another photo', () => {
    expect([...photoRefs({ photo: { blobId: 'outer', extra: { blobId: 'inner' } } })]).toEqual(['outer']);
    expect([...declaredPhotoBytes({ photo: { blobId: 'outer', bytes: 5, extra: { blobId: 'inner', bytes: 6 } } })]).toEqual([['outer', 5]]);
  });

  it('reads the size each reference declares, undefined where it declares none', () => {
    const declared = declaredPhotoBytes(values);
    expect(Object.fromEntries(declared)).toEqual({ p1: 120, p2: 80, p3: undefined });
    expect(declared.has('p3')).toBe(true);
    expect(declaredPhotoBytes([{ blobId: 'x', bytes: 1 }, [{ blobId: 'y', bytes: 2 }]])).toEqual(new Map([['x', 1], ['y', 2]]));
  });
});

const n = (en: string) => ({ ky: en, ru: en, az: en, kk: en, en });
const form: FormDef = {
  id: 't.person',
  version: 1,
  title: n('Person'),
  sections: [
    { id: 'identity', title: n('Identity'), fields: [{ id: 'name', kind: 'text', maxLength: 50, label: n('Name') }, { id: 'born', kind: 'date', label: n('Born') }] },
    { id: 'family', title: n('Family'), fields: [{ id: 'mother', kind: 'text', maxLength: 50, label: n('Mother') }] },
    { id: 'health', title: n('Health'), fields: [{ id: 'notes', kind: 'text', maxLength: 50, label: n('Notes') }] },
  ],
};

describe('a record cut into sections and put back together', () => {
  const values = { name: 'Айгүл', born: '2015-03-01', mother: null, notes: 'ok' };

  it('picks the named sections, or all of them, leaving out empty values', () => {
    expect(pickSections(form, values, ['family', 'identity'])).toEqual({ identity: { name: 'Айгүл', born: '2015-03-01' }, family: {} });
    expect(pickSections(form, values, null)).toEqual({ identity: { name: 'Айгүл', born: '2015-03-01' }, family: {}, health: { notes: 'ok' } });
    expect(pickSections(form, values, [])).toEqual({});
  });

  it('names the sections two versions differ in, in form order; empty and missing are the same', () => {
    expect(changedSections(form, values, { ...values, notes: 'new', name: 'Айгуль' })).toEqual(['identity', 'health']);
    expect(changedSections(form, values, { name: 'Айгүл', born: '2015-03-01', notes: 'ok' })).toEqual([]);
    expect(changedSections(form, values, { ...values, mother: 'Гүлнара' })).toEqual(['family']);
  });

  it('replaces a section wholesale: a field left out is cleared, other sections stay', () => {
    const after = applySections(form, values, { identity: { name: 'Бакыт' } });
    expect(after).toEqual({ name: 'Бакыт', mother: null, notes: 'ok' });
    expect(applySections(form, values, { health: { notes: null } })).toEqual({ name: 'Айгүл', born: '2015-03-01', mother: null });
    expect(applySections(form, values, {})).toEqual(values);
    expect(values.born).toBe('2015-03-01');
  });

  it('names sections the form does not have and fields sent in the wrong section', () => {
    expect(unknownSections(form, { identity: {}, secret: {}, other: {} })).toEqual(['secret', 'other']);
    expect(unknownSections(form, { identity: {}, health: {} })).toEqual([]);
    expect(strayFields(form, { identity: { name: 'A', mother: 'B' }, health: { notes: 'x', salary: 1 } })).toEqual(['mother', 'salary']);
    expect(strayFields(form, { identity: { name: 'A' } })).toEqual([]);
  });
});

const change = (extra: Partial<SyncChange> = {}): SyncChange => ({
  changeId: '0b7d4c1e-3a52-4d47-9d3e-2f9a7c1b5e10',
  recordId: '5f0c2b1a-8e7d-4c3b-9a2f-1e0d9c8b7a65',
  formId: 't.person',
  formVersion: 1,
  subjectId: null,
  baseRevision: 0,
  sections: { identity: { name: 'Айгүл', born: '2015-03-01' } },
  author: 'holder',
  at: '2026-01-05T10:00:00.000Z',
  reason: null,
  blobs: [],
  ...extra,
});
const blob = (sha: string, data = 'AAAA') => ({ id: crypto.randomUUID(), mimeType: 'image/png', sha256: sha, dataBase64: data });

describe('what makes a retried change the same change', () => {
  it('writes JSON with keys sorted at every level, undefined left out', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } })).toBe('{"a":{"d":[2,{"y":null,"z":1}]},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('x')).toBe('"x"');
    expect(canonicalJson({ B: 1, a: 2, A: 3 })).toBe('{"A":3,"B":1,"a":2}');
  });

  it('hashes the same change the same whatever the key order, and any other content differently', () => {
    const base = changeHash(change());
    expect(changeHash(change({ sections: { identity: { born: '2015-03-01', name: 'Айгүл' } } }))).toBe(base);
    expect(changeHash(change({ sections: { identity: { name: 'Айгуль', born: '2015-03-01' } } }))).not.toBe(base);
    expect(changeHash(change({ author: 'other' }))).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names photos by their hash, in any order, not by their bytes or ids', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    const one = changeHash(change({ blobs: [blob(a, 'AAAA'), blob(b, 'BBBB')] }));
    expect(changeHash(change({ blobs: [blob(b, 'CCCC'), blob(a, 'DDDD')] }))).toBe(one);
    expect(changeHash(change({ blobs: [blob(a)] }))).not.toBe(one);
    expect(changeHash(change({ blobs: [blob(a)] }))).not.toBe(changeHash(change({ blobs: [blob(b)] })));
    expect(changeHash(change())).not.toBe(one);
  });

  it('counts the outcomes of a batch by kind', () => {
    const outcomes: ChangeOutcome[] = [
      { changeId: '1', outcome: 'accepted', revision: 1, merged: false },
      { changeId: '2', outcome: 'rejected', code: 'NOT_PERMITTED', problems: [] },
      { changeId: '3', outcome: 'accepted', revision: 2, merged: true },
    ];
    expect(tallyOutcomes(outcomes, 'accepted')).toBe(2);
    expect(tallyOutcomes(outcomes, 'rejected')).toBe(1);
    expect(tallyOutcomes(outcomes, 'conflict')).toBe(0);
  });
});

describe('a pushed change as the wire schema takes it', () => {
  const valid = () => change({ changeId: crypto.randomUUID(), recordId: crypto.randomUUID() });
  const problem = (candidate: unknown) => {
    const parsed = syncChangeSchema.safeParse(candidate);
    return parsed.success ? null : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it("checks each section's values against the section limits, naming the field", () => {
    expect(problem(valid())).toBeNull();
    expect(problem({ ...valid(), sections: { identity: { name: 'я'.repeat(20_000) } } })).toBeNull();
    expect(problem({ ...valid(), sections: { identity: { name: 'я'.repeat(20_001) } } })).toEqual(['sections.identity: name: text longer than 20000']);
  });

  it('takes fifty sections and refuses fifty-one', () => {
    const sections = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`s${i}`, {}]));
    expect(problem({ ...valid(), sections: sections(50) })).toBeNull();
    expect(problem({ ...valid(), sections: sections(51) })).toEqual(['sections: more than 50 sections']);
  });
});

describe('how far a role reads', () => {
  const workstation = { id: 'ws-1', agencyId: 'ag-1', status: 'active' as const, reason: null };

  it("takes the reach the role's pack gives it, its own agency when it gives none or knows no such role", () => {
    expect(roleReach(registryPacks, kgResidentialRoles.centralReader)).toBe('all');
    expect(roleReach(registryPacks, kgResidentialRoles.territorialReader)).toBe('territory');
    expect(roleReach(registryPacks, kgResidentialRoles.dataHolder)).toBe('agency');
    expect(roleReach(registryPacks, 'nobody')).toBe('agency');
    const first = registryPacks[0];
    if (!first) throw new Error('no pack');
    expect(roleReach([{ ...first, id: 'other', roles: [] }, first], kgResidentialRoles.departmentReader)).toBe('department');
  });

  it('reads everything, or its own agency, by exactly these conditions', () => {
    expect(scopeCondition('all', workstation, 3)).toEqual({ sql: 'TRUE', params: [] });
    expect(scopeCondition('agency', workstation, 3)).toEqual({ sql: 'agency_id = $3', params: ['ag-1'] });
    const territory = scopeCondition('territory', workstation, 2);
    expect(territory.params).toEqual(['ag-1']);
    expect(territory.sql).toMatch(/^\(agency_id = \$2 OR agency_id IN \(.*WHERE id = \$2\).*left\(a\.territory, length\(m\.territory\)\) = m\.territory\)\)$/);
  });
});
