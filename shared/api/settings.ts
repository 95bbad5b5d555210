import { z } from 'zod';
import { languages } from '../i18n/languages';

/** Workstation settings: preferences only, never personal data (stored unencrypted). */
export const settingsSchema = z.object({
  /** null: follow the system's language (Kyrgyz when it is none of the five). */
  language: z.enum(languages).nullable(),
  /** Minutes of inactivity before the operator's session locks (Pack 1 §9.3). */
  idleLockMinutes: z.number().int().min(1).max(120),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { language: null, idleLockMinutes: 10 };

export const settingsPatchSchema = settingsSchema
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'empty_patch' });
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
