import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageOn } from './age';
import { addDays } from '../school/periods';

describe('ageOn', () => {
  it.each([
    // Around an ordinary birthday.
    ['2018-05-10', '2026-05-09', 7],
    ['2018-05-10', '2026-05-10', 8],
    ['2018-05-10', '2026-05-11', 8],
    ['2018-05-10', '2026-11-24', 8],
    ['2018-05-10', '2027-05-09', 8],
    // Month earlier, day later (and the other way round).
    ['2018-05-20', '2026-04-25', 7],
    ['2018-05-20', '2026-06-01', 8],
    // Born on New Year's Eve / New Year's Day.
    ['2018-12-31', '2026-12-30', 7],
    ['2018-12-31', '2026-12-31', 8],
    ['2019-01-01', '2026-12-31', 7],
    ['2019-01-01', '2027-01-01', 8],
    // The day of birth itself, and a baby.
    ['2026-11-24', '2026-11-24', 0],
    ['2026-01-15', '2026-11-24', 0],
  ] as [string, string, number][])('born %s, on %s: %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  describe('born on 29 February', () => {
    it.each([
      // In a year without 29 February the birthday counts from 1 March.
      ['2016-02-29', '2026-02-28', 9],
      ['2016-02-29', '2026-03-01', 10],
      // In a leap year on 29 February itself.
      ['2016-02-29', '2028-02-28', 11],
      ['2016-02-29', '2028-02-29', 12],
      ['2016-02-29', '2028-03-01', 12],
      // 2100 is no leap year.
      ['2096-02-29', '2100-02-28', 3],
      ['2096-02-29', '2100-03-01', 4],
    ] as [string, string, number][])('born %s, on %s: %i', (birth, on, age) => {
      expect(ageOn(birth, on)).toBe(age);
    });
  });

  it('refuses impossible dates', () => {
    expect(() => ageOn('2015-02-29', '2026-11-24')).toThrow(RangeError);
    expect(() => ageOn('2016-02-29', '2026-02-29')).toThrow(RangeError);
  });

  it('goes up by exactly one on each birthday and not on the day before', () => {
    const date = fc
      .record({ y: fc.integer({ min: 1990, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (birth, years) => {
        const birthday = `${Number(birth.slice(0, 4)) + years}${birth.slice(4)}`;
        expect(ageOn(birth, birthday)).toBe(years);
        expect(ageOn(birth, addDays(birthday, -1))).toBe(years - 1);
      }),
    );
  });

  it('never decreases as time goes by', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 400 }), (b, d, step) => {
        const birth = addDays('1990-01-01', b);
        const on = addDays(birth, d);
        expect(ageOn(birth, addDays(on, step))).toBeGreaterThanOrEqual(ageOn(birth, on));
        expect(ageOn(birth, on)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
