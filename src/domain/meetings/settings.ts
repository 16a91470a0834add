// The meetings part of the school settings (`meetings` in school/settings.ts). The only meetings file that uses zod.
import { z } from 'zod';
import type { MeetingSettings } from './model';

const minutes = (min: number, max: number) =>
  z.number({ message: `Vul een aantal minuten in (${min} tot ${max}).` }).int(`Vul hele minuten in (${min} tot ${max}).`)
    .min(min, `Minstens ${min} minuten.`).max(max, `Hoogstens ${max} minuten.`);

export const meetingSettingsSchema = z.object({
  careTeamName: z.string().trim().min(2, 'Geef het zorgoverleg een naam van minstens 2 tekens.').max(40, 'Hoogstens 40 tekens.'),
  durations: z.object({
    groupDiscussion: minutes(10, 240),
    pupilDiscussionPerCase: minutes(5, 120),
    careTeam: minutes(10, 240),
    bilateral: minutes(5, 240),
  }),
  pupilDiscussionRota: z.boolean(),
  caseFormDaysBefore: z.number({ message: 'Vul een aantal dagen in (0 tot 28).' }).int('Vul hele dagen in (0 tot 28).')
    .min(0, 'Vul een aantal dagen in (0 tot 28).').max(28, 'Hoogstens 28 dagen.'),
  parentsInformedRequired: z.boolean(),
  consentBeforeExternals: z.boolean(),
  externalRoles: z.array(z.string().trim().min(2, 'Een functie heeft minstens 2 tekens.').max(60, 'Hoogstens 60 tekens per functie.'))
    .max(30, 'Hoogstens 30 functies.'),
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
