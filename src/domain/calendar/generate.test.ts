import { describe, expect, it } from 'vitest';
import { endAfterDays, generateCalendar, moveToSchoolDay, schoolWeeks } from './generate';
import type { TemplateItem } from './model';
import { calendarSettingsSchema, defaultCalendarSettings, readCalendarSettings, templateOf } from './settings';
import { FOUR_TEN_WEEKS, HALVES, HOLIDAYS, PO_GROUPS, THREE_CYCLES, VO_GROUPS, YEAR } from './test-fixtures';

const po = (template: TemplateItem[], periods = HALVES, groups = PO_GROUPS) =>
  generateCalendar({ year: YEAR, periods, template, groups, holidays: HOLIDAYS, sector: 'po' });
const of = (drafts: ReturnType<typeof po>, key: string) => drafts.filter((d) => d.templateKey === key);

describe('school weeks and moving dates', () => {
  it('counts weeks with a school day, skipping whole holiday weeks', () => {
    const weeks = schoolWeeks(YEAR, HOLIDAYS);
    expect(weeks[0]).toBe('2026-08-31');
    expect(weeks).not.toContain('2026-10-19'); // herfstvakantie
    expect(weeks).not.toContain('2026-12-28'); // kerstvakantie
    expect(weeks).toContain('2027-01-04');
    expect(weeks.at(-1)).toBe('2027-07-12');
    expect(weeks).toHaveLength(41);
  });

  it('moves a day in a holiday to the same weekday of the next school week, and back at the end of the year', () => {
    expect(moveToSchoolDay('2026-10-20', YEAR, HOLIDAYS)).toEqual({ date: '2026-10-27', moved: true });
    expect(moveToSchoolDay('2026-12-22', YEAR, HOLIDAYS)).toEqual({ date: '2027-01-05', moved: true });
    expect(moveToSchoolDay('2027-07-20', YEAR, HOLIDAYS)).toEqual({ date: '2027-07-13', moved: true });
    expect(moveToSchoolDay('2027-08-10', YEAR, HOLIDAYS)).toEqual({ date: '2027-07-13', moved: true });
    expect(moveToSchoolDay('2026-11-24', YEAR, HOLIDAYS)).toEqual({ date: '2026-11-24', moved: false });
  });

  it('a multi-day item counts weekdays', () => {
    expect(endAfterDays('2027-01-12', 4)).toBe('2027-01-15');
    expect(endAfterDays('2027-01-14', 3)).toBe('2027-01-18');
  });

  it('a date of the template in a partial holiday week moves on (holiday from Wednesday)', () => {
    const item: TemplateItem = { key: 'x', kind: 'other', title: 'Studiedag', anchor: { at: 'month', month: 11, week: 2 }, weekday: 4, days: 1, domain: null, grades: [], audience: 'staff' };
    const holidays = [...HOLIDAYS, { name: 'Studiedagen', startsOn: '2026-11-11', endsOn: '2026-11-13' }];
    const [d] = generateCalendar({ year: YEAR, periods: HALVES, template: [item], groups: [], holidays, sector: 'po' });
    expect(d).toMatchObject({ startsOn: '2026-11-19', moved: true });
  });
});

describe('seed 000: two halves', () => {
  const drafts = po(templateOf('seed000', 'po'));
  it('holds a groepsbespreking per group three school weeks before the end of each half', () => {
    const gb = of(drafts, 'groepsbespreking');
    expect(gb).toHaveLength(2 * PO_GROUPS.length);
    expect(new Set(gb.map((d) => d.startsOn))).toEqual(new Set(['2027-01-27', '2027-06-23']));
    expect(gb.filter((d) => d.groupId === 15).map((d) => [d.title, d.periodSeq])).toEqual([['Groepsbespreking groep 5', 1], ['Groepsbespreking groep 5', 2]]);
  });
  it('has the groepsplannen written in February and July, and one leerlingbespreking for the school per half', () => {
    expect(of(drafts, 'groepsplan-feb').map((d) => d.startsOn)).toEqual(['2027-02-12']);
    expect(of(drafts, 'groepsplan-jul').map((d) => d.startsOn)).toEqual(['2027-07-02']);
    expect(of(drafts, 'leerlingbespreking').map((d) => [d.startsOn, d.groupId])).toEqual([['2027-02-04', null], ['2027-07-01', null]]);
  });
});

describe('seed 001: three groepsbesprekingen, KO-MT, board report, PO→VO', () => {
  const drafts = po(templateOf('seed001', 'po'));
  it('plans three groepsbesprekingen per group: September, February, June', () => {
    const g5 = drafts.filter((d) => d.kind === 'groupDiscussion' && d.groupId === 15);
    expect(g5.map((d) => d.startsOn)).toEqual(['2026-09-16', '2027-02-24', '2027-06-16']);
    expect(g5[0].title).toBe('Groepsbespreking 1 (overdracht) groep 5');
  });
  it('has KO-MT in Sep, Jan and Mar, the board report in April, M-tests in January and E-tests in June', () => {
    expect(drafts.filter((d) => d.templateKey.startsWith('ko-mt')).map((d) => d.startsOn.slice(0, 7))).toEqual(['2026-09', '2027-01', '2027-03']);
    expect(of(drafts, 'bestuursrapportage')[0].startsOn.slice(0, 7)).toBe('2027-04');
    expect(of(drafts, 'm-toetsen')[0]).toMatchObject({ startsOn: '2027-01-12', endsOn: '2027-01-15', kind: 'testWeek' });
    expect(of(drafts, 'e-toetsen')[0]).toMatchObject({ startsOn: '2027-06-01', endsOn: '2027-06-04' });
    expect(of(drafts, 'vo-definitief-advies')[0]).toMatchObject({ kind: 'transfer', grades: [8], audience: 'everyone' });
  });
  it('puts SOT every eight school weeks, never in a holiday', () => {
    const sot = of(drafts, 'sot').map((d) => d.startsOn);
    expect(sot[0]).toBe('2026-09-03');
    expect(sot.length).toBe(6);
    for (const day of sot) expect(HOLIDAYS.some((h) => h.startsOn <= day && day <= h.endsOn)).toBe(false);
  });
  it('is the PO default preset', () => {
    const settings = defaultCalendarSettings('po');
    expect(settings.preset).toBe('seed001');
    expect(calendarSettingsSchema.safeParse(settings).success).toBe(true);
    expect(defaultCalendarSettings('vo').preset).toBe('seed003');
    for (const preset of ['seed000', 'seed001', 'seed002', 'seed003', 'seed004'] as const) {
      expect(calendarSettingsSchema.safeParse({ ...settings, preset, template: templateOf(preset, 'po') }).success).toBe(true);
    }
  });
  it('a stored template that breaks the schema falls back to the default, part by part', () => {
    const read = readCalendarSettings('po', { preset: 'seed002', template: [{ key: 'Bad Key' }], holidays: HOLIDAYS });
    expect(read.preset).toBe('seed002');
    expect(read.holidays).toHaveLength(HOLIDAYS.length);
    expect(read.template.map((i) => i.key)).toEqual(templateOf('seed001', 'po').map((i) => i.key));
  });
});

describe('seed 003 (VO): three cycles', () => {
  const drafts = generateCalendar({ year: YEAR, periods: THREE_CYCLES, template: templateOf('seed003', 'vo'), groups: VO_GROUPS, holidays: HOLIDAYS, sector: 'vo' });
  it('closes every cycle with a groepsbespreking per class inside the cycle', () => {
    const gb = drafts.filter((d) => d.kind === 'groupDiscussion' && d.groupId === 22);
    expect(gb.map((d) => [d.startsOn, d.periodSeq, d.title])).toEqual([
      ['2026-11-24', 1, 'Groepsbespreking klas 2H'], ['2027-03-09', 2, 'Groepsbespreking klas 2H'], ['2027-07-13', 3, 'Groepsbespreking klas 2H'],
    ]);
  });
  it('holds the IZO every school week and the ZAT every six', () => {
    expect(of(drafts, 'izo')).toHaveLength(41);
    expect(of(drafts, 'zat')).toHaveLength(7);
    expect(of(drafts, 'izo').every((d) => d.groupId === null && d.kind === 'careTeam')).toBe(true);
  });
});

describe('seed 004: four periods of ten weeks', () => {
  const drafts = po(templateOf('seed004', 'po'), FOUR_TEN_WEEKS, [PO_GROUPS[2]]);
  it('tests in week 8, hands in the leerlingenkaart in week 9 and holds the groepsbespreking in week 10 of every period', () => {
    const weekOf = (key: string) => of(drafts, key).map((d) => d.startsOn);
    expect(weekOf('toetsen')).toEqual(['2026-10-27', '2027-01-19', '2027-04-06', '2027-06-22']);
    expect(weekOf('leerlingenkaart')).toEqual(['2026-11-06', '2027-01-29', '2027-04-16', '2027-07-02']);
    expect(weekOf('groepsbespreking')).toEqual(['2026-11-11', '2027-02-03', '2027-04-21', '2027-07-07']);
    expect(of(drafts, 'groepsbespreking').map((d) => d.periodSeq)).toEqual([1, 2, 3, 4]);
  });
  it('keeps week 8 < 9 < 10 in a period shorter than ten school weeks', () => {
    const short = po(templateOf('seed004', 'po'), [{ seq: 1, name: 'Kort', startsOn: '2026-08-01', endsOn: '2026-10-11' }, { ...FOUR_TEN_WEEKS[1], startsOn: '2026-10-12' }], [PO_GROUPS[2]]);
    const first = short.filter((d) => d.periodSeq === 1 && ['toetsen', 'leerlingenkaart', 'groepsbespreking'].includes(d.templateKey));
    expect(first.map((d) => [d.templateKey, d.startsOn])).toEqual([['toetsen', '2026-09-22'], ['leerlingenkaart', '2026-10-02'], ['groepsbespreking', '2026-10-07']]);
  });
  it('holds the MDO about monthly (every four school weeks)', () => {
    expect(of(drafts, 'mdo')).toHaveLength(11);
  });
});
