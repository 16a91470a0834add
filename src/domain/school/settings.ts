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

/** Settings as stored may predate a setting: fill the gaps with the defaults. */
export function readSchoolSettings(sector: 'po' | 'vo', stored: unknown): SchoolSettings {
  const merged = { ...defaultSchoolSettings(sector), ...(typeof stored === 'object' && stored ? stored : {}) };
  const parsed = schoolSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaultSchoolSettings(sector);
}
