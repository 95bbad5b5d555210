import { describe, expect, it } from 'vitest';
import { findEntry } from '../../../shared/forms/classifier';
import { kgTerritories } from '../../../shared/packs/kg-residential/reference/territories';
import { legalStatuses } from '../../../shared/packs/kg-residential/reference/childLists';
import { normaliseForSearch, territoryGroups } from '../../../src-renderer/features/records/fields/territoryGroups';

describe('kg-residential legal statuses (Pack 1 §15 (8), the statuses §2 names)', () => {
  it('offers "left without parental care" in the order’s own wording, beside orphans', () => {
    const entry = findEntry(legalStatuses, 'withoutParentalCare');
    expect(entry?.names.ky).toBe('Ата-энесинин камкордугусуз калган');
    expect(entry?.names.ru).toBe('Оставшийся без попечения родителей');
    expect(findEntry(legalStatuses, 'orphan')?.names.ky).toBe('Жетим');
    for (const name of Object.values(entry?.names ?? {})) expect(name.trim()).not.toBe('');
  });

  it('keeps every code it had (records store codes, a new version only adds)', () => {
    const codes = legalStatuses.entries.map((entry) => entry.code);
    for (const code of ['orphan', 'deprivedRights', 'restrictedRights', 'parentsMissing', 'parentsIncapable', 'parentsImprisoned', 'parentsUnknown', 'withParentsTemporary', 'other']) expect(codes).toContain(code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('kg territories as a grouped choice', () => {
  it('knows each district’s and regional city’s region', () => {
    const regions = new Set(kgTerritories.entries.filter((entry) => entry.kind === 'region').map((entry) => entry.code));
    expect(regions.size).toBe(7);
    for (const entry of kgTerritories.entries.filter((candidate) => candidate.kind === 'district' || candidate.kind === 'regionalCity')) {
      expect(regions.has(entry.parent ?? ''), entry.code).toBe(true);
    }
  });

  it('puts the cities of republican significance in their own group, then each region with its units', () => {
    const groups = territoryGroups(kgTerritories, 'ru');
    expect(groups[0]).toMatchObject({ key: 'cities', label: null });
    expect(groups[0]?.entries.map((entry) => entry.code)).toEqual(['KG-GB', 'KG-GO']);
    expect(groups.slice(1).map((group) => group.key)).toEqual(['KG-B', 'KG-J', 'KG-Y', 'KG-N', 'KG-O', 'KG-T', 'KG-C']);
    const chuy = groups.find((group) => group.key === 'KG-C');
    expect(chuy?.label).toBe('Чуйская область');
    expect(chuy?.entries[0]?.code).toBe('KG-C');
    expect(chuy?.entries.map((entry) => entry.code)).toContain('KG-C-SOK');
    expect(groups.flatMap((group) => group.entries)).toHaveLength(kgTerritories.entries.length);
  });

  it('narrows to what the search names, in any language, ignoring case and hyphens', () => {
    const codes = (search: string) => territoryGroups(kgTerritories, 'ky', search).flatMap((group) => group.entries.map((entry) => entry.code));
    expect(codes('сокул')).toEqual(['KG-C-SOK']);
    expect(codes('Sokuluk')).toEqual(['KG-C-SOK']);
    expect(codes('кара суу')).toEqual(['KG-O-KSU']);
    expect(codes('бишкек')).toEqual(['KG-GB']);
    expect(codes('талас')).toEqual(expect.arrayContaining(['KG-T', 'KG-T-BAK', 'KG-T-CTAL']));
    expect(codes('zzz')).toEqual([]);
    expect(normaliseForSearch('  Кара-Кёль ')).toBe('кара кель');
  });
});
