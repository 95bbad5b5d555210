import { describe, expect, it } from 'vitest';
import type { LocalisedName } from '../../../shared/forms/classifier';
import type { FieldDef, FormValues } from '../../../shared/forms/formTypes';
import { canEdit, canView } from '../../../shared/forms/access';
import { classifierMap } from '../../../shared/forms/packTypes';
import { validateForm } from '../../../shared/forms/validateForm';
import { languages } from '../../../shared/i18n/languages';
import { registryPacks } from '../../../shared/packs';
import { kgDifficultPack as pack } from '../../../shared/packs/kg-difficult/pack';
import { kgResidentialPack } from '../../../shared/packs/kg-residential/pack';
import { checkPackWorkflows } from '../../../shared/workflows/checkWorkflowDef';
import { kgdSamples, without } from './kgDifficultSamples';

const cyrillic = /^[\p{Script=Cyrillic}\d\s().,;:«»"'’\-–—/]+$/u;
const latin = /^[\p{Script=Latin}\d\s().,;:«»"'’\-–—/]+$/u;
const allFields = (fields: readonly FieldDef[]): FieldDef[] => fields.flatMap((field) => (field.kind === 'group' ? [field, ...allFields(field.fields)] : [field]));
const ctx = { classifiers: classifierMap(pack), today: '2026-04-01' };
const form = (id: string) => {
  const found = pack.forms.find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
};
const child = kgdSamples['kg-difficult.child'] as FormValues;
const issues = (values: FormValues, today = ctx.today) => validateForm(form('kg-difficult.child'), values, { ...ctx, today }).map((issue) => `${issue.path}:${issue.code}`);

describe('Pack 2 as data', () => {
  it('has a workflow the engine can run against the pack’s own form, calendar and roles', () => {
    expect(checkPackWorkflows(pack)).toEqual([]);
    expect(pack.workflows).toHaveLength(1);
    expect(pack.calendar.timeZone).toBe('Asia/Bishkek');
  });

  it('validates a filled record of every form', () => {
    expect(Object.keys(kgdSamples).sort()).toEqual(pack.forms.map((candidate) => candidate.id).sort());
    for (const candidate of pack.forms) expect(validateForm(candidate, kgdSamples[candidate.id] ?? {}, ctx), candidate.id).toEqual([]);
  });

  it('refuses a child without the date found, found in the future, or found before birth', () => {
    const withoutDate = without(child, 'foundOn');
    expect(issues(withoutDate)).toEqual(['foundOn:required']);
    expect(issues({ ...child, foundOn: '2026-04-02' })).toEqual(['foundOn:dateInFuture']);
    expect(issues({ ...child, foundOn: '2014-05-11' })).toEqual(['foundOn:dateBefore']);
    expect(issues({ ...child, foundTerritory: '' })).toEqual(['foundTerritory:required']);
  });

  it('refuses a PIN that does not match the birth date or the sex', () => {
    expect(issues({ ...child, birthDate: '2014-05-13' })).toEqual(['pin:pinBirthDate']);
    expect(issues({ ...child, sex: 'male' })).toEqual(['pin:pinSex']);
    expect(issues({ ...child, pin: '1120520140012' })).toEqual(['pin:pinFormat']);
  });

  it('asks for migrant parents, at least one reason, and a description of a need or reason outside the lists', () => {
    const withoutMigrant = without(child, 'migrantParents');
    expect(issues(withoutMigrant)).toEqual(['migrantParents:required']);
    expect(issues({ ...child, reasons: [] })).toEqual(['reasons:required']);
    expect(issues({ ...child, needs: [{ need: 'other' }], reasons: [{ reason: 'other' }] })).toEqual(['reasons.0.details:required', 'needs.0.description:required']);
  });

  it('asks for an executed activity’s result, and the territorial consent when a case closes without assessment', () => {
    const plan = kgdSamples['kg-difficult.plan'] as FormValues;
    const activities = plan.activities as FormValues[];
    const second = { ...activities[1], executedOn: '2026-03-20' };
    expect(validateForm(form('kg-difficult.plan'), { ...plan, activities: [activities[0] ?? {}, second] }, ctx).map((issue) => issue.path)).toEqual(['activities.1.result']);
    const closure = kgdSamples['kg-difficult.closure'] as FormValues;
    expect(validateForm(form('kg-difficult.closure'), { ...closure, consent: '' }, ctx).map((issue) => issue.path)).toEqual(['consent']);
    expect(validateForm(form('kg-difficult.closure'), { ...closure, consent: '', withoutAssessment: false, reason: 'situationResolved' }, ctx)).toEqual([]);
  });

  it('has unique form, section and field ids, and every reference it makes exists', () => {
    const formIds = pack.forms.map((candidate) => candidate.id);
    expect(new Set(formIds).size).toBe(formIds.length);
    for (const id of formIds) expect(id.startsWith('kg-difficult.'), id).toBe(true);
    const classifiers = classifierMap(pack);
    for (const candidate of pack.forms) {
      const sections = candidate.sections.map((section) => section.id);
      expect(new Set(sections).size, candidate.id).toBe(sections.length);
      const top = candidate.sections.flatMap((section) => section.fields);
      expect(new Set(top.map((field) => field.id)).size, candidate.id).toBe(top.length);
      for (const group of allFields(top).filter((field) => field.kind === 'group')) expect(new Set(group.fields.map((field) => field.id)).size, `${candidate.id}.${group.id}`).toBe(group.fields.length);
      for (const field of allFields(top)) if (field.kind === 'choice' || field.kind === 'territory') expect(classifiers[field.classifier], `${candidate.id}.${field.id}`).toBeDefined();
      if (candidate.subject) expect(candidate.subject.formId).toBe('kg-difficult.child');
    }
    const classifierIds = pack.classifiers.map((classifier) => classifier.id);
    expect(new Set(classifierIds).size).toBe(classifierIds.length);
  });

  it('names every label in all five languages, each in its script', () => {
    const labels: [string, LocalisedName][] = [['pack', pack.title], ...pack.roles.map((role): [string, LocalisedName] => [role.id, role.names])];
    for (const candidate of pack.forms) {
      labels.push([candidate.id, candidate.title]);
      for (const section of candidate.sections) labels.push([`${candidate.id}/${section.id}`, section.title]);
      for (const field of allFields(candidate.sections.flatMap((section) => section.fields))) {
        labels.push([`${candidate.id}.${field.id}`, field.label]);
        if (field.hint) labels.push([`${candidate.id}.${field.id}/hint`, field.hint]);
        if (field.kind === 'group') labels.push([`${candidate.id}.${field.id}/item`, field.itemLabel]);
      }
    }
    for (const classifier of pack.classifiers) {
      labels.push([classifier.id, classifier.names]);
      for (const entry of classifier.entries) labels.push([`${classifier.id}/${entry.code}`, entry.names]);
    }
    for (const workflow of pack.workflows ?? []) {
      labels.push([workflow.id, workflow.title]);
      for (const item of [...workflow.states, ...workflow.steps, ...workflow.transitions]) labels.push([`${workflow.id}/${item.id}`, item.names]);
    }
    for (const [where, name] of labels) {
      expect(Object.keys(name).sort(), where).toEqual([...languages].sort());
      for (const language of languages) expect(name[language].trim(), `${where}/${language}`).not.toBe('');
      for (const language of ['ky', 'ru', 'kk'] as const) expect(name[language], `${where}/${language}`).toMatch(cyrillic);
      for (const language of ['az', 'en'] as const) expect(name[language], `${where}/${language}`).toMatch(latin);
    }
  });

  it('gives every form its own access, naming Pack 2 roles only, and shares no role with Pack 1', () => {
    const own = new Set(pack.roles.map((role) => role.id));
    const pack1 = new Set(kgResidentialPack.roles.map((role) => role.id));
    for (const role of own) expect(pack1.has(role), role).toBe(false);
    for (const candidate of pack.forms) {
      expect(candidate.access?.view?.length, `${candidate.id} view`).toBeGreaterThan(0);
      expect(candidate.access?.edit?.length, `${candidate.id} edit`).toBeGreaterThan(0);
      for (const role of [...(candidate.access?.view ?? []), ...(candidate.access?.edit ?? [])]) expect(own.has(role), `${candidate.id}: ${role}`).toBe(true);
      for (const section of candidate.sections) for (const role of [...(section.access?.view ?? []), ...(section.access?.edit ?? [])]) expect(own.has(role), `${candidate.id}/${section.id}: ${role}`).toBe(true);
    }
  });

  it('lets only the specialists change a child’s case; the territorial and central bodies read it (§7–8)', () => {
    const reach = Object.fromEntries(pack.roles.map((role) => [role.id, role.reach ?? 'agency']));
    expect(reach).toEqual({ kgd_administrator: 'all', kgd_specialist: 'agency', kgd_territorial: 'territory', kgd_central: 'all' });
    for (const candidate of pack.forms.filter((item) => item.id !== 'kg-difficult.specialist')) {
      expect(candidate.access, candidate.id).toEqual({ view: ['kgd_specialist', 'kgd_territorial', 'kgd_central'], edit: ['kgd_specialist'] });
    }
    expect(form('kg-difficult.specialist').access?.edit).toEqual(['kgd_administrator']);
  });

  it('ships with its screens: the child record is a registry form the specialist keeps and the readers open, titled by the child, carrying the case', () => {
    expect(registryPacks.map((candidate) => candidate.id)).toEqual(['kg-residential', 'kg-difficult']);
    // What the navigation lists (src-renderer/features/workspace/registryForms.ts): forms without a subject the role may view.
    const listed = (role: string) => registryPacks.flatMap((candidate) => candidate.forms.filter((item) => !item.subject && canView(item.access, role)).map((item) => item.id));
    const workflow = pack.workflows?.[0];
    const caseForm = form(workflow?.formId ?? '');
    expect(caseForm.subject).toBeUndefined();
    expect(canEdit(caseForm.access, 'kgd_specialist')).toBe(true);
    for (const reader of ['kgd_territorial', 'kgd_central']) expect([canView(caseForm.access, reader), canEdit(caseForm.access, reader)], reader).toEqual([true, false]);
    // The panel and the tasks name the case by the child: the title field exists and is required.
    const title = caseForm.sections.flatMap((section) => section.fields).find((field) => field.id === caseForm.titleField);
    expect(title?.required).toBe(true);
    // The dashboard lists the initial information and the assessment to the specialist.
    expect(workflow?.steps.filter((step) => step.due && step.owners.includes('kgd_specialist')).map((step) => step.id)).toEqual(['registered', 'initialInformation', 'assessment']);
    // Each pack's roles see their own pack's forms only (a Pack 1 holder no Pack 2 child, a specialist no pupil).
    const own = new Set(pack.forms.map((item) => item.id));
    for (const role of pack.roles) for (const id of listed(role.id)) expect(own.has(id), `${role.id}: ${id}`).toBe(true);
    for (const role of kgResidentialPack.roles) for (const id of listed(role.id)) expect(own.has(id), `${role.id}: ${id}`).toBe(false);
    expect(listed('kgd_specialist')).toEqual(['kg-difficult.child', 'kg-difficult.specialist']);
    expect(listed('kgd_administrator')).toEqual(['kg-difficult.specialist']);
  });
});
