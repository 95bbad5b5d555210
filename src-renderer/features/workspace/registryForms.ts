import { canEdit, canView } from '../../../shared/forms/access';
import type { FormDef, FormValues } from '../../../shared/forms/formTypes';
import { classifierMap, type PackDef } from '../../../shared/forms/packTypes';
import type { Language } from '../../../shared/i18n/languages';
import { registryPacks } from '../../../shared/packs';
import { valueText } from '../records/valueText';
import type { Place } from './navigation';

export interface RegistryForm {
  pack: PackDef;
  form: FormDef;
}

/** The registry's forms the role may see (events are reached from their subject's record). */
export const registryForms = (role: string): RegistryForm[] =>
  registryPacks.flatMap((pack) => pack.forms.filter((form) => !form.subject && canView(form.access, role)).map((form) => ({ pack, form })));

/**
 * Where a signed-in operator starts: the list of the first form the role keeps (the registry on the
 * first screen), else the first it may read, else the due work.
 */
export function firstPlace(role: string): Place {
  const forms = registryForms(role);
  const kept = forms.find(({ form }) => canEdit(form.access, role)) ?? forms[0];
  return kept ? { kind: 'list', formId: kept.form.id } : { kind: 'dashboard' };
}

/** The roles that keep (may enter) a form's records, by name in the operator's language. */
export function keeperNames(entry: RegistryForm, language: Language): string[] {
  const keepers = entry.form.access?.edit;
  return entry.pack.roles.filter((role) => keepers === undefined || keepers.includes(role.id)).map((role) => role.names[language]);
}

/** The role's name from the registry packs, in the operator's language (the id if no pack knows it). */
export const roleName = (role: string, language: Language): string =>
  registryPacks.flatMap((pack) => pack.roles).find((candidate) => candidate.id === role)?.names[language] ?? role;

/** A record's title as a person reads it: its form's title field (a child's name), or ''. */
export function recordTitle(entry: RegistryForm, values: FormValues, language: Language, yesNo: [string, string]): string {
  const field = entry.form.sections.flatMap((section) => section.fields).find((candidate) => candidate.id === entry.form.titleField);
  return field ? valueText(field, values[field.id], language, classifierMap(entry.pack), yesNo) : '';
}
