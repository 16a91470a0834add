import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelDistribution, meetsNorm, shareAtOrAbove } from './stats';

describe('levelDistribution', () => {
  it('counts main levels best first, sub-levels under their main level, missing as "?"', () => {
    expect(levelDistribution('IV', ['I+', 'I', 'III', null, 'V-', 'v', 'X', 'III'])).toEqual([
      { level: 'I', count: 2 },
      { level: 'II', count: 0 },
      { level: 'III', count: 2 },
      { level: 'IV', count: 0 },
      { level: 'V', count: 2 },
      { level: '?', count: 2 },
    ]);
    expect(levelDistribution('AE', []).map((x) => x.level)).toEqual(['A', 'B', 'C', 'D', 'E', '?']);
  });

  it('counts every pupil exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'III'))), (levels) => {
        expect(levelDistribution('AE', levels).reduce((n, x) => n + x.count, 0)).toBe(levels.length);
      }),
    );
  });
});

describe('shareAtOrAbove', () => {
  it('"75 % scores III or higher", missing results not counted', () => {
    expect(shareAtOrAbove('IV', ['I', 'II', 'III', 'IV', null], 'III')).toEqual({ count: 3, total: 4, percent: 75 });
    expect(shareAtOrAbove('IV', ['I+', 'V-'], 'I')).toEqual({ count: 1, total: 2, percent: 50 });
    expect(shareAtOrAbove('AE', ['A', 'B', 'C'], 'B')).toEqual({ count: 2, total: 3, percent: 67 });
  });
  it('is 0 % of 0 without results', () => expect(shareAtOrAbove('IV', [null, 'nonsense'], 'III')).toEqual({ count: 0, total: 0, percent: 0 }));
});

describe('meetsNorm', () => {
  it('compares the unrounded share', () => {
    expect(meetsNorm({ count: 3, total: 4 }, 75)).toBe(true);
    expect(meetsNorm({ count: 149, total: 200 }, 75)).toBe(false); // 74.5 % rounds to 75 but does not meet it
    expect(meetsNorm({ count: 0, total: 0 }, 75)).toBe(false);
  });
});
