import { z } from 'zod';

/**
 * A school's own way of working. Every capability adds its settings here, with a default that
 * follows the most common practice in the seeds, so that nothing school-specific is hard-coded.
 */
export const schoolSettingsSchema = z.object({
  /** What the school calls its care coordinator: "intern begeleider" (PO), "zorgcoördinator" (VO), ... */
  careCoordinatorLabel: z.string().trim().min(2).max(60),
  /** Two-factor login compulsory for everyone in a care role (see CARE_ROLES). */
  requireTotpForCareRoles: z.boolean(),
});
export type SchoolSettings = z.infer<typeof schoolSettingsSchema>;

export function defaultSchoolSettings(sector: 'po' | 'vo'): SchoolSettings {
  return {
    careCoordinatorLabel: sector === 'po' ? 'intern begeleider' : 'zorgcoördinator',
    requireTotpForCareRoles: false,
  };
}

/**
 * Settings as stored may predate a setting, or hold a value a newer rule rejects: each setting is checked on its own
 * and only a missing or invalid one falls back to its default (one bad label must not switch off compulsory 2FA).
 */
export function readSchoolSettings(sector: 'po' | 'vo', stored: unknown): SchoolSettings {
  const defaults = defaultSchoolSettings(sector);
  const given = (typeof stored === 'object' && stored ? stored : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schoolSettingsSchema.shape)) {
    const parsed = (field as z.ZodType).safeParse(given[key]);
    out[key] = parsed.success ? parsed.data : defaults[key as keyof SchoolSettings];
  }
  return out as SchoolSettings;
}
