import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkGroup, VO_LEVELS, type GroupProblem } from './groups';

describe('checkGroup: primary schools (PO)', () => {
  it.each([[[1]], [[8]], [[4]], [[4, 5]], [[1, 2]], [[7, 8]], [[1, 2, 3]], [[6, 7, 8]], [[5, 4]], [[3, 1, 2]], [[1, 2, 3, 4, 5, 6, 7, 8]]])(
    'accepts groep %j without a level',
    (grades) => {
      expect(checkGroup('po', grades, null)).toEqual([]);
    },
  );

  it.each([
    { grades: [], problems: ['no_grades'] },
    { grades: [0], problems: ['grade_out_of_range'] },
    { grades: [9], problems: ['grade_out_of_range'] },
    { grades: [8, 9], problems: ['grade_out_of_range'] },
    { grades: [-1], problems: ['grade_out_of_range'] },
    { grades: [4, 6], problems: ['grades_not_adjacent'] },
    { grades: [1, 8], problems: ['grades_not_adjacent'] },
    { grades: [3, 4, 6], problems: ['grades_not_adjacent'] },
    { grades: [7, 10], problems: ['grade_out_of_range', 'grades_not_adjacent'] },
  ] as { grades: number[]; problems: GroupProblem[] }[])('groep $grades → $problems', ({ grades, problems }) => {
    expect(checkGroup('po', grades, null)).toEqual(problems);
  });

  it('refuses a level for a PO group', () => {
    expect(checkGroup('po', [5], 'havo')).toEqual(['level_not_allowed']);
  });

  it('treats a grade listed twice as that grade once', () => {
    expect(checkGroup('po', [4, 4], null)).toEqual([]);
    expect(checkGroup('po', [4, 5, 4], null)).toEqual([]);
  });

  it('refuses grades that are not whole numbers', () => {
    expect(checkGroup('po', [4.5], null)).toContain('grade_out_of_range');
    expect(checkGroup('po', [Number.NaN], null)).toContain('grade_out_of_range');
  });

  it('no grades is reported alone, also when a level is wrongly given', () => {
    expect(checkGroup('po', [], 'havo')).toEqual(['no_grades']);
  });
});

describe('checkGroup: secondary schools (VO)', () => {
  it.each(VO_LEVELS.map((l) => [l]))('accepts leerjaar 1–6 with level %s', (level) => {
    for (let g = 1; g <= 6; g++) expect(checkGroup('vo', [g], level)).toEqual([]);
  });

  it('accepts a class spanning adjacent leerjaren', () => {
    expect(checkGroup('vo', [1, 2], 'havo/vwo')).toEqual([]);
  });

  it('refuses leerjaar 7 and 0', () => {
    expect(checkGroup('vo', [7], 'vwo')).toEqual(['grade_out_of_range']);
    expect(checkGroup('vo', [0], 'vwo')).toEqual(['grade_out_of_range']);
  });

  it('requires a level', () => {
    expect(checkGroup('vo', [2], null)).toEqual(['level_required']);
    expect(checkGroup('vo', [2], '')).toEqual(['level_required']);
  });

  it('reports several problems at once', () => {
    expect(checkGroup('vo', [2, 7], null)).toEqual(['grade_out_of_range', 'grades_not_adjacent', 'level_required']);
  });

  it('lists the Dutch levels, each once', () => {
    expect(new Set(VO_LEVELS).size).toBe(VO_LEVELS.length);
    expect(VO_LEVELS).toEqual(expect.arrayContaining(['pro', 'vmbo-bb', 'vmbo-kb', 'vmbo-gl', 'vmbo-tl', 'havo', 'vwo', 'gymnasium']));
  });
});

describe('checkGroup: properties', () => {
  it('any run of adjacent grades within range is accepted (PO without level, VO with one)', () => {
    fc.assert(
      fc.property(fc.constantFrom('po' as const, 'vo' as const), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (sector, from, len) => {
        const max = sector === 'po' ? 8 : 6;
        fc.pre(from + len - 1 <= max);
        const grades = Array.from({ length: len }, (_, i) => from + i);
        const shuffled = [...grades].reverse();
        expect(checkGroup(sector, shuffled, sector === 'vo' ? 'havo' : null)).toEqual([]);
      }),
    );
  });

  it('grades with a hole in between are always refused as not adjacent', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 8 }), (grades) => {
        const sorted = [...grades].sort((a, b) => a - b);
        const hole = sorted[sorted.length - 1] - sorted[0] + 1 > sorted.length;
        expect(checkGroup('po', grades, null).includes('grades_not_adjacent')).toBe(hole);
      }),
    );
  });

  it('a grade outside 1..max is always reported', () => {
    fc.assert(
      fc.property(fc.constantFrom('po' as const, 'vo' as const), fc.integer({ min: -20, max: 30 }), (sector, g) => {
        const max = sector === 'po' ? 8 : 6;
        expect(checkGroup(sector, [g], sector === 'vo' ? 'vwo' : null).includes('grade_out_of_range')).toBe(g < 1 || g > max);
      }),
    );
  });
});
