import { describe, expect, it } from 'vitest';
import { calendarWarnings, mondaysAfterHolidays, type RuleContext, type RuleItem } from './rules';
import { generateCalendar } from './generate';
import { templateOf } from './settings';
import { FOUR_TEN_WEEKS, HALVES, HOLIDAYS, PO_GROUPS, YEAR } from './test-fixtures';

const ctx: RuleContext = { sector: 'po', year: YEAR, periods: HALVES, holidays: HOLIDAYS, rules: { noReadingTestOnMonday: true, noTestOnMondayAfterHoliday: true } };
const test = (startsOn: string, endsOn: string, domain: string | null = null): RuleItem => ({ kind: 'testWeek', title: 'Toets', startsOn, endsOn, domain, groupId: null, grades: [] });
const codes = (items: RuleItem[], c: RuleContext = ctx) => calendarWarnings(items, c).map((w) => w.map((x) => x.code));

describe('seed 002: reading tests not on a Monday', () => {
  it('warns for a reading test that starts on a Monday, not from Tuesday', () => {
    expect(codes([test('2026-11-09', '2026-11-12', 'technisch-lezen')])).toEqual([['readingTestOnMonday']]);
    expect(codes([test('2026-11-10', '2026-11-13', 'technisch-lezen')])).toEqual([[]]);
    expect(codes([test('2026-11-10', '2026-11-16', 'begrijpend-lezen')])).toEqual([['readingTestOnMonday']]);
  });
  it('only for reading domains, and only when the school has the rule', () => {
    expect(codes([test('2026-11-09', '2026-11-12', 'rekenen-wiskunde')])).toEqual([[]]);
    expect(codes([test('2026-11-09', '2026-11-12', 'technisch-lezen')], { ...ctx, rules: { ...ctx.rules, noReadingTestOnMonday: false } })).toEqual([[]]);
  });
  it('says which Monday in Dutch', () => {
    const [[w]] = calendarWarnings([test('2026-11-09', '2026-11-12', 'technisch-lezen')], ctx);
    expect(w.message).toContain('09-11-2026');
  });
});

describe('seed 002: no test on the Monday after a holiday', () => {
  it('knows the Mondays after the holidays', () => {
    expect([...mondaysAfterHolidays(HOLIDAYS).keys()]).toEqual(expect.arrayContaining(['2026-08-31', '2026-10-26', '2027-01-04', '2027-02-22', '2027-05-03']));
  });
  it('warns for any test on such a Monday, whatever its domain', () => {
    const [[w]] = calendarWarnings([test('2027-01-04', '2027-01-08', 'rekenen-wiskunde')], ctx);
    expect(w).toMatchObject({ code: 'testOnMondayAfterHoliday' });
    expect(w.message).toContain('kerstvakantie');
    expect(codes([test('2027-01-05', '2027-01-08')])).toEqual([[]]);
    expect(codes([test('2027-01-04', '2027-01-08')], { ...ctx, rules: { ...ctx.rules, noTestOnMondayAfterHoliday: false } })).toEqual([[]]);
  });
  it('does not apply to other kinds of items', () => {
    expect(codes([{ ...test('2027-01-04', '2027-01-04'), kind: 'careMeeting' }])).toEqual([[]]);
  });
});

describe('holidays, weekends and the school year', () => {
  it('warns for an item in a holiday, naming it', () => {
    const [[w]] = calendarWarnings([{ ...test('2026-10-20', '2026-10-20'), kind: 'careMeeting' }], ctx);
    expect(w).toMatchObject({ code: 'inHoliday' });
    expect(w.message).toMatch(/herfstvakantie \(17-10-2026 t\/m 25-10-2026\)/);
  });
  it('warns for a weekend', () => {
    expect(codes([{ ...test('2026-11-21', '2026-11-21'), kind: 'other' }])).toEqual([['weekend']]);
  });
  it('warns outside the school year', () => {
    expect(codes([{ ...test('2027-08-03', '2027-08-03'), kind: 'other' }])).toEqual([['inHoliday', 'outsideYear']]);
    expect(codes([{ ...test('2026-07-06', '2026-07-06'), kind: 'other' }])).toEqual([['outsideYear']]);
  });
});

describe('PO: a groepsbespreking before the test results of its period', () => {
  const meeting = (startsOn: string, groupId = 15, grades = [5]): RuleItem => ({ kind: 'groupDiscussion', title: 'Groepsbespreking', startsOn, endsOn: startsOn, domain: null, groupId, grades });
  it('warns when the last groepsbespreking of a period comes before (or during) its test week', () => {
    const tests = { ...test('2027-06-01', '2027-06-04'), grades: [3, 4, 5, 6, 7] };
    expect(codes([tests, meeting('2027-05-26')])).toEqual([[], ['meetingBeforeResults']]);
    expect(codes([tests, meeting('2027-06-02')])).toEqual([[], ['meetingBeforeResults']]);
    expect(codes([tests, meeting('2027-06-16')])).toEqual([[], []]);
  });
  it('not when a later groepsbespreking of the period follows the tests, nor for other grades, nor in VO', () => {
    const tests = { ...test('2027-01-12', '2027-01-15'), grades: [3, 4, 5] };
    expect(codes([meeting('2026-09-16'), tests, meeting('2027-02-24')])).toEqual([[], [], []]);
    expect(codes([tests, meeting('2026-12-02', 18, [8])])).toEqual([[], []]);
    expect(codes([tests, meeting('2026-12-02')], { ...ctx, sector: 'vo' })).toEqual([[], []]);
  });
  it('the generated presets come out without warnings', () => {
    for (const [preset, periods] of [['seed000', HALVES], ['seed001', HALVES], ['seed002', HALVES], ['seed004', FOUR_TEN_WEEKS]] as const) {
      const drafts = generateCalendar({ year: YEAR, periods, template: templateOf(preset, 'po'), groups: PO_GROUPS, holidays: HOLIDAYS, sector: 'po' });
      const warned = calendarWarnings(drafts, { ...ctx, periods }).flatMap((w, i) => w.map((x) => `${preset} ${drafts[i].title} ${drafts[i].startsOn}: ${x.code}`));
      expect(warned).toEqual([]);
    }
  });
});
