import type { PinReading } from './pinTypes';

const weights1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const weights2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/**
 * Kazakhstan's individual identification number (ИИН / ЖСН): 12 digits — YYMMDD, a digit for the
 * century and sex (1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s; odd male, even female), four digits of
 * serial and a check digit (weights 1…11; if that gives 10, weights 3…11,1,2; 10 again is invalid).
 */
export function readKzPin(pin: string): PinReading {
  if (!/^\d{12}$/.test(pin)) return { ok: false, problem: 'format' };
  const digits = [...pin].map(Number);
  const checksum = (weights: number[]) => weights.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0) % 11;
  let check = checksum(weights1);
  if (check === 10) check = checksum(weights2);
  if (check === 10 || check !== digits[11]) return { ok: false, problem: 'format' };
  const centuryDigit = digits[6] ?? 0;
  if (centuryDigit < 1 || centuryDigit > 6) return { ok: true };
  const century = 1800 + 100 * Math.floor((centuryDigit - 1) / 2);
  const birthDate = `${century + Number(pin.slice(0, 2))}-${pin.slice(2, 4)}-${pin.slice(4, 6)}`;
  return { ok: true, sex: centuryDigit % 2 === 1 ? 'male' : 'female', birthDate };
}
