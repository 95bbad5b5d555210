import type { PinCountry } from '../formTypes';
import { readAzPin } from './azPin';
import { readKgPin } from './kgPin';
import { readKzPin } from './kzPin';
import type { PinReading } from './pinTypes';

const readers: Record<PinCountry, (pin: string) => PinReading> = { KG: readKgPin, KZ: readKzPin, AZ: readAzPin };

/** Normalises what the operator typed (spaces, dashes, lower case) and reads it per country. */
export const normalisePin = (typed: string): string => typed.replace(/[\s-]/g, '').toUpperCase();

export const readPin = (country: PinCountry, typed: string): PinReading => readers[country](normalisePin(typed));
