import type { PinReading } from './pinTypes';

/**
 * Azerbaijan's personal identification number (FİN / ŞƏXSİ İDENTİFİKASİYA NÖMRƏSİ): seven
 * characters of Latin capitals and digits, as printed on the identity card. It encodes neither
 * the birth date nor the sex.
 */
export function readAzPin(pin: string): PinReading {
  return /^[0-9A-Z]{7}$/.test(pin) ? { ok: true } : { ok: false, problem: 'format' };
}
