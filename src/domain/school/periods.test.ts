import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  checkPeriods,
  generatePeriods,
  isValidIsoDate,
  parseIsoDate,
  PERIOD_PATTERNS,
  schoolYearOf,
  toIsoDate,
  yearContaining,
  type DateRange,
  type PeriodDraft,
} from './periods';

// Run in a time zone with daylight saving time, so that date arithmetic that slips into local time shows.
const tzBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Amsterdam';
});
afterAll(() => {
  if (tzBefore === undefined) delete process.env.TZ;
  else process.env.TZ = tzBefore;
});

const label = (i: number, n: number) => `${i + 1}/${n}`;
const spans = (ps: PeriodDraft[]) => ps.map((p) => [p.startsOn, p.endsOn]);

// ---- An independent calendar, for checking date arithmetic ----

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
function nextDay(s: string): string {
  let [y, m, d] = s.split('-').map(Number);
  d++;
  if (d > monthLength(y, m)) {
    d = 1;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return iso(y, m, d);
}
/** A real date from 1970 to 2199. */
const dateArb = fc
  .record({ y: fc.integer({ min: 1970, max: 2199 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => iso(y, m, Math.min(d, monthLength(y, m))));

describe('parseIsoDate / isValidIsoDate', () => {
  it.each(['2026-11-24', '2024-02-29', '2000-02-29', '2026-01-31', '2026-04-30', '2026-12-31', '1999-01-01'])('accepts %s', (s) => {
    const d = parseIsoDate(s);
    const [y, m, day] = s.split('-').map(Number);
    expect(d.getTime()).toBe(Date.UTC(y, m - 1, day));
    expect(toIsoDate(d)).toBe(s);
    expect(isValidIsoDate(s)).toBe(true);
  });

  it.each([
    '2026-02-30', '2026-02-29', '2100-02-29', '1900-02-29', '2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31',
    '2026-01-32', '2026-01-00', '2026-00-10', '2026-13-01', '2026-99-99',
  ])('refuses the impossible date %s', (s) => {
    expect(() => parseIsoDate(s)).toThrow(RangeError);
    expect(() => parseIsoDate(s)).toThrow(/no such date/);
    expect(isValidIsoDate(s)).toBe(false);
  });

  it.each(['', '2026-1-05', '2026-01-5', '26-01-05', '20260105', '2026/01/05', ' 2026-01-05', '2026-01-05 ', '2026-01-05T00:00:00Z', 'morgen', '24-11-2026'])(
    'refuses the malformed string %j',
    (s) => {
      expect(() => parseIsoDate(s)).toThrow(/not an ISO date/);
      expect(isValidIsoDate(s)).toBe(false);
    },
  );

  it('agrees with an independent calendar about which dates exist', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        expect(isValidIsoDate(iso(y, m, d))).toBe(d <= monthLength(y, m));
      }),
      { numRuns: 2000 },
    );
  });

  it('is independent of the local time zone (UTC midnight)', () => {
    const d = parseIsoDate('2026-03-29'); // the day Europe/Amsterdam switches to summer time
    expect(d.getUTCHours()).toBe(0);
    expect(d.toISOString()).toBe('2026-03-29T00:00:00.000Z');
  });
});

describe('addDays', () => {
  it.each([
    // Daylight saving time in Europe/Amsterdam: 29 March and 25 October 2026.
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-03-30', -2, '2026-03-28'],
    ['2026-10-24', 1, '2026-10-25'],
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-10-26', -2, '2026-10-24'],
    ['2026-03-01', 70, '2026-05-10'],
    // Leap years.
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-28', 2, '2024-03-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', 365, '2024-12-31'],
    ['2025-01-01', 365, '2026-01-01'],
    // Year and month ends.
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-11-24', 0, '2026-11-24'],
  ] as [string, number, string][])('%s %+d days = %s', (from, n, to) => {
    expect(addDays(from, n)).toBe(to);
  });

  it('refuses an impossible start date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('steps through the calendar day by day, like an independent calendar', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 800 }), (start, n) => {
        let expected = start;
        for (let i = 0; i < n; i++) expected = nextDay(expected);
        expect(addDays(start, n)).toBe(expected);
        expect(addDays(expected, -n)).toBe(start);
      }),
      { numRuns: 300 },
    );
  });

  it('composes: adding a then b is adding a + b', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2000, max: 2000 }), (d, a, b) => {
        expect(addDays(addDays(d, a), b)).toBe(addDays(d, a + b));
      }),
    );
  });
});

describe('schoolYearOf', () => {
  it.each([
    ['2026-11-24', '2026-2027'],
    ['2026-08-01', '2026-2027'],
    ['2026-07-31', '2025-2026'],
    ['2027-01-01', '2026-2027'],
    ['2026-12-31', '2026-2027'],
    ['2024-02-29', '2023-2024'],
  ])('%s lies in school year %s', (today, name) => {
    const y = Number(name.slice(0, 4));
    expect(schoolYearOf(today)).toEqual({ name, startsOn: `${y}-08-01`, endsOn: `${y + 1}-07-31` });
  });

  it('always contains the date it was made from, and runs 1 August to 31 July', () => {
    fc.assert(
      fc.property(dateArb, (today) => {
        const y = schoolYearOf(today);
        expect(y.startsOn <= today && today <= y.endsOn).toBe(true);
        expect(y.startsOn.slice(5)).toBe('08-01');
        expect(y.endsOn.slice(5)).toBe('07-31');
        expect(Number(y.endsOn.slice(0, 4))).toBe(Number(y.startsOn.slice(0, 4)) + 1);
        expect(y.name).toBe(`${y.startsOn.slice(0, 4)}-${y.endsOn.slice(0, 4)}`);
      }),
    );
  });

  it('refuses an impossible date', () => {
    expect(() => schoolYearOf('2026-02-30')).toThrow(RangeError);
  });
});

describe('yearContaining', () => {
  const years = [
    { id: 1, name: '2025-2026', startsOn: '2025-08-01', endsOn: '2026-07-31' },
    { id: 2, name: '2026-2027', startsOn: '2026-08-01', endsOn: '2027-07-31' },
    { id: 3, name: '2028-2029', startsOn: '2028-08-15', endsOn: '2029-07-15' },
  ];

  it.each([
    ['2025-08-01', 1], // first day
    ['2026-07-31', 1], // last day
    ['2026-08-01', 2],
    ['2026-11-24', 2],
    ['2027-07-31', 2],
    ['2028-08-15', 3],
    ['2029-07-15', 3],
  ])('%s → year %i (bounds inclusive)', (today, id) => {
    expect(yearContaining(years, today)?.id).toBe(id);
  });

  it.each(['2025-07-31', '2027-08-01', '2028-08-14', '2029-07-16'])('%s lies in no year', (today) => {
    expect(yearContaining(years, today)).toBeNull();
  });

  it('returns the very object from the list', () => {
    expect(yearContaining(years, '2026-11-24')).toBe(years[1]);
  });

  it('returns null for an empty list', () => {
    expect(yearContaining([], '2026-11-24')).toBeNull();
  });
});

// ---- Generating periods ----

describe('generatePeriods: hand-checked school years', () => {
  const y2026: DateRange = { startsOn: '2026-08-01', endsOn: '2027-07-31' }; // starts on a Saturday
  const y2025: DateRange = { startsOn: '2025-08-01', endsOn: '2026-07-31' };
  const y2027: DateRange = { startsOn: '2027-08-01', endsOn: '2028-07-31' }; // February 2028 has 29 days

  it('halves: August–February and March–July', () => {
    expect(spans(generatePeriods(y2026, 'halves', label))).toEqual([
      ['2026-08-01', '2027-02-28'],
      ['2027-03-01', '2027-07-31'],
    ]);
  });

  it('halves in a leap year end the first half on 29 February', () => {
    expect(spans(generatePeriods(y2027, 'halves', label))).toEqual([
      ['2027-08-01', '2028-02-29'],
      ['2028-03-01', '2028-07-31'],
    ]);
  });

  it('three_cycles split on the Mondays on or after 1 December and 15 March', () => {
    // 1 Dec 2026 is a Tuesday → Monday 7 Dec; 15 Mar 2027 is a Monday itself.
    expect(spans(generatePeriods(y2026, 'three_cycles', label))).toEqual([
      ['2026-08-01', '2026-12-06'],
      ['2026-12-07', '2027-03-14'],
      ['2027-03-15', '2027-07-31'],
    ]);
    // 1 Dec 2025 is a Monday itself; 15 Mar 2026 is a Sunday → Monday 16 Mar.
    expect(spans(generatePeriods(y2025, 'three_cycles', label))).toEqual([
      ['2025-08-01', '2025-11-30'],
      ['2025-12-01', '2026-03-15'],
      ['2026-03-16', '2026-07-31'],
    ]);
  });

  it('four_ten_weeks: ten-week steps from the first Monday, the last period running to the end of the year', () => {
    // Saturday 1 Aug 2026 → first Monday 3 Aug; + 70, 140, 210 days.
    expect(spans(generatePeriods(y2026, 'four_ten_weeks', label))).toEqual([
      ['2026-08-01', '2026-10-11'],
      ['2026-10-12', '2026-12-20'],
      ['2026-12-21', '2027-02-28'],
      ['2027-03-01', '2027-07-31'],
    ]);
    // A year that starts on a Monday: the first three periods are exactly ten weeks.
    expect(spans(generatePeriods({ startsOn: '2026-08-24', endsOn: '2027-07-09' }, 'four_ten_weeks', label))).toEqual([
      ['2026-08-24', '2026-11-01'],
      ['2026-11-02', '2027-01-10'],
      ['2027-01-11', '2027-03-21'],
      ['2027-03-22', '2027-07-09'],
    ]);
  });

  it('names each period through the callback with its index and the number of periods', () => {
    const calls: [number, number][] = [];
    const ps = generatePeriods(y2026, 'three_cycles', (i, n) => {
      calls.push([i, n]);
      return `Periode ${i + 1} van ${n}`;
    });
    expect(calls).toEqual([[0, 3], [1, 3], [2, 3]]);
    expect(ps.map((p) => p.name)).toEqual(['Periode 1 van 3', 'Periode 2 van 3', 'Periode 3 van 3']);
  });

  it('a one-day year gives one period of that day, whatever the pattern', () => {
    for (const pattern of PERIOD_PATTERNS) {
      expect(spans(generatePeriods({ startsOn: '2026-08-01', endsOn: '2026-08-01' }, pattern, label))).toEqual([['2026-08-01', '2026-08-01']]);
    }
  });
});

/** A plausible Dutch school year: starts between mid July and mid September, lasts 44 to 54 weeks. */
const schoolYearArb: fc.Arbitrary<DateRange> = fc
  .record({ y: fc.integer({ min: 2000, max: 2150 }), offset: fc.integer({ min: -17, max: 45 }), len: fc.integer({ min: 308, max: 378 }) })
  .map(({ y, offset, len }) => {
    const startsOn = addDays(`${y}-08-01`, offset);
    return { startsOn, endsOn: addDays(startsOn, len) };
  });

/** Any range of dates with start ≤ end, also very short or long ones. */
const anyRangeArb: fc.Arbitrary<DateRange> = fc
  .record({ start: dateArb, len: fc.integer({ min: 0, max: 800 }) })
  .map(({ start, len }) => ({ startsOn: start, endsOn: addDays(start, len) }));

function expectContiguousInside(year: DateRange, ps: PeriodDraft[]) {
  expect(ps.length).toBeGreaterThan(0);
  expect(ps[0].startsOn).toBe(year.startsOn);
  expect(ps[ps.length - 1].endsOn).toBe(year.endsOn);
  ps.forEach((p, i) => {
    expect(isValidIsoDate(p.startsOn) && isValidIsoDate(p.endsOn)).toBe(true);
    expect(p.startsOn <= p.endsOn).toBe(true);
    expect(p.startsOn >= year.startsOn && p.endsOn <= year.endsOn).toBe(true);
    if (i > 0) expect(p.startsOn).toBe(addDays(ps[i - 1].endsOn, 1));
  });
  expect(checkPeriods(year, ps)).toEqual([]);
}

describe('generatePeriods: properties', () => {
  it('periods generated from any valid range are contiguous, inside the year and pass checkPeriods', () => {
    fc.assert(
      fc.property(anyRangeArb, fc.constantFrom(...PERIOD_PATTERNS), (year, pattern) => {
        expectContiguousInside(year, generatePeriods(year, pattern, label));
      }),
      { numRuns: 1000 },
    );
  });

  it('a school year gets 2, 3 or 4 periods for halves, three_cycles, four_ten_weeks', () => {
    const count = { halves: 2, three_cycles: 3, four_ten_weeks: 4 } as const;
    fc.assert(
      fc.property(schoolYearArb, fc.constantFrom(...PERIOD_PATTERNS), (year, pattern) => {
        const ps = generatePeriods(year, pattern, label);
        expectContiguousInside(year, ps);
        expect(ps.length).toBe(count[pattern]);
      }),
      { numRuns: 1000 },
    );
  });

  it('halves of a school year split on 1 March', () => {
    fc.assert(
      fc.property(schoolYearArb, (year) => {
        const [, second] = generatePeriods(year, 'halves', label);
        expect(second.startsOn.slice(5)).toBe('03-01');
        expect(second.startsOn.slice(0, 4)).toBe(year.endsOn.slice(0, 4));
      }),
    );
  });

  it('three_cycles of a school year start cycles 2 and 3 on a Monday in 1–7 December and 15–21 March', () => {
    fc.assert(
      fc.property(schoolYearArb, (year) => {
        const [, b, c] = generatePeriods(year, 'three_cycles', label);
        for (const p of [b, c]) expect(parseIsoDate(p.startsOn).getUTCDay()).toBe(1);
        expect(b.startsOn.slice(0, 4)).toBe(year.startsOn.slice(0, 4));
        expect(b.startsOn.slice(5, 7)).toBe('12');
        expect(Number(b.startsOn.slice(8))).toBeLessThanOrEqual(7);
        expect(c.startsOn.slice(0, 4)).toBe(year.endsOn.slice(0, 4));
        expect(c.startsOn.slice(5, 7)).toBe('03');
        expect(Number(c.startsOn.slice(8))).toBeGreaterThanOrEqual(15);
        expect(Number(c.startsOn.slice(8))).toBeLessThanOrEqual(21);
      }),
    );
  });

  it('four_ten_weeks of a school year: periods 2–4 start on Mondays ten weeks apart, period 1 holds the first ten weeks', () => {
    fc.assert(
      fc.property(schoolYearArb, (year) => {
        const [a, b, c, d] = generatePeriods(year, 'four_ten_weeks', label);
        for (const p of [b, c, d]) expect(parseIsoDate(p.startsOn).getUTCDay()).toBe(1);
        expect(c.startsOn).toBe(addDays(b.startsOn, 70));
        expect(d.startsOn).toBe(addDays(c.startsOn, 70));
        // The first period runs from the start of the year to ten weeks after its first Monday (0–6 days later).
        const firstLength = (parseIsoDate(b.startsOn).getTime() - parseIsoDate(a.startsOn).getTime()) / 86_400_000;
        expect(firstLength).toBeGreaterThanOrEqual(70);
        expect(firstLength).toBeLessThanOrEqual(76);
      }),
    );
  });
});

// ---- Checking periods ----

describe('checkPeriods', () => {
  const year: DateRange = { startsOn: '2026-08-01', endsOn: '2027-07-31' };
  const p = (startsOn: string, endsOn: string): DateRange => ({ startsOn, endsOn });

  it('accepts contiguous periods inside the year', () => {
    expect(checkPeriods(year, [p('2026-08-01', '2027-02-28'), p('2027-03-01', '2027-07-31')])).toEqual([]);
  });

  it('reports an empty list', () => {
    expect(checkPeriods(year, [])).toEqual([{ code: 'empty' }]);
  });

  it('reports a period that ends before it starts', () => {
    expect(checkPeriods(year, [p('2026-08-01', '2026-07-31')])).toContainEqual({ code: 'bad_range', index: 0 });
    expect(checkPeriods(year, [p('2026-08-01', '2026-08-01')])).toEqual([]);
  });

  it('reports periods outside the year, on either side', () => {
    expect(checkPeriods(year, [p('2026-07-31', '2027-07-31')])).toEqual([{ code: 'outside_year', index: 0 }]);
    expect(checkPeriods(year, [p('2026-08-01', '2027-08-01')])).toEqual([{ code: 'outside_year', index: 0 }]);
  });

  it('reports an overlap at the later period', () => {
    expect(checkPeriods(year, [p('2026-08-01', '2027-03-01'), p('2027-03-01', '2027-07-31')])).toEqual([{ code: 'overlap', index: 1 }]);
    expect(checkPeriods(year, [p('2026-08-01', '2027-07-31'), p('2026-08-01', '2027-07-31')])).toEqual([{ code: 'overlap', index: 1 }]);
  });

  it('reports a gap of one day or more at the later period', () => {
    expect(checkPeriods(year, [p('2026-08-01', '2027-02-27'), p('2027-03-01', '2027-07-31')])).toEqual([{ code: 'gap', index: 1 }]);
  });

  it('knows 29 February: in a leap year 28 Feb → 1 Mar leaves a gap, otherwise not', () => {
    const leap: DateRange = { startsOn: '2027-08-01', endsOn: '2028-07-31' };
    expect(checkPeriods(leap, [p('2027-08-01', '2028-02-28'), p('2028-03-01', '2028-07-31')])).toEqual([{ code: 'gap', index: 1 }]);
    expect(checkPeriods(leap, [p('2027-08-01', '2028-02-29'), p('2028-03-01', '2028-07-31')])).toEqual([]);
    expect(checkPeriods(year, [p('2026-08-01', '2027-02-28'), p('2027-03-01', '2027-07-31')])).toEqual([]);
  });

  it('is not fooled by daylight saving time: 28 → 29 March and 24 → 25 October are adjacent days', () => {
    expect(checkPeriods(year, [p('2026-08-01', '2026-10-24'), p('2026-10-25', '2027-03-28'), p('2027-03-29', '2027-07-31')])).toEqual([]);
  });

  it('checks in date order but reports the index in the given list', () => {
    const given = [p('2027-03-01', '2027-07-31'), p('2026-08-01', '2027-02-28')];
    expect(checkPeriods(year, given)).toEqual([]);
    const withGap = [p('2027-03-05', '2027-07-31'), p('2026-08-01', '2027-02-28')];
    expect(checkPeriods(year, withGap)).toEqual([{ code: 'gap', index: 0 }]);
    const withOverlap = [p('2027-02-01', '2027-07-31'), p('2026-08-01', '2027-02-28')];
    expect(checkPeriods(year, withOverlap)).toEqual([{ code: 'overlap', index: 0 }]);
  });

  it('reports every problem, not just the first', () => {
    const problems = checkPeriods(year, [p('2026-07-01', '2026-12-31'), p('2027-01-10', '2027-01-05'), p('2027-01-04', '2027-08-31')]);
    // In date order: [0] 07-01…12-31, [2] 01-04…08-31, [1] 01-10…01-05.
    expect(problems).toEqual([
      { code: 'outside_year', index: 0 },
      { code: 'outside_year', index: 2 },
      { code: 'gap', index: 2 }, // 2026-12-31 → 2027-01-04
      { code: 'bad_range', index: 1 },
      { code: 'overlap', index: 1 }, // starts before [2] ends
    ]);
  });

  it('finds the gap when a middle period of a generated set is removed, and the overlap when a start moves a day earlier', () => {
    fc.assert(
      fc.property(schoolYearArb, fc.constantFrom('three_cycles' as const, 'four_ten_weeks' as const), (y, pattern) => {
        const ps = generatePeriods(y, pattern, label);
        const without = [ps[0], ...ps.slice(2)];
        expect(checkPeriods(y, without)).toEqual([{ code: 'gap', index: 1 }]);
        const shifted = ps.map((q, i) => (i === 1 ? { ...q, startsOn: addDays(q.startsOn, -1) } : q));
        expect(checkPeriods(y, shifted)).toEqual([{ code: 'overlap', index: 1 }]);
      }),
    );
  });
});
