// The calendar part of the school settings (`calendar` in school/settings.ts): the template the jaarplanning is
// generated from (a preset per seed, then editable), the holidays and the date rules. The only calendar file with zod.
import { z } from 'zod';
import { isValidIsoDate } from '../school/periods';
import { CALENDAR_EVENT_KINDS, CALENDAR_PRESETS, type CalendarSettings, type TemplateItem } from './model';

const isoDate = z.string().refine(isValidIsoDate, { message: 'not a date' });

const anchorSchema = z.discriminatedUnion('at', [
  z.object({ at: z.literal('periodWeek'), week: z.number().int().min(1).max(30), periods: z.array(z.number().int().min(1).max(8)).max(8) }),
  z.object({ at: z.literal('periodEnd'), weeksBefore: z.number().int().min(0).max(30), periods: z.array(z.number().int().min(1).max(8)).max(8) }),
  z.object({ at: z.literal('month'), month: z.number().int().min(1).max(12), week: z.number().int().min(1).max(5) }),
  z.object({ at: z.literal('every'), weeks: z.number().int().min(1).max(26) }),
]);

export const templateItemSchema = z.object({
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(40),
  kind: z.enum([...CALENDAR_EVENT_KINDS, 'groupDiscussion', 'pupilDiscussion', 'careTeam']),
  title: z.string().trim().min(2).max(120),
  anchor: anchorSchema,
  weekday: z.number().int().min(1).max(5),
  days: z.number().int().min(1).max(15),
  domain: z.string().max(40).nullable(),
  grades: z.array(z.number().int().min(0).max(8)).max(10),
  audience: z.enum(['staff', 'care', 'everyone']),
}) satisfies z.ZodType<TemplateItem>;

export const calendarSettingsSchema = z.object({
  preset: z.enum(CALENDAR_PRESETS),
  template: z.array(templateItemSchema).max(80)
    .refine((items) => new Set(items.map((i) => i.key)).size === items.length, { message: 'duplicate key' }),
  holidays: z.array(z.object({ name: z.string().trim().min(2).max(60), startsOn: isoDate, endsOn: isoDate })
    .refine((h) => h.endsOn >= h.startsOn, { message: 'ends before it starts', path: ['endsOn'] })).max(40),
  rules: z.object({ noReadingTestOnMonday: z.boolean(), noTestOnMondayAfterHoliday: z.boolean() }),
}) satisfies z.ZodType<CalendarSettings>;

// PRESETS: the calendar helper replaces this with the seeds' templates (see the issue-6 contract).
export function defaultCalendarSettings(_sector: 'po' | 'vo'): CalendarSettings {
  return { preset: 'custom', template: [], holidays: [], rules: { noReadingTestOnMonday: false, noTestOnMondayAfterHoliday: false } };
}

/** A stored value that predates a setting or breaks a newer rule falls back to the default, part by part. */
export function readCalendarSettings(sector: 'po' | 'vo', stored: unknown): CalendarSettings {
  const defaults = defaultCalendarSettings(sector);
  const given = (typeof stored === 'object' && stored ? stored : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(calendarSettingsSchema.shape)) {
    const parsed = (field as z.ZodType).safeParse(given[key]);
    out[key] = parsed.success ? parsed.data : defaults[key as keyof CalendarSettings];
  }
  return out as unknown as CalendarSettings;
}
