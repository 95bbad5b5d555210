import type { PackDef } from '../forms/packTypes';
import { kgDifficultPack } from './kg-difficult/pack';
import { kgResidentialPack } from './kg-residential/pack';

/** Every registry pack Bala ships; the engine takes them as data. Pack 1 first: a new workstation's default. */
export const registryPacks: readonly PackDef[] = [kgResidentialPack, kgDifficultPack];
