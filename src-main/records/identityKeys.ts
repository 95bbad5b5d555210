import type { FormDef, FormValues, PersonNameValue } from '../../shared/forms/formTypes';
import { nameSkeleton } from '../../shared/forms/nameMatching';
import { normalisePin } from '../../shared/forms/pin/readPin';

export interface IdentityKey {
  kind: 'pin' | 'name' | 'birth' | 'namePart' | 'birthName';
  value: string;
}

const isName = (value: unknown): value is PersonNameValue =>
  typeof value === 'object' && value !== null && 'surname' in value && 'givenName' in value;

/** The keys duplicate search looks a record up by, from the form's identity fields. */
export function identityKeys(form: FormDef, values: FormValues): IdentityKey[] {
  const keys: IdentityKey[] = [];
  const { pin, name, birthDate } = form.identity ?? {};
  const pinValue = pin ? values[pin] : undefined;
  if (typeof pinValue === 'string' && pinValue.trim()) keys.push({ kind: 'pin', value: normalisePin(pinValue) });
  const nameValue = name ? values[name] : undefined;
  if (isName(nameValue)) {
    const skeleton = `${nameSkeleton(nameValue.surname)} ${nameSkeleton(nameValue.givenName)}`;
    if (skeleton.trim()) keys.push({ kind: 'name', value: skeleton });
    // Each part of the name on its own, for search by the beginning of any of them.
    const parts = [nameValue.surname, nameValue.givenName, nameValue.patronymic ?? ''].flatMap((part) => part.split(/[\s-]+/)).map(nameSkeleton).filter(Boolean);
    for (const part of new Set(parts)) keys.push({ kind: 'namePart', value: part });
  }
  const birthValue = birthDate ? values[birthDate] : undefined;
  if (typeof birthValue === 'string' && birthValue) {
    keys.push({ kind: 'birth', value: birthValue });
    const nameKey = keys.find((key) => key.kind === 'name');
    if (nameKey) keys.push({ kind: 'birthName', value: `${birthValue}|${nameKey.value}` });
  }
  return keys;
}
