// The calendar part of the school settings (`calendar` in school/settings.ts): the template the jaarplanning is
// generated from (a preset per seed, then editable), the holidays and the date rules. The only calendar file with zod.
import { z } from 'zod';
import { isValidIsoDate } from '../school/periods';
import { CALENDAR_AUDIENCES, CALENDAR_EVENT_KINDS, CALENDAR_PRESETS, type CalendarPreset, type CalendarSettings, type TemplateAnchor, type TemplateItem } from './model';

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
  audience: z.enum(CALENDAR_AUDIENCES),
}) satisfies z.ZodType<TemplateItem>;

export const calendarSettingsSchema = z.object({
  preset: z.enum(CALENDAR_PRESETS),
  template: z.array(templateItemSchema).max(80)
    .refine((items) => new Set(items.map((i) => i.key)).size === items.length, { message: 'duplicate key' }),
  holidays: z.array(z.object({ name: z.string().trim().min(2).max(60), startsOn: isoDate, endsOn: isoDate })
    .refine((h) => h.endsOn >= h.startsOn, { message: 'ends before it starts', path: ['endsOn'] })).max(40),
  rules: z.object({ noReadingTestOnMonday: z.boolean(), noTestOnMondayAfterHoliday: z.boolean() }),
}) satisfies z.ZodType<CalendarSettings>;

/** A template line, written compactly: every field the presets do not vary has its default. */
function item(key: string, kind: TemplateItem['kind'], title: string, anchor: TemplateItem['anchor'], more: Partial<TemplateItem> = {}): TemplateItem {
  const meeting = kind === 'groupDiscussion' || kind === 'pupilDiscussion' || kind === 'careTeam';
  return {
    key, kind, title, anchor, weekday: meeting ? 3 : 1, days: kind === 'testWeek' || kind === 'reportWeek' || kind === 'parentTalks' ? 5 : 1,
    domain: null, grades: [], audience: kind === 'careMeeting' ? 'care' : 'staff', ...more,
  };
}
const month = (m: number, week: number): TemplateAnchor => ({ at: 'month', month: m, week });
const periodWeek = (week: number, periods: number[] = []): TemplateAnchor => ({ at: 'periodWeek', week, periods });
const periodEnd = (weeksBefore: number, periods: number[] = []): TemplateAnchor => ({ at: 'periodEnd', weeksBefore, periods });
const every = (weeks: number): TemplateAnchor => ({ at: 'every', weeks });

/** PO→VO dates for groep 8 (voorlopig advies, doorstroomtoets, definitief advies, overdracht) — every PO preset. */
const PO_TRANSFER: TemplateItem[] = [
  item('vo-voorlopig-advies', 'transfer', 'Voorlopig schooladvies groep 8', month(1, 4), { weekday: 2, grades: [8], audience: 'everyone' }),
  item('doorstroomtoets', 'transfer', 'Doorstroomtoets groep 8', month(2, 1), { weekday: 2, days: 3, grades: [8], audience: 'everyone' }),
  item('vo-definitief-advies', 'transfer', 'Definitief schooladvies groep 8', month(3, 3), { weekday: 2, grades: [8], audience: 'everyone' }),
  item('vo-overdracht', 'transfer', 'Warme overdracht en onderwijskundig rapport naar het VO', month(6, 2), { weekday: 3, grades: [8] }),
];

/** Seed 000 (kwaliteitskaart): two halves, groepsplannen written in February and July, policy review in July. */
const SEED000: TemplateItem[] = [
  item('m-toetsen', 'testWeek', 'M-toetsen (LVS)', month(1, 3), { weekday: 2, days: 4, grades: [3, 4, 5, 6, 7, 8] }),
  item('e-toetsen', 'testWeek', 'E-toetsen (LVS)', month(6, 1), { weekday: 2, days: 4, grades: [3, 4, 5, 6, 7] }),
  item('groepsplan-feb', 'handIn', 'Groepsplannen voor het tweede halfjaar schrijven', month(2, 2), { weekday: 5 }),
  item('groepsplan-jul', 'handIn', 'Groepsplannen voor het eerste halfjaar schrijven', month(7, 1), { weekday: 5 }),
  item('groepsbespreking', 'groupDiscussion', 'Groepsbespreking', periodEnd(3)),
  item('leerlingbespreking', 'pupilDiscussion', 'Leerlingbespreking', periodEnd(2), { weekday: 4 }),
  item('beleidsevaluatie', 'careMeeting', 'Jaarlijkse evaluatie van de kwaliteitskaart (IB)', month(7, 1), { weekday: 2, audience: 'care' }),
  ...PO_TRANSFER,
];

/** Seed 001 (De Meent, jaarplanning 6.1): three groepsbesprekingen, KO-MT Sep/Jan/Mar, board report in April, SOT. */
const SEED001: TemplateItem[] = [
  item('ko-mt-start', 'careMeeting', 'KO-MT: terugblik en leerlingen met extra ondersteuning', month(9, 1), { weekday: 2, audience: 'care' }),
  item('groepsplan-klaar', 'handIn', 'Groepsplan klaar bij de start van de periode', periodWeek(1), { weekday: 5 }),
  item('groepsbespreking-1', 'groupDiscussion', 'Groepsbespreking 1 (overdracht)', month(9, 3)),
  item('m-toetsen', 'testWeek', 'M-toetsen (Cito LOVS)', month(1, 2), { weekday: 2, days: 4, grades: [3, 4, 5, 6, 7, 8] }),
  item('m-leestoetsen', 'testWeek', 'M-toetsen technisch lezen (DMT, AVI)', month(1, 3), { weekday: 2, days: 4, domain: 'technisch-lezen', grades: [3, 4, 5, 6, 7, 8] }),
  item('ko-mt-jan', 'careMeeting', 'KO-MT: tussenopbrengsten (M-toetsen)', month(1, 4), { weekday: 2, audience: 'care' }),
  item('groepsbespreking-2', 'groupDiscussion', 'Groepsbespreking 2', month(2, 3)),
  item('ko-mt-maart', 'careMeeting', 'KO-MT: schoolzelfevaluatie en trendanalyse (4 jaar)', month(3, 4), { weekday: 2, audience: 'care' }),
  item('bestuursrapportage', 'handIn', 'Rapportage opbrengsten aan het bestuur', month(4, 2), { weekday: 5, audience: 'care' }),
  item('e-toetsen', 'testWeek', 'E-toetsen (Cito LOVS)', month(6, 1), { weekday: 2, days: 4, grades: [3, 4, 5, 6, 7] }),
  item('groepsbespreking-3', 'groupDiscussion', 'Groepsbespreking 3 (overdrachtsplan)', month(6, 3)),
  item('sot', 'careTeam', 'SOT', every(8), { weekday: 4 }),
  item('rapport-1', 'reportWeek', 'Rapport 1', month(2, 2), { audience: 'everyone' }),
  item('oudergesprekken-1', 'parentTalks', 'Oudergesprekken', month(2, 3), { audience: 'everyone' }),
  item('rapport-2', 'reportWeek', 'Rapport 2', month(7, 1), { audience: 'everyone' }),
  item('overdracht', 'transfer', 'Overdracht naar de volgende leerkracht (groepsoverzicht en overdrachtsplan)', month(7, 1), { weekday: 3 }),
  ...PO_TRANSFER,
];

/** Seed 002 (d'n Bogerd, toetskalender bijlage 1): reading tests from Tuesday, two leerlingbesprekingen, zorgteam. */
const SEED002: TemplateItem[] = [
  item('spreekuur', 'parentTalks', 'Spreekuur voor ouders', month(9, 3), { audience: 'everyone' }),
  item('dmt-avi-okt', 'testWeek', 'DMT en AVI (dyslexieleerlingen, E3–E8)', month(10, 1), { weekday: 2, days: 4, domain: 'technisch-lezen', grades: [3, 4, 5, 6, 7, 8] }),
  item('kijk', 'testWeek', 'KIJK-signalering', month(11, 1), { weekday: 2, days: 4, domain: 'seo', grades: [3, 4, 5, 6, 7, 8] }),
  item('leerlingbespreking-nov', 'pupilDiscussion', 'Leerlingbespreking (terugkoppeling groep 3)', month(11, 3), { weekday: 4 }),
  item('rapport-nov', 'reportWeek', 'Rapport groep 3–8', month(11, 4), { grades: [3, 4, 5, 6, 7, 8], audience: 'everyone' }),
  item('gesprekken-nov', 'parentTalks', '15-minutengesprekken', month(12, 1), { audience: 'everyone' }),
  item('m-toetsen', 'testWeek', 'M-toetsen: rekenen, spelling, begrijpend lezen', month(1, 2), { weekday: 2, days: 4, grades: [3, 4, 5, 6, 7, 8] }),
  item('m-leestoetsen', 'testWeek', 'M-toetsen technisch lezen (DMT, AVI)', month(1, 3), { weekday: 2, days: 4, domain: 'technisch-lezen', grades: [3, 4, 5, 6, 7, 8] }),
  item('kleutertoetsen-m', 'testWeek', 'Rekenen en taal voor kleuters (M1–M2)', month(1, 3), { weekday: 2, days: 4, grades: [1, 2] }),
  item('toetsbespreking', 'groupDiscussion', 'Toets- en groepsbespreking', month(1, 4)),
  item('rapport-feb', 'reportWeek', 'Rapport', month(2, 2), { audience: 'everyone' }),
  item('gesprekken-feb', 'parentTalks', '15-minutengesprekken', month(2, 3), { audience: 'everyone' }),
  item('avi-maart', 'testWeek', 'AVI M3–M8', month(3, 2), { weekday: 2, days: 4, domain: 'technisch-lezen', grades: [3, 4, 5, 6, 7, 8] }),
  item('e-toetsen', 'testWeek', 'E-toetsen: rekenen en spelling', month(5, 3), { weekday: 2, days: 4, grades: [3, 4, 5, 6, 7] }),
  item('kleutertoetsen-e', 'testWeek', 'Rekenen en taal voor kleuters (E1–E2)', month(6, 1), { weekday: 2, days: 4, grades: [1, 2] }),
  item('groepsbespreking-jun', 'groupDiscussion', 'Groepsbespreking en groepsplanevaluatie', month(6, 2)),
  item('leerlingbespreking-jun', 'pupilDiscussion', 'Leerlingbespreking (leerlingen naar groep 3)', month(6, 3), { weekday: 4 }),
  item('zorgteam', 'careTeam', 'Zorgteam', every(8), { weekday: 4 }),
  item('rapport-jul', 'reportWeek', 'Rapport', month(7, 1), { audience: 'everyone' }),
  ...PO_TRANSFER,
];

/** Seed 003 (VO): a groepsbespreking at the end of every cycle, IZO weekly, ZAT every six weeks, reports per cycle. */
const SEED003: TemplateItem[] = [
  item('toetsweek', 'testWeek', 'Toetsweek', periodEnd(2)),
  item('groepsoverzicht', 'handIn', 'Groepsoverzicht bijgewerkt (mentor en docenten)', periodEnd(1), { weekday: 1 }),
  item('groepsbespreking', 'groupDiscussion', 'Groepsbespreking', periodEnd(0), { weekday: 2 }),
  item('rapport', 'reportWeek', 'Rapport', periodEnd(0), { audience: 'everyone' }),
  item('mentorgesprekken', 'parentTalks', 'Mentorgesprekken met ouders en leerling', periodWeek(2, [1, 2]), { audience: 'everyone' }),
  item('izo', 'careTeam', 'IZO (intern zorgoverleg)', every(1), { weekday: 2 }),
  item('zat', 'careTeam', 'ZAT (zorg- en adviesteam)', every(6), { weekday: 4 }),
  item('po-vo-overdracht', 'transfer', 'Warme overdracht PO–VO (nieuwe brugklassers)', month(6, 2), { weekday: 3, grades: [1] }),
  item('startgesprekken', 'parentTalks', 'Startgesprekken brugklas', month(9, 2), { grades: [1], audience: 'everyone' }),
];

/** Seed 004 (de Toverbal): four periods of ten weeks — tests in week 8, leerlingenkaart to the IB in week 9, groepsbespreking in week 10; MDO monthly. */
const SEED004: TemplateItem[] = [
  item('toetsen', 'testWeek', 'Toetsweek (week 8 van de periode)', periodWeek(8), { weekday: 2, days: 4, grades: [3, 4, 5, 6, 7, 8] }),
  item('leerlingenkaart', 'handIn', 'Leerlingenkaart naar de IB (week 9)', periodWeek(9), { weekday: 5 }),
  item('groepsbespreking', 'groupDiscussion', 'Groepsbespreking (week 10)', periodWeek(10)),
  item('leerlingbespreking', 'pupilDiscussion', 'Leerlingbespreking (week 10)', periodWeek(10), { weekday: 4 }),
  item('mdo', 'careTeam', 'MDO', every(4), { weekday: 4 }),
  item('rapport', 'reportWeek', 'Rapport', periodEnd(0, [2, 4]), { audience: 'everyone' }),
  ...PO_TRANSFER,
];

const TEMPLATES: Record<Exclude<CalendarPreset, 'custom'>, TemplateItem[]> = {
  seed000: SEED000, seed001: SEED001, seed002: SEED002, seed003: SEED003, seed004: SEED004,
};

/** The template of a preset (a copy); `custom` starts from the sector's default. */
export function templateOf(preset: CalendarPreset, sector: 'po' | 'vo'): TemplateItem[] {
  const key = preset === 'custom' ? (sector === 'po' ? 'seed001' : 'seed003') : preset;
  return TEMPLATES[key].map((i) => ({ ...i, anchor: { ...i.anchor }, grades: [...i.grades] }) as TemplateItem);
}

/** The sector's default rules: seed 002's reading-test rules in PO; in VO only "no test on the Monday after a holiday". */
export function defaultRules(sector: 'po' | 'vo'): CalendarSettings['rules'] {
  return { noReadingTestOnMonday: sector === 'po', noTestOnMondayAfterHoliday: true };
}

const defaultPreset = (sector: 'po' | 'vo'): CalendarPreset => (sector === 'po' ? 'seed001' : 'seed003');

/** Each part's default, built on its own (reading stored settings builds only the parts that are missing or invalid). */
const DEFAULT_PARTS: { [K in keyof CalendarSettings]: (sector: 'po' | 'vo') => CalendarSettings[K] } = {
  preset: defaultPreset,
  template: (sector) => templateOf(defaultPreset(sector), sector),
  holidays: () => [],
  rules: defaultRules,
};

/** PO: seed 001's jaarplanning; VO: seed 003's cycles. Holidays are the school's own (none until it enters them). */
export function defaultCalendarSettings(sector: 'po' | 'vo'): CalendarSettings {
  return { preset: DEFAULT_PARTS.preset(sector), template: DEFAULT_PARTS.template(sector), holidays: DEFAULT_PARTS.holidays(sector), rules: DEFAULT_PARTS.rules(sector) };
}

/** A stored value that predates a setting or breaks a newer rule falls back to the default, part by part. */
export function readCalendarSettings(sector: 'po' | 'vo', stored: unknown): CalendarSettings {
  const given = (typeof stored === 'object' && stored ? stored : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(calendarSettingsSchema.shape)) {
    const parsed = (field as z.ZodType).safeParse(given[key]);
    out[key] = parsed.success ? parsed.data : DEFAULT_PARTS[key as keyof CalendarSettings](sector);
  }
  return out as unknown as CalendarSettings;
}
