import { readKzPin } from '../../shared/forms/pin/kzPin';

export type AgencyCountry = 'KG' | 'AZ' | 'KZ';

/**
 * An agency's taxpayer number, by its country's rules: Kyrgyzstan's ИНН has 14 digits,
 * Azerbaijan's VÖEN 10, Kazakhstan's БИН 12 with the same check digit as the ИИН.
 */
export function tinIsValid(country: AgencyCountry, tin: string): boolean {
  switch (country) {
    case 'KG':
      return /^\d{14}$/.test(tin);
    case 'AZ':
      return /^\d{10}$/.test(tin);
    case 'KZ':
      return readKzPin(tin).ok;
  }
}

export const tinLength: Record<AgencyCountry, number> = { KG: 14, AZ: 10, KZ: 12 };
