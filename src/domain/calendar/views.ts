// The JSON shapes of the calendar API (server builds them, web reads them) and the drafts of the generation. Pure types.
import type { CalendarAudience, CalendarEventKind, CalendarPreset, CalendarSettings, Holiday, TemplateItem } from './model';

export type MeetingTemplateKind = 'groupDiscussion' | 'pupilDiscussion' | 'careTeam';
/** Every kind an item of the calendar can have: events, meetings (incl. bilateral) and the derived plan deadlines. */
export type CalendarItemKind = CalendarEventKind | MeetingTemplateKind | 'bilateral' | 'planEvaluation' | 'oppEvaluation';

export const WARNING_CODES = [
  'readingTestOnMonday', 'testOnMondayAfterHoliday', 'inHoliday', 'weekend', 'outsideYear', 'meetingBeforeResults',
] as const;
export type CalendarWarningCode = (typeof WARNING_CODES)[number];

export interface CalendarWarning {
  code: CalendarWarningCode;
  /** Dutch, with the dates as Dutch users write them. */
  message: string;
}

export interface PeriodFact {
  seq: number;
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface GroupFact {
  id: number;
  name: string;
  grades: number[];
}

/** One item the generation proposes (not stored yet): an event, or a meeting (per group for a groepsbespreking). */
export interface CalendarDraft {
  templateKey: string;
  kind: CalendarEventKind | MeetingTemplateKind;
  title: string;
  startsOn: string;
  endsOn: string;
  groupId: number | null;
  groupName: string | null;
  grades: number[];
  domain: string | null;
  audience: CalendarAudience;
  /** The care period the date lies in (seq), or null. */
  periodSeq: number | null;
  /** The date was moved out of a holiday or weekend, or back inside the school year. */
  moved: boolean;
}

export interface CalendarItem {
  /** Stable per item: `event-12`, `meeting-5`, `plan-3` (handelingsplan evaluation), `opp-4` (OPP yearly evaluation). */
  id: string;
  source: 'event' | 'meeting' | 'derived';
  eventId: number | null;
  meetingId: number | null;
  /** Events only (optimistic concurrency on edits). */
  version: number | null;
  kind: CalendarItemKind;
  title: string;
  startsOn: string;
  endsOn: string;
  /** A meeting's local time 'HH:MM' (null: not set, or not a meeting). */
  startsAt: string | null;
  durationMinutes: number | null;
  group: { id: number; name: string } | null;
  grades: number[];
  domain: string | null;
  audience: CalendarAudience;
  templateKey: string | null;
  edited: boolean;
  note: string;
  /** Where the item lives in Koers (the meeting page, the plan); null for a plain event. */
  link: string | null;
  /** Derived items: the pupil they are about (shown in the app only, never in the feed). */
  pupil: { id: number; name: string } | null;
  warnings: CalendarWarning[];
}

export interface SchoolYearRef {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface CalendarView {
  schoolId: number;
  sector: 'po' | 'vo';
  today: string;
  schoolYear: SchoolYearRef;
  years: SchoolYearRef[];
  periods: PeriodFact[];
  groups: GroupFact[];
  holidays: Holiday[];
  items: CalendarItem[];
  /** manage: generate, add, edit and delete items, change the settings (the care coordinator). */
  can: { manage: boolean };
}

export interface CalendarPreviewItem extends CalendarDraft {
  warnings: CalendarWarning[];
  /** A meeting (stored in meetings) rather than an event. */
  meeting: boolean;
}

export interface CalendarPreviewView {
  schoolId: number;
  schoolYear: SchoolYearRef;
  drafts: CalendarPreviewItem[];
  /** Generated items that were edited since: generating again keeps them. */
  keptEdited: number;
  /** Generated items that were not edited: generating again replaces them. */
  replaced: number;
}

export interface CalendarGenerateResult {
  events: number;
  meetings: number;
  keptEdited: number;
  removed: number;
}

export interface CalendarSettingsView {
  schoolId: number;
  sector: 'po' | 'vo';
  settings: CalendarSettings;
  /** The template of every preset, for the "start from a preset" choice. */
  presets: Record<CalendarPreset, TemplateItem[]>;
}

export interface CalendarFeedView {
  active: boolean;
  createdAt: string | null;
  lastUsedAt: string | null;
}

export interface CalendarFeedCreated extends CalendarFeedView {
  /** The private feed address; shown once (only its hash is stored). */
  url: string;
}
