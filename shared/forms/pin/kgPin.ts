import type { PinReading } from './pinTypes';

/**
 * The Kyrgyz Republic's personal identification number (ПИН / ЖИН): 14 digits — the first is
 * the sex (1 female, 2 male), the next eight the birth date DDMMYYYY, the last five a serial.
 */
export function readKgPin(pin: string): PinReading {
  if (!/^\d{14}$/.test(pin)) return { ok: false, problem: 'format' };
  const sexDigit = pin[0];
  if (sexDigit !== '1' && sexDigit !== '2') return { ok: false, problem: 'format' };
  const birthDate = `${pin.slice(5, 9)}-${pin.slice(3, 5)}-${pin.slice(1, 3)}`;
  return { ok: true, sex: sexDigit === '1' ? 'female' : 'male', birthDate };
}
