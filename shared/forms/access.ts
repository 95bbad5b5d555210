import type { FormIssue } from './formIssue';
import type { Access, FormDef, FormValues, RoleId, SectionDef } from './formTypes';

const allows = (list: readonly RoleId[] | undefined, role: RoleId) => list === undefined || list.includes(role);

export const canView = (access: Access | undefined, role: RoleId): boolean => allows(access?.view, role);

/** Editing implies seeing: a role may edit only what it may view. */
export const canEdit = (access: Access | undefined, role: RoleId): boolean => canView(access, role) && allows(access?.edit, role);

/** The sections and fields a role may see, in form order (what the renderer and the print show). */
export function visibleSections(form: FormDef, role: RoleId): SectionDef[] {
  return form.sections
    .filter((section) => canView(section.access, role))
    .map((section) => ({ ...section, fields: section.fields.filter((field) => canView(field.access, role)) }))
    .filter((section) => section.fields.length > 0);
}

/** Removes the values a role may not see (before a record leaves the backend for that role). */
export function redactForRole(form: FormDef, values: FormValues, role: RoleId): FormValues {
  const visible = new Set(visibleSections(form, role).flatMap((section) => section.fields.map((field) => field.id)));
  return Object.fromEntries(Object.entries(values).filter(([key]) => visible.has(key)));
}

/** Every top-level field the role changed without the right to edit it. */
export function forbiddenEdits(form: FormDef, before: FormValues, after: FormValues, role: RoleId): FormIssue[] {
  const issues: FormIssue[] = [];
  for (const section of form.sections) {
    for (const field of section.fields) {
      const editable = canEdit(section.access, role) && canEdit(field.access, role);
      if (!editable && !sameValue(before[field.id], after[field.id])) issues.push({ path: field.id, code: 'notEditable' });
    }
  }
  return issues;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);


