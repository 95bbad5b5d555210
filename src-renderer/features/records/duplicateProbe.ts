import { isIsoDate } from '../../../shared/forms/dates';
import type { FieldDef, FormDef, FormValues } from '../../../shared/forms/formTypes';
import { normalisePin, readPin } from '../../../shared/forms/pin/readPin';

const fieldOf = (form: FormDef, id: string | undefined): FieldDef | undefined =>
  id ? form.sections.flatMap((section) => section.fields).find((field) => field.id === id) : undefined;

/**
 * What a live duplicate check sends while the operator types a new child: only the identity
 * fields, and only once they can find someone — a surname and a name with a whole birth date,
 * or a PIN of the right shape. null while they cannot (half a name, a date being typed).
 * Two probes of the same identity are the same text, so other fields never trigger a check.
 */
export function duplicateProbe(form: FormDef, values: FormValues): FormValues | null {
  const identity = form.identity;
  if (!identity) return null;
  const probe: FormValues = {};
  const name = identity.name ? values[identity.name] : undefined;
  const birth = identity.birthDate ? values[identity.birthDate] : undefined;
  if (identity.name && identity.birthDate && name && typeof name === 'object' && 'surname' in name && typeof birth === 'string' && isIsoDate(birth)) {
    const surname = name.surname.trim();
    const givenName = name.givenName.trim();
    if (surname && givenName) {
      probe[identity.name] = { surname, givenName };
      probe[identity.birthDate] = birth;
    }
  }
  const pinField = fieldOf(form, identity.pin);
  const pin = identity.pin ? values[identity.pin] : undefined;
  if (identity.pin && typeof pin === 'string' && pin.trim()) {
    const readable = pinField?.kind === 'pin' ? readPin(pinField.country, pin).ok : normalisePin(pin).length >= 8;
    if (readable) probe[identity.pin] = normalisePin(pin);
  }
  return Object.keys(probe).length > 0 ? probe : null;
}

/** A stable text for a probe (the query's key): the same identity gives the same key. */
export const probeKey = (probe: FormValues | null): string | null => (probe ? JSON.stringify(Object.entries(probe).sort(([a], [b]) => a.localeCompare(b))) : null);
