import { describe, expect, it } from 'vitest';
import { checkLevelEntry, currentLevelEntry, levelDef, levelWarnings, periodsAtLevel } from './levels';
import { defaultSupportSettings, levelsOfPreset } from './settings';
import { levelEntry } from './test-fixtures';

const settings = defaultSupportSettings('po'); // seed002: 2 max 2 periods, 3 max 1 per question, 4 consent + OPP
const today = '2027-03-15';
// Three care periods a year (2026-2027), plus the last one of the year before.
const periods = [
  { startsOn: '2026-03-01', endsOn: '2026-07-31' },
  { startsOn: '2026-08-01', endsOn: '2026-11-30' },
  { startsOn: '2026-12-01', endsOn: '2027-03-14' },
  { startsOn: '2027-03-15', endsOn: '2027-07-31' },
  { startsOn: '2027-08-01', endsOn: '2027-11-30' },
];

describe('levelDef', () => {
  it('finds a level by key, or null', () => {
    expect(levelDef(settings, '3')?.planType).toBe('actionPlan');
    expect(levelDef(settings, '9')).toBeNull();
  });
});

describe('checkLevelEntry', () => {
  const current = levelEntry({ id: 1, level: '2', startsOn: '2026-09-01' });
  it('accepts a known level from the current start up to a year ahead', () => {
    expect(checkLevelEntry(settings, { level: '3', startsOn: '2026-11-24' }, current, '2026-11-24')).toBeNull();
    expect(checkLevelEntry(settings, { level: '3', startsOn: '2026-09-01' }, current, '2026-11-24')).toBeNull();
    expect(checkLevelEntry(settings, { level: '3', startsOn: '2027-11-24' }, current, '2026-11-24')).toBeNull();
    expect(checkLevelEntry(settings, { level: '1', startsOn: '2020-01-01' }, null, '2026-11-24')).toBeNull();
  });

  it('refuses an unknown level', () => {
    expect(checkLevelEntry(settings, { level: '5', startsOn: '2026-11-24' }, current, '2026-11-24')).toContain('‘5’ bestaat niet');
  });

  it('refuses an invalid date', () => {
    expect(checkLevelEntry(settings, { level: '3', startsOn: '2026-02-29' }, current, '2026-11-24')).toContain('geen geldige');
    expect(checkLevelEntry(settings, { level: '3', startsOn: '24-11-2026' }, current, '2026-11-24')).toContain('geen geldige');
  });

  it('refuses a start before the current entry', () => {
    expect(checkLevelEntry(settings, { level: '3', startsOn: '2026-08-31' }, current, '2026-11-24')).toContain('01-09-2026');
  });

  it('refuses a start more than a year ahead', () => {
    expect(checkLevelEntry(settings, { level: '3', startsOn: '2027-11-25' }, current, '2026-11-24')).toContain('meer dan een jaar');
  });
});

describe('periodsAtLevel', () => {
  it('counts the periods the open entry touches, up to today', () => {
    const history = [levelEntry({ id: 1, level: '2', startsOn: '2026-09-15' })];
    expect(periodsAtLevel(history, periods, '2', today)).toBe(3); // aug–nov, dec–mar, mar– (today is its first day)
    expect(periodsAtLevel(history, periods, '2', '2027-03-14')).toBe(2);
    expect(periodsAtLevel(history, periods, '2', '2026-09-20')).toBe(1);
  });

  it('joins consecutive entries at the same level into one stretch', () => {
    const history = [
      levelEntry({ id: 3, level: '2', startsOn: '2026-12-10', reason: 'nieuw besluit, zelfde niveau' }),
      levelEntry({ id: 2, level: '2', startsOn: '2026-04-01', endsOn: '2026-12-10' }),
      levelEntry({ id: 1, level: '1', startsOn: '2025-09-01', endsOn: '2026-04-01' }),
    ];
    expect(periodsAtLevel(history, periods, '2', today)).toBe(4);
  });

  it('a level in between breaks the stretch: only the latest one counts', () => {
    const history = [
      levelEntry({ id: 3, level: '2', startsOn: '2027-01-10' }),
      levelEntry({ id: 2, level: '3', startsOn: '2026-09-01', endsOn: '2027-01-10' }),
      levelEntry({ id: 1, level: '2', startsOn: '2026-03-01', endsOn: '2026-09-01' }),
    ];
    expect(periodsAtLevel(history, periods, '2', today)).toBe(2);
    expect(periodsAtLevel(history, periods, '3', today)).toBe(2); // aug–nov and dec–mar (ended 10 jan)
  });

  it('a closed entry ends the day before its endsOn (the next entry starts that day)', () => {
    const history = [
      levelEntry({ id: 2, level: '3', startsOn: '2026-12-01' }),
      levelEntry({ id: 1, level: '2', startsOn: '2026-08-15', endsOn: '2026-12-01' }),
    ];
    expect(periodsAtLevel(history, periods, '2', today)).toBe(1);
  });

  it('a gap between entries at the same level breaks the stretch', () => {
    const history = [
      levelEntry({ id: 2, level: '2', startsOn: '2027-01-10' }),
      levelEntry({ id: 1, level: '2', startsOn: '2026-03-01', endsOn: '2026-06-01' }),
    ];
    expect(periodsAtLevel(history, periods, '2', today)).toBe(2);
  });

  it('is 0 for a level the pupil never had and for an entry starting after today', () => {
    const history = [levelEntry({ id: 1, level: '2', startsOn: '2026-09-01' })];
    expect(periodsAtLevel(history, periods, '4', today)).toBe(0);
    expect(periodsAtLevel([levelEntry({ id: 1, level: '2', startsOn: '2027-06-01' })], periods, '2', today)).toBe(0);
  });

  it('with a question: only entries for that hulpvraag make the stretch', () => {
    const history = [
      levelEntry({ id: 3, level: '3', startsOn: '2027-01-05', question: 'Rekenen: tafels' }),
      levelEntry({ id: 2, level: '3', startsOn: '2026-09-01', endsOn: '2027-01-05', question: 'Lezen: tempo' }),
      levelEntry({ id: 1, level: '3', startsOn: '2026-04-01', endsOn: '2026-09-01', question: 'Lezen: tempo' }),
    ];
    expect(periodsAtLevel(history, periods, '3', today, 'rekenen: tafels ')).toBe(2);
    expect(periodsAtLevel(history, periods, '3', today)).toBe(4);
    expect(periodsAtLevel(history, periods, '3', today, 'Lezen: tempo')).toBe(3);
  });

  it('does not depend on the order of the history', () => {
    const history = [
      levelEntry({ id: 1, level: '2', startsOn: '2026-04-01', endsOn: '2026-12-10' }),
      levelEntry({ id: 2, level: '2', startsOn: '2026-12-10' }),
    ];
    expect(periodsAtLevel(history, periods, '2', today)).toBe(4);
  });
});

describe('currentLevelEntry', () => {
  it('is the open entry, or null', () => {
    expect(currentLevelEntry([], '2026-11-24')).toBeNull();
    expect(currentLevelEntry([levelEntry({ id: 1, level: '2', startsOn: '2026-01-01', endsOn: '2026-05-01' })], '2026-11-24')).toBeNull();
    expect(currentLevelEntry([
      levelEntry({ id: 1, level: '2', startsOn: '2026-01-01', endsOn: '2026-05-01' }),
      levelEntry({ id: 2, level: '3', startsOn: '2026-05-01' }),
    ], '2026-11-24')?.id).toBe(2);
  });

  it('a level decided for a later date is not current yet: the earlier one applies until that day', () => {
    const history = [
      levelEntry({ id: 1, level: '2', startsOn: '2026-09-01', endsOn: '2027-01-04' }),
      levelEntry({ id: 2, level: '3', startsOn: '2027-01-04' }),
    ];
    expect(currentLevelEntry(history, '2026-11-24')?.id).toBe(1);
    expect(currentLevelEntry(history, '2027-01-03')?.id).toBe(1);
    expect(currentLevelEntry(history, '2027-01-04')?.id).toBe(2);
  });
});

describe('levelWarnings', () => {
  it('none without a current level', () => {
    expect(levelWarnings(settings, [], periods, today, [])).toEqual([]);
  });

  it('level 2: warns after more than two care periods in a row', () => {
    const two = [levelEntry({ id: 1, level: '2', startsOn: '2026-09-15' })];
    expect(levelWarnings(settings, two, periods, '2027-03-14', [])).toEqual([]);
    const w = levelWarnings(settings, two, periods, today, []);
    expect(w.map((x) => x.code)).toEqual(['maxPeriods']);
    expect(w[0].level).toBe('2');
    expect(w[0].message).toContain('3 zorgperiodes');
    expect(w[0].message).toContain('hoogstens 2');
  });

  it('level 3: warns after more than one period for the same hulpvraag, not for a new one', () => {
    const same = [
      levelEntry({ id: 2, level: '3', startsOn: '2026-12-01', question: 'Lezen', }),
    ];
    const w = levelWarnings(settings, same, periods, today, ['actionPlan']);
    expect(w.map((x) => x.code)).toEqual(['maxPeriodsPerQuestion']);
    expect(w[0].message).toContain('‘Lezen’');
    const fresh = [levelEntry({ id: 1, level: '3', startsOn: '2027-03-15', question: 'Rekenen' })];
    expect(levelWarnings(settings, fresh, periods, today, ['actionPlan'])).toEqual([]);
  });

  it('level 3 without an active handelingsplan: planMissing', () => {
    const h = [levelEntry({ id: 1, level: '3', startsOn: '2027-03-15' })];
    expect(levelWarnings(settings, h, periods, today, []).map((x) => x.code)).toEqual(['planMissing']);
    expect(levelWarnings(settings, h, periods, today, ['developmentPerspective']).map((x) => x.code)).toEqual(['planMissing']);
    expect(levelWarnings(settings, h, periods, today, ['actionPlan'])).toEqual([]);
  });

  it('level 4: consent and an OPP', () => {
    const h = [levelEntry({ id: 1, level: '4', startsOn: '2027-03-01' })];
    expect(levelWarnings(settings, h, periods, today, []).map((x) => x.code)).toEqual(['consentMissing', 'planMissing']);
    const done = [levelEntry({ id: 1, level: '4', startsOn: '2027-03-01', consentOn: '2027-03-02' })];
    expect(levelWarnings(settings, done, periods, today, ['developmentPerspective'])).toEqual([]);
  });

  it('seed000 level 4 asks no consent', () => {
    const s = { ...settings, levels: levelsOfPreset('seed000') };
    const h = [levelEntry({ id: 1, level: '4', startsOn: '2027-03-01' })];
    expect(levelWarnings(s, h, periods, today, ['developmentPerspective'])).toEqual([]);
  });

  it('a level the school no longer has: unknownLevel only', () => {
    const h = [levelEntry({ id: 1, level: '7', startsOn: '2026-01-01' })];
    expect(levelWarnings(settings, h, periods, today, [])).toEqual([
      { code: 'unknownLevel', level: '7', message: expect.stringContaining('‘7’') },
    ]);
  });

  it('only the current entry gives warnings', () => {
    const h = [
      levelEntry({ id: 2, level: '1', startsOn: '2027-03-01' }),
      levelEntry({ id: 1, level: '4', startsOn: '2026-01-01', endsOn: '2027-03-01' }),
    ];
    expect(levelWarnings(settings, h, periods, today, [])).toEqual([]);
  });
});
