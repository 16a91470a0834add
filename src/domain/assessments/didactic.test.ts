import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GradeYear, delay, didacticAge, learningEfficiency, periodEfficiency } from './didactic';

/** A history of consecutive school years starting on 1 August, one grade per year. */
function years(firstYear: number, grades: (number | null)[]): GradeYear[] {
  return grades.map((grade, i) => ({ schoolYearStartsOn: `${firstYear + i}-08-01`, grade }));
}

describe('didacticAge', () => {
  const normal = years(2021, [1, 2, 3, 4, 5, 6]); // groep 6 in 2026-2027

  it('groep 6 at the end of March = 37 (the standard example)', () => {
    expect(didacticAge(normal, '2027-03-31')).toBe(37);
  });

  it('counts 10 months per school year from groep 3, September = 1 … June = 10', () => {
    expect(didacticAge(normal, '2026-09-01')).toBe(31);
    expect(didacticAge(normal, '2027-01-20')).toBe(35); // M-toets in January
    expect(didacticAge(normal, '2027-06-15')).toBe(40); // E-toets in June
    expect(didacticAge(normal, '2027-07-20')).toBe(40); // summer holiday: no teaching
    expect(didacticAge(normal, '2026-08-20')).toBe(30); // August before the first lessons
  });

  it('end of groep 3 = 10, end of groep 8 = 60', () => {
    expect(didacticAge(years(2020, [3]), '2021-06-30')).toBe(10);
    expect(didacticAge(years(2020, [3, 4, 5, 6, 7, 8]), '2026-06-30')).toBe(60);
  });

  it('is null before groep 3 and when the grade is unknown', () => {
    expect(didacticAge(years(2021, [1, 2]), '2023-03-01')).toBeNull();
    expect(didacticAge(years(2021, [1, 2, null]), '2024-03-01')).toBeNull();
  });

  it('is null for a date outside every enrolled school year', () => {
    expect(didacticAge(normal, '2021-07-31')).toBeNull(); // before the first year
    expect(didacticAge(normal, '2027-08-01')).toBeNull(); // after the last one
    expect(didacticAge([], '2027-03-31')).toBeNull();
  });

  it('repetition adds ten months: groep 4 twice', () => {
    const repeated = years(2021, [3, 4, 4, 5, 6]);
    expect(didacticAge(repeated, '2026-03-31')).toBe(47);
  });

  it('repeating groep 2 has no effect', () => {
    const kleuterverlenging = years(2020, [1, 2, 2, 3, 4, 5, 6]);
    expect(didacticAge(kleuterverlenging, '2027-03-31')).toBe(37);
  });

  it('acceleration subtracts: groep 4 skipped', () => {
    const skipped = years(2022, [3, 5, 6]);
    expect(didacticAge(skipped, '2025-03-31')).toBe(27);
  });

  it('is capped at 60 (groep 8 after a repeated year)', () => {
    const h = years(2019, [3, 4, 5, 5, 6, 7, 8]);
    expect(didacticAge(h, '2026-06-30')).toBe(60);
    expect(didacticAge(h, '2026-03-31')).toBe(60);
  });

  it('uses the pupil\'s own grade in a combination group 4/5', () => {
    const inFour = years(2024, [3, 4]);
    const inFive = years(2023, [3, 4, 5]);
    expect(didacticAge(inFour, '2026-01-31')).toBe(15);
    expect(didacticAge(inFive, '2026-01-31')).toBe(25);
  });

  it('a pupil who entered mid-way (no earlier history) is assumed to have progressed normally', () => {
    expect(didacticAge(years(2026, [6]), '2027-03-31')).toBe(37);
    expect(didacticAge(years(2026, [3]), '2027-03-31')).toBe(7);
  });

  it('a pupil who entered mid-year in the current school year counts the whole year so far', () => {
    // Enrolled in January; the history holds only this school year.
    expect(didacticAge([{ schoolYearStartsOn: '2026-08-01', grade: 5 }], '2027-02-10')).toBe(26);
  });

  it('fills a gap in the history by counting back from the next known year', () => {
    const withGap = [
      { schoolYearStartsOn: '2021-08-01', grade: 3 },
      { schoolYearStartsOn: '2024-08-01', grade: 6 },
    ];
    expect(didacticAge(withGap, '2025-03-31')).toBe(37);
    const unknownMiddle = years(2021, [3, null, 5, 6]);
    expect(didacticAge(unknownMiddle, '2025-03-31')).toBe(37);
  });

  it('does not depend on the order of the history', () => {
    const h = years(2021, [2, 3, 4, 4, 5]);
    expect(didacticAge([...h].reverse(), '2026-03-31')).toBe(didacticAge(h, '2026-03-31'));
  });

  it('for any normal school career equals 10 × (grade − 3) + months taught this year, never above 60', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 8 }), fc.integer({ min: 0, max: 364 }), (grade, day) => {
        const h = years(2018, Array.from({ length: grade }, (_, i) => i + 1));
        const start = Date.UTC(2018 + grade - 1, 7, 1);
        const on = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
        const d = new Date(`${on}T00:00:00Z`);
        const monthsSinceSept = (d.getUTCFullYear() - (2018 + grade - 1)) * 12 + d.getUTCMonth() - 8 + 1;
        const expected = Math.min(60, 10 * (grade - 3) + Math.max(0, Math.min(10, monthsSinceSept)));
        expect(didacticAge(h, on)).toBe(expected);
      }),
    );
  });

  it('each repeated year in groep 3–7 adds exactly ten months (below the cap)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 6 }), (repeatGrade) => {
        const grades = [3, 4, 5, 6, 7].flatMap((g) => (g === repeatGrade ? [g, g] : [g])).filter((g) => g <= 6);
        const base = years(2018, [3, 4, 5, 6]);
        const h = years(2018, grades);
        const onBase = `${2018 + base.length}-01-15`;
        const onRep = `${2018 + h.length}-01-15`;
        expect(didacticAge(h, onRep)! - didacticAge(base, onBase)!).toBe(10);
      }),
    );
  });
});

describe('learningEfficiency', () => {
  it('DLE 20 at DL 45 is 44 %', () => expect(learningEfficiency(20, 45)).toBe(44));
  it('on schedule is 100 %', () => expect(learningEfficiency(37, 37)).toBe(100));
  it('ahead is above 100 %', () => expect(learningEfficiency(45, 30)).toBe(150));
  it('is null without didactic time', () => {
    expect(learningEfficiency(10, 0)).toBeNull();
    expect(learningEfficiency(10, -5)).toBeNull();
    expect(learningEfficiency(Number.NaN, 10)).toBeNull();
  });
  it('DLE 0 is 0 % (not -0)', () => expect(Object.is(learningEfficiency(0, 30), 0)).toBe(true));
});

describe('periodEfficiency', () => {
  it('ΔDLE / ΔDL × 100', () => {
    expect(periodEfficiency({ dl: 25, dle: 20 }, { dl: 30, dle: 23 })).toBe(60);
    expect(periodEfficiency({ dl: 25, dle: 20 }, { dl: 35, dle: 32 })).toBe(120);
  });
  it('is negative when the DLE fell', () => expect(periodEfficiency({ dl: 25, dle: 20 }, { dl: 30, dle: 18 })).toBe(-40));
  it('is null when no didactic time passed or time went back', () => {
    expect(periodEfficiency({ dl: 30, dle: 20 }, { dl: 30, dle: 25 })).toBeNull();
    expect(periodEfficiency({ dl: 35, dle: 20 }, { dl: 30, dle: 25 })).toBeNull();
  });
});

describe('delay', () => {
  it('achterstand = DL − DLE, one month = four weeks', () => {
    expect(delay(37, 32)).toEqual({ months: 5, weeks: 20 });
    expect(delay(30, 27.5)).toEqual({ months: 2.5, weeks: 10 });
  });
  it('is negative when ahead, and zero is not -0', () => {
    expect(delay(20, 26)).toEqual({ months: -6, weeks: -24 });
    const zero = delay(20, 20);
    expect(Object.is(zero.months, 0) && Object.is(zero.weeks, 0)).toBe(true);
  });
});
