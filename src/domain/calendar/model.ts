// The school's care calendar (jaarplanning / toetskalender, issue 6). Pure types and constants; the web imports this.

/** Items of the care calendar that are not meetings (meetings come from the meetings capability). */
export const CALENDAR_EVENT_KINDS = [
  'testWeek', // toetsweek / afname of an instrument (per group or grades)
  'analysis', // analysis of results (trendanalyse, groepsoverzicht bijwerken)
  'handIn', // a deadline: leerlingenkaart/groepsoverzicht to the IB (seed 004 week 9), groepsplan ready
  'reportWeek', // rapport
  'parentTalks', // oudergesprekken / 15-minutengesprekken
  'transfer', // PO→VO dates (advies, overdracht, eindtoets), overdracht to the next teacher
  'careMeeting', // KO-MT, board report and other school meetings without an agenda in Koers
  'other',
] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

export const CALENDAR_AUDIENCES = ['staff', 'care', 'everyone'] as const;
export type CalendarAudience = (typeof CALENDAR_AUDIENCES)[number];

/** A school holiday (vakantie); the date rules and the generation use them. */
export interface Holiday {
  name: string;
  startsOn: string;
  endsOn: string;
}

/**
 * Where a template item lands, relative to the school's care periods or the year:
 * - periodWeek: week `week` (1 = the period's first week) of each period in `periods` (empty = every period);
 * - periodEnd: `weeksBefore` weeks before the period's last week (0 = the last week);
 * - month: the `week`th school week of a month of the school year;
 * - every: every `weeks` weeks from the first school week (IZO weekly, MDO monthly ≈ 4).
 * `weekday` 1–5 (Mon–Fri) is the day inside that week (a meeting's day; a test week's first day).
 */
export type TemplateAnchor =
  | { at: 'periodWeek'; week: number; periods: number[] }
  | { at: 'periodEnd'; weeksBefore: number; periods: number[] }
  | { at: 'month'; month: number; week: number }
  | { at: 'every'; weeks: number };

/** One line of the calendar template. Meeting kinds create meetings (per group for a groepsbespreking). */
export interface TemplateItem {
  key: string;
  kind: CalendarEventKind | 'groupDiscussion' | 'pupilDiscussion' | 'careTeam';
  title: string;
  anchor: TemplateAnchor;
  weekday: number;
  /** Days it lasts (a test week 5; a meeting 1). */
  days: number;
  /** A test week: the instrument's domain (for the date rules); null otherwise. */
  domain: string | null;
  /** Grades it is for; empty = all. */
  grades: number[];
  audience: CalendarAudience;
}

export const CALENDAR_PRESETS = ['seed000', 'seed001', 'seed002', 'seed003', 'seed004', 'custom'] as const;
export type CalendarPreset = (typeof CALENDAR_PRESETS)[number];

export interface CalendarSettings {
  preset: CalendarPreset;
  template: TemplateItem[];
  holidays: Holiday[];
  rules: {
    /** seed 002: "Leestoetsen niet op maandag, bij voorkeur vanaf dinsdag." */
    noReadingTestOnMonday: boolean;
    /** seed 002: "Niet toetsen op maandag na een vakantie." */
    noTestOnMondayAfterHoliday: boolean;
  };
}
