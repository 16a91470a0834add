// The meetings part of the school settings (`meetings` in school/settings.ts). The only meetings file that uses zod.
import { z } from 'zod';
import type { MeetingSettings } from './model';

export const meetingSettingsSchema = z.object({
  careTeamName: z.string().trim().min(2).max(40),
  durations: z.object({
    groupDiscussion: z.number().int().min(10).max(240),
    pupilDiscussionPerCase: z.number().int().min(5).max(120),
    careTeam: z.number().int().min(10).max(240),
    bilateral: z.number().int().min(5).max(240),
  }),
  pupilDiscussionRota: z.boolean(),
  caseFormDaysBefore: z.number().int().min(0).max(28),
  parentsInformedRequired: z.boolean(),
  consentBeforeExternals: z.boolean(),
  externalRoles: z.array(z.string().trim().min(2).max(60)).max(30),
}) satisfies z.ZodType<MeetingSettings>;

export function defaultMeetingSettings(sector: 'po' | 'vo'): MeetingSettings {
  return {
    careTeamName: sector === 'po' ? 'zorgteam' : 'IZO',
    durations: { groupDiscussion: sector === 'po' ? 60 : 45, pupilDiscussionPerCase: 20, careTeam: 60, bilateral: 30 },
    pupilDiscussionRota: sector === 'po',
    caseFormDaysBefore: 2,
    parentsInformedRequired: true,
    consentBeforeExternals: true,
    externalRoles: sector === 'po'
      ? ['orthopedagoog', 'GGD-jeugdverpleegkundige', 'schoolmaatschappelijk werker', 'ambulant begeleider', 'samenwerkingsverband']
      : ['orthopedagoog', 'GGD-jeugdarts', 'leerplichtambtenaar', 'schoolmaatschappelijk werker', 'jeugdhulp', 'samenwerkingsverband'],
  };
}

/** A stored value that predates a setting or breaks a newer rule falls back to the default, field by field. */
export function readMeetingSettings(sector: 'po' | 'vo', stored: unknown): MeetingSettings {
  const defaults = defaultMeetingSettings(sector);
  const given = (typeof stored === 'object' && stored ? stored : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(meetingSettingsSchema.shape)) {
    const parsed = (field as z.ZodType).safeParse(given[key]);
    out[key] = parsed.success ? parsed.data : defaults[key as keyof MeetingSettings];
  }
  return out as unknown as MeetingSettings;
}
