import { z } from 'zod';
import { LEVEL_SCALES, normalizeLevel } from '../assessments/scales';
import { defaultGroupCycleSettings, groupCycleSettingsSchema, readGroupCycleSettings } from '../group-cycle/settings';
import { defaultSupportSettings, readSupportSettings, supportSettingsSchema } from '../support/settings';
import { defaultMeetingSettings, meetingSettingsSchema, readMeetingSettings } from '../meetings/settings';
import { calendarSettingsSchema, defaultCalendarSettings, readCalendarSettings } from '../calendar/settings';

/**
 * A school's own way of working. Every capability adds its settings here, with a default that
 * follows the most common practice in the seeds, so that nothing school-specific is hard-coded.
 */
export const schoolSettingsSchema = z.object({
  /** What the school calls its care coordinator: "intern begeleider" (PO), "zorgcoördinator" (VO), ... */
  careCoordinatorLabel: z.string().trim().min(2).max(60),
  /** Two-factor login compulsory for everyone in a care role (see CARE_ROLES). */
  requireTotpForCareRoles: z.boolean(),
  /** Parents (with gezag) see their child's test results. Off by default: results are care data. */
  publishResultsToParents: z.boolean(),
  /** The school's result norm, e.g. "75 % scores III or higher" (seed 001): share of pupils at or above a level. */
  resultNorm: z
    .object({
      scale: z.enum(LEVEL_SCALES),
      /** A main level or sub-level of the scale in its canonical spelling (`III`, `I+`, `C`). */
      level: z.string().min(1).max(4),
      percent: z.number().int().min(1).max(100),
    })
    .refine((n) => normalizeLevel(n.scale, n.level) === n.level, { message: 'level not on the scale', path: ['level'] }),
  /** The HGW group cycle: overview forms, plan format, instruction groups, subjects, required fields (group-cycle/settings.ts). */
  groupCycle: groupCycleSettingsSchema,
  /** Individual support: level model, handelingsplan term, OPP deadlines, OPP candidates, reminders (support/settings.ts). */
  support: supportSettingsSchema,
  /** Meetings: the care-team name, default durations, leerlingbespreking rota, parents informed, consent (meetings/settings.ts). */
  meetings: meetingSettingsSchema,
  /** The care calendar: template (per seed), holidays, date rules (calendar/settings.ts). */
  calendar: calendarSettingsSchema,
});
export type SchoolSettings = z.infer<typeof schoolSettingsSchema>;

type PlainSetting = 'careCoordinatorLabel' | 'requireTotpForCareRoles' | 'publishResultsToParents' | 'resultNorm';

/** The defaults of the plain (non-composite) settings. */
function plainDefaults(sector: 'po' | 'vo'): Pick<SchoolSettings, PlainSetting> {
  return {
    careCoordinatorLabel: sector === 'po' ? 'intern begeleider' : 'zorgcoördinator',
    requireTotpForCareRoles: false,
    publishResultsToParents: false,
    resultNorm: { scale: 'IV', level: 'III', percent: 75 },
  };
}

export function defaultSchoolSettings(sector: 'po' | 'vo'): SchoolSettings {
  return {
    ...plainDefaults(sector),
    groupCycle: defaultGroupCycleSettings(sector),
    support: defaultSupportSettings(sector),
    meetings: defaultMeetingSettings(sector),
    calendar: defaultCalendarSettings(sector),
  };
}

/**
 * Settings as stored may predate a setting, or hold a value a newer rule rejects: each setting is checked on its own
 * and only a missing or invalid one falls back to its default (one bad label must not switch off compulsory 2FA).
 */
export function readSchoolSettings(sector: 'po' | 'vo', stored: unknown): SchoolSettings {
  // The composite parts read (and default) themselves; the plain defaults are built only when one is needed.
  let defaults: Pick<SchoolSettings, PlainSetting> | undefined;
  const given = (typeof stored === 'object' && stored ? stored : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schoolSettingsSchema.shape)) {
    if (key === 'groupCycle') {
      // A composite setting: its parts fall back one by one (a bad cluster name keeps the chosen plan format).
      out[key] = readGroupCycleSettings(sector, given[key]);
      continue;
    }
    if (key === 'support') {
      // Also composite: a bad level label keeps the school's handelingsplan term and reminder days.
      out[key] = readSupportSettings(sector, given[key]);
      continue;
    }
    if (key === 'meetings') {
      out[key] = readMeetingSettings(sector, given[key]);
      continue;
    }
    if (key === 'calendar') {
      out[key] = readCalendarSettings(sector, given[key]);
      continue;
    }
    const parsed = (field as z.ZodType).safeParse(given[key]);
    out[key] = parsed.success ? parsed.data : (defaults ??= plainDefaults(sector))[key as PlainSetting];
  }
  return out as SchoolSettings;
}
