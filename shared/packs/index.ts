import type { PackDef } from '../forms/packTypes';
import { kgResidentialPack } from './kg-residential/pack';

/** Every registry pack Bala ships; the engine takes them as data. */
export const registryPacks: readonly PackDef[] = [kgResidentialPack];
