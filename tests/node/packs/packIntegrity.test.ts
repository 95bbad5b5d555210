import { describe, expect, it } from 'vitest';
import type { FieldDef } from '../../../shared/forms/formTypes';
import { classifierMap } from '../../../shared/forms/packTypes';
import { languages } from '../../../shared/i18n/languages';
import { registryPacks } from '../../../shared/packs';
import { kgTerritories } from '../../../shared/packs/kg-residential/reference/territories';

const cyrillic = /^[\p{Script=Cyrillic}\d\s().,;:«»"'’\-–—/]+$/u;
const latin = /^[\p{Script=Latin}\d\s().,;:«»"'’\-–—/]+$/u;
const allFields = (fields: readonly FieldDef[]): FieldDef[] => fields.flatMap((field) => (field.kind === 'group' ? [field, ...allFields(field.fields)] : [field]));

describe.each(registryPacks.map((pack) => [pack.id, pack] as const))('registry pack %s', (_id, pack) => {
  const classifiers = classifierMap(pack);
  const roleIds = new Set(pack.roles.map((role) => role.id));

  it('has every reference list its forms use, each with unique codes and names in all five languages, in the right script', () => {
    for (const form of pack.forms) {
      for (const field of allFields(form.sections.flatMap((section) => section.fields))) {
        if (field.kind === 'choice' || field.kind === 'territory') expect(classifiers[field.classifier], `${form.id}.${field.id}`).toBeDefined();
      }
    }
    for (const classifier of pack.classifiers) {
      const codes = classifier.entries.map((entry) => entry.code);
      expect(new Set(codes).size, classifier.id).toBe(codes.length);
      for (const entry of [{ code: '(list)', names: classifier.names }, ...classifier.entries]) {
        for (const language of languages) expect(entry.names[language].trim(), `${classifier.id}/${entry.code}/${language}`).not.toBe('');
        for (const language of ['ky', 'ru', 'kk'] as const) expect(entry.names[language], `${classifier.id}/${entry.code}/${language}`).toMatch(cyrillic);
        for (const language of ['az', 'en'] as const) expect(entry.names[language], `${classifier.id}/${entry.code}/${language}`).toMatch(latin);
      }
    }
  });

  it('labels every form, section and field in all five languages, with ids unique per level', () => {
    for (const form of pack.forms) {
      const sections = form.sections.map((section) => section.id);
      expect(new Set(sections).size, form.id).toBe(sections.length);
      const topFields = form.sections.flatMap((section) => section.fields.map((field) => field.id));
      expect(new Set(topFields).size, form.id).toBe(topFields.length);
      for (const labelled of [form.title, ...form.sections.map((section) => section.title), ...allFields(form.sections.flatMap((section) => section.fields)).map((field) => field.label)]) {
        for (const language of languages) expect(labelled[language].trim()).not.toBe('');
      }
    }
  });

  it('refers only to its own roles, fields and forms', () => {
    const formIds = new Set(pack.forms.map((form) => form.id));
    for (const form of pack.forms) {
      const ids = new Set(form.sections.flatMap((section) => section.fields.map((field) => field.id)));
      for (const role of [...(form.access?.view ?? []), ...(form.access?.edit ?? [])]) expect(roleIds.has(role), `${form.id}: ${role}`).toBe(true);
      for (const ref of [form.titleField, form.deadline?.field, form.identity?.pin, form.identity?.name, form.identity?.birthDate]) if (ref) expect(ids.has(ref), `${form.id}: ${ref}`).toBe(true);
      if (form.subject) expect(formIds.has(form.subject.formId)).toBe(true);
      for (const field of form.sections.flatMap((section) => section.fields)) {
        if (field.kind === 'date' && field.notBefore) expect(ids.has(field.notBefore), `${form.id}.${field.id}`).toBe(true);
        if (field.kind === 'pin') for (const ref of [field.birthDateField, field.sexField]) if (ref) expect(ids.has(ref)).toBe(true);
        if (field.requiredWhen) expect(ids.has(field.requiredWhen.field), `${form.id}.${field.id}`).toBe(true);
      }
    }
    for (const alert of pack.alerts) {
      expect(formIds.has(alert.formId), alert.id).toBe(true);
      if (alert.kind === 'stayExceeded') expect(formIds.has(alert.endedByForm), alert.id).toBe(true);
    }
  });
});

describe('the Kyrgyz Republic’s territories', () => {
  const entries = kgTerritories.entries;
  it('has 7 regions, the 2 cities of republican significance and the 40 districts, each district in a region', () => {
    expect(entries.filter((entry) => entry.kind === 'region')).toHaveLength(7);
    expect(entries.filter((entry) => entry.kind === 'city').map((entry) => entry.code)).toEqual(['KG-GB', 'KG-GO']);
    const districts = entries.filter((entry) => entry.kind === 'district');
    expect(districts).toHaveLength(40);
    const regions = new Set(entries.filter((entry) => entry.kind === 'region').map((entry) => entry.code));
    for (const district of districts) expect(regions.has(district.parent ?? ''), district.code).toBe(true);
    for (const region of regions) expect(districts.some((district) => district.parent === region), region).toBe(true);
  });
});
