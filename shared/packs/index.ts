import type { PackDef } from '../forms/packTypes';

/** Every registry pack Bala ships; the engine takes them as data. */
export const registryPacks: readonly PackDef[] = [];
