import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTRUMENTS } from './instruments';
import {
  DEFAULT_NORMS,
  type DleNorm,
  type LevelNorm,
  deriveFromNorms,
  dleForScore,
  instrumentNormsSchema,
  levelForScore,
  normsToCsv,
  parseNormCsv,
} from './norms';
import { compareLevels } from './scales';

const m5: LevelNorm = {
  moment: 'M5',
  scale: 'IV',
  bands: [
    { level: 'I+', minScore: 200 },
    { level: 'I', minScore: 190 },
    { level: 'II', minScore: 180 },
    { level: 'III', minScore: 170 },
    { level: 'IV', minScore: 160 },
    { level: 'V', minScore: 150 },
    { level: 'V-', minScore: 0 },
  ],
};

describe('levelForScore', () => {
  it.each([
    [250, 'I+'], [200, 'I+'], [199.9, 'I'], [190, 'I'], [189, 'II'], [180, 'II'], [170, 'III'], [169.99, 'IV'],
    [160, 'IV'], [150, 'V'], [149, 'V-'], [0, 'V-'], [-20, 'V-'],
  ])('score %d → %s (a score equal to a lower bound gets that level)', (score, level) => {
    expect(levelForScore(m5, score)).toBe(level);
  });

  it('gives the last level below the last band', () => {
    const ae: LevelNorm = { moment: 'E3', scale: 'AE', bands: [{ level: 'A', minScore: 40 }, { level: 'B', minScore: 30 }, { level: 'C', minScore: 20 }, { level: 'D', minScore: 10 }, { level: 'E', minScore: 5 }] };
    expect(levelForScore(ae, 4)).toBe('E');
    expect(levelForScore(ae, 10)).toBe('D');
  });

  it('a higher score never gets a worse level', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 300, noNaN: true }), fc.double({ min: -50, max: 300, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(compareLevels('IV', levelForScore(m5, hi), levelForScore(m5, lo))).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('dleForScore', () => {
  const norm: DleNorm = { moment: null, points: [{ score: 150, dle: 20 }, { score: 100, dle: 0 }, { score: 200, dle: 40 }] };
  it('interpolates linearly between points (given in any order)', () => {
    expect(dleForScore(norm, 125)).toBe(10);
    expect(dleForScore(norm, 150)).toBe(20);
    expect(dleForScore(norm, 175)).toBe(30);
  });
  it('clamps to the ends', () => {
    expect(dleForScore(norm, 50)).toBe(0);
    expect(dleForScore(norm, 999)).toBe(40);
  });
  it('works with one point', () => expect(dleForScore({ moment: 'M5', points: [{ score: 10, dle: 25 }] }, 3)).toBe(25));
});

describe('deriveFromNorms', () => {
  const norms = { levelNorms: [m5], dleNorms: [{ moment: null, points: [{ score: 100, dle: 0 }, { score: 200, dle: 40 }] }] };
  const none = { abilityScore: null, rawScore: null, percentile: null, level: null, dle: null };
  it('fills level and DLE from the score', () => {
    expect(deriveFromNorms({ levelScale: 'IV' }, norms, 'M5', { ...none, abilityScore: 175 })).toEqual({ level: 'III', dle: 30 });
  });
  it('prefers the percentile for the level, and keeps given values', () => {
    expect(deriveFromNorms({ levelScale: 'IV' }, norms, 'M5', { ...none, abilityScore: 175, percentile: 95 }).level).toBe('I+');
    expect(deriveFromNorms({ levelScale: 'IV' }, norms, 'M5', { ...none, abilityScore: 175, level: 'II', dle: 12 })).toEqual({ level: 'II', dle: 12 });
  });
  it('leaves the level empty without a norm for the moment', () => {
    expect(deriveFromNorms({ levelScale: 'IV' }, norms, 'E5', { ...none, abilityScore: 175 })).toEqual({ level: null, dle: 30 });
  });
  it('prefers a moment-specific DLE table', () => {
    const both = { levelNorms: [], dleNorms: [...norms.dleNorms, { moment: 'M5', points: [{ score: 0, dle: 1 }] }] };
    expect(deriveFromNorms({ levelScale: null }, both, 'M5', { ...none, rawScore: 5 }).dle).toBe(1);
  });
});

describe('parseNormCsv', () => {
  it('reads level and DLE rows, semicolons and Dutch decimals', () => {
    const csv = [
      'soort;moment;niveau;vanaf;score;dle',
      'niveau;M5;I;190,5;;',
      'niveau;m5;ii;180;;',
      'niveau;M5;III;170;;',
      'niveau;E5;A;40;;',
      'niveau;E5;B;30;;',
      'dle;;;;100;0',
      'dle;;;;150,5;20,5',
    ].join('\n');
    const r = parseNormCsv(csv);
    expect(r.errors).toEqual([]);
    expect(r.levelNorms).toEqual([
      { moment: 'M5', scale: 'IV', bands: [{ level: 'I', minScore: 190.5 }, { level: 'II', minScore: 180 }, { level: 'III', minScore: 170 }] },
      { moment: 'E5', scale: 'AE', bands: [{ level: 'A', minScore: 40 }, { level: 'B', minScore: 30 }] },
    ]);
    expect(r.dleNorms).toEqual([{ moment: null, points: [{ score: 100, dle: 0 }, { score: 150.5, dle: 20.5 }] }]);
  });

  it('reads the two-column layouts with commas and sorts bands best first', () => {
    const r = parseNormCsv('soort,moment,niveau,vanaf\nniveau,M4,V,10\nniveau,M4,I+,50\nniveau,M4,III,30\n');
    expect(r.errors).toEqual([]);
    expect(r.levelNorms[0].bands.map((b) => b.level)).toEqual(['I+', 'III', 'V']);
    const d = parseNormCsv('soort,moment,score,dle\ndle,M4,12,8\ndle,M4,20,14\n');
    expect(d.dleNorms).toEqual([{ moment: 'M4', points: [{ score: 12, dle: 8 }, { score: 20, dle: 14 }] }]);
  });

  it('reports every bad row with its spreadsheet row and a Dutch message', () => {
    const csv = [
      'soort;moment;niveau;vanaf;score;dle',
      'niveau;M5;I;190;;', // 2 ok
      'niveau;M9;I;190;;', // 3 bad moment
      'niveau;M5;VI;180;;', // 4 bad level
      'niveau;M5;II;abc;;', // 5 bad number
      'niveau;M5;I;185;;', // 6 duplicate level
      'niveau;M5;A;170;;', // 7 mixed scale
      'dle;;;;100;-1', // 8 negative dle
      'tabel;M5;;;;', // 9 unknown kind
      '', //
      'niveau;;III;100;;', // 11 moment missing
      'niveau;M5;III;195;;', // 12 bands out of order (III above I)
    ].join('\n');
    const r = parseNormCsv(csv);
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'normMomentInvalid'],
      [4, 'normLevelInvalid'],
      [5, 'normNumberInvalid'],
      [6, 'normLevelDuplicate'],
      [7, 'normScaleMixed'],
      [8, 'normDleNegative'],
      [9, 'normKind'],
      [11, 'normMomentMissing'],
      [12, 'normBandsOrder'],
    ]);
    for (const e of r.errors) expect(e.message).toMatch(/[a-z]/);
    expect(r.errors.find((e) => e.code === 'normBandsOrder')!.message).toBe('Bij moment M5 moet de ondergrens van III lager zijn dan die van I.');
  });

  it('refuses a file without the required columns, and an empty file', () => {
    expect(parseNormCsv('naam;waarde\nx;1').errors[0].code).toBe('normHeader');
    expect(parseNormCsv('soort;moment;niveau;vanaf\n').errors[0].code).toBe('normEmpty');
  });

  it('reads back what normsToCsv writes', () => {
    for (const [code, norms] of Object.entries(DEFAULT_NORMS)) {
      const again = parseNormCsv(normsToCsv(norms));
      expect(again.errors, code).toEqual([]);
      expect({ levelNorms: again.levelNorms, dleNorms: again.dleNorms }).toEqual(norms);
    }
  });
});

describe('DEFAULT_NORMS (illustrative)', () => {
  it('exist for every default instrument with a level scale, for each of its moments, on its scale', () => {
    for (const i of DEFAULT_INSTRUMENTS.filter((x) => x.levelScale)) {
      const n = DEFAULT_NORMS[i.code];
      expect(n, i.code).toBeDefined();
      expect(instrumentNormsSchema.safeParse(n).success).toBe(true);
      expect(n.levelNorms.map((x) => x.moment).sort()).toEqual([...i.moments].sort());
      for (const ln of n.levelNorms) {
        expect(ln.scale).toBe(i.levelScale);
        for (let k = 1; k < ln.bands.length; k++) expect(ln.bands[k].minScore).toBeLessThan(ln.bands[k - 1].minScore);
      }
    }
  });

  it('put the average pupil of a moment at level III and DLE ≈ the standard DL', () => {
    const n = DEFAULT_NORMS['cito-rekenen'];
    const m5norm = n.levelNorms.find((x) => x.moment === 'M5')!;
    const mean = 120 + 2.5 * 25;
    expect(levelForScore(m5norm, mean)).toBe('III');
    expect(dleForScore(n.dleNorms[0], mean)).toBeCloseTo(25, 5);
  });
});
