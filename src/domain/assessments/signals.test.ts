import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Domain } from './instruments';
import type { LevelScale } from './scales';
import { DEFAULT_SIGNAL_RULES, type ResultPoint, type SignalRule, evaluateSignals, signalRuleSchema } from './signals';

const MOMENTS = ['M3', 'E3', 'M4', 'E4', 'M5', 'E5', 'M6', 'E6', 'M7', 'E7', 'M8'];

/** Results of one instrument at consecutive moments from M3; years follow the moments. */
function series(levels: (string | null)[], opts: { instrumentId?: number; scale?: LevelScale | null; domain?: Domain; dle?: (number | null)[]; dl?: (number | null)[]; start?: number } = {}): ResultPoint[] {
  const start = opts.start ?? 0;
  return levels.map((level, i) => {
    const moment = MOMENTS[start + i];
    const grade = Number(moment[1]);
    const year = 2020 + grade;
    return {
      instrumentId: opts.instrumentId ?? 1,
      instrumentName: opts.instrumentId === 2 ? 'DMT' : 'Cito Rekenen-Wiskunde',
      domain: opts.domain ?? 'rekenen-wiskunde',
      levelScale: opts.scale === undefined ? 'IV' : opts.scale,
      moment,
      takenOn: moment[0] === 'M' ? `${year + 1}-01-20` : `${year + 1}-06-10`,
      schoolYearStartsOn: `${year}-08-01`,
      grade,
      level,
      dle: opts.dle?.[i] ?? null,
      dl: opts.dl?.[i] ?? null,
    };
  });
}

const rule = <K extends SignalRule['kind']>(kind: K, params: Extract<SignalRule, { kind: K }>['params'], extra: Partial<SignalRule> = {}) =>
  ({ kind, params, label: kind, domains: [], active: true, ...extra }) as SignalRule;

describe('signalRuleSchema / DEFAULT_SIGNAL_RULES', () => {
  it('the defaults are valid rules with the seeds\' criteria', () => {
    for (const r of DEFAULT_SIGNAL_RULES) expect(signalRuleSchema.safeParse(r).success, r.label).toBe(true);
    expect(DEFAULT_SIGNAL_RULES.map((r) => r.kind)).toEqual(['lowLevel', 'levelDrop', 'delay', 'consecutiveLow', 'consecutiveLow', 'dleBehindAtGrade', 'highPerformer']);
    expect(DEFAULT_SIGNAL_RULES.find((r) => r.kind === 'delay')!.params).toEqual({ weeks: 20 });
    expect(DEFAULT_SIGNAL_RULES.find((r) => r.kind === 'dleBehindAtGrade')!.params).toEqual({ months: 10, grade: 5, part: 'E' });
  });
  it('refuses wrong params for the kind', () => {
    expect(signalRuleSchema.safeParse({ kind: 'delay', label: 'x y', domains: [], active: true, params: { levels: ['V'] } }).success).toBe(false);
    expect(signalRuleSchema.safeParse({ kind: 'levelDrop', label: 'x y', domains: [], active: true, params: { steps: 0 } }).success).toBe(false);
    expect(signalRuleSchema.safeParse({ kind: 'lowLevel', label: 'x y', domains: ['tekenen'], active: true, params: { levels: ['V'] } }).success).toBe(false);
    expect(signalRuleSchema.safeParse({ kind: 'nope', label: 'x y', domains: [], active: true, params: {} }).success).toBe(false);
    expect(signalRuleSchema.safeParse({ id: 3, version: 2, kind: 'lowLevel', label: 'x y', domains: ['spelling'], active: false, params: { levels: ['V'] } }).success).toBe(true);
  });
});

describe('evaluateSignals', () => {
  it('lowLevel: the latest result at V (also V-) or E, with its reason in Dutch', () => {
    const s = evaluateSignals([rule('lowLevel', { levels: ['V', 'E'] }, { id: 9 })], series(['III', 'V-']));
    expect(s).toEqual([
      {
        ruleId: 9,
        kind: 'lowLevel',
        tone: 'concern',
        domain: 'rekenen-wiskunde',
        instrumentId: 1,
        moment: 'E3',
        reason: { code: 'lowLevel', params: { instrument: 'Cito Rekenen-Wiskunde', domain: 'rekenen-wiskunde', moment: 'E3', momentLabel: 'eind groep 3', level: 'V-' } },
        message: 'Niveau V- bij Cito Rekenen-Wiskunde (eind groep 3).',
      },
    ]);
  });

  it('lowLevel: not when the pupil has improved since', () => {
    expect(evaluateSignals([rule('lowLevel', { levels: ['V'] })], series(['V', 'IV']))).toEqual([]);
  });

  it('lowLevel on an A–E instrument uses E, not V', () => {
    const dmt = series(['D', 'E'], { scale: 'AE', instrumentId: 2, domain: 'technisch-lezen' });
    expect(evaluateSignals([rule('lowLevel', { levels: ['V'] })], dmt)).toEqual([]);
    expect(evaluateSignals([rule('lowLevel', { levels: ['V', 'E'] })], dmt)).toHaveLength(1);
  });

  it('levelDrop: compares the latest result with the one before', () => {
    const s = evaluateSignals([rule('levelDrop', { steps: 1 })], series(['I', 'II', 'IV']));
    expect(s).toHaveLength(1);
    expect(s[0].reason.params).toMatchObject({ level: 'IV', previousLevel: 'II', previousMoment: 'E3', steps: 2 });
    expect(s[0].message).toBe('Gedaald van II naar IV (2 niveaus) bij Cito Rekenen-Wiskunde, van E3 naar M4.');
    expect(evaluateSignals([rule('levelDrop', { steps: 3 })], series(['I', 'II', 'IV']))).toEqual([]);
    expect(evaluateSignals([rule('levelDrop', { steps: 1 })], series(['III', 'I+', 'I']))).toEqual([]); // I+ → I is no drop
  });

  it('levelDrop: uses chronological order, not the order given', () => {
    const s = series(['II', 'IV']);
    expect(evaluateSignals([rule('levelDrop', { steps: 1 })], [s[1], s[0]])).toHaveLength(1);
    expect(evaluateSignals([rule('levelDrop', { steps: 1 })], series(['IV', 'II']).reverse())).toEqual([]);
  });

  it('delay: achterstand of 20 weeks or more on the latest result with DL and DLE', () => {
    const r = series(['III', 'III'], { dl: [25, 30], dle: [22, 25] });
    const s = evaluateSignals([rule('delay', { weeks: 20 })], r);
    expect(s.map((x) => [x.moment, x.reason.params.weeks])).toEqual([['E3', 20]]);
    expect(s[0].message).toBe('Achterstand van 20 weken bij Cito Rekenen-Wiskunde (eind groep 3): DLE 25 bij DL 30.');
    expect(evaluateSignals([rule('delay', { weeks: 20 })], series(['III', 'III'], { dl: [25, 30], dle: [15, 26] }))).toEqual([]);
    expect(evaluateSignals([rule('delay', { weeks: 20 })], series(['III']))).toEqual([]); // no DLE
  });

  it('consecutiveLow: three E-scores (or worse) in a row, not two and not with a better one in between', () => {
    const ae = { scale: 'AE' as const, instrumentId: 2, domain: 'technisch-lezen' as const };
    expect(evaluateSignals([rule('consecutiveLow', { level: 'E', count: 3 })], series(['C', 'E', 'E', 'E'], ae))).toHaveLength(1);
    expect(evaluateSignals([rule('consecutiveLow', { level: 'E', count: 3 })], series(['E', 'E'], ae))).toEqual([]);
    expect(evaluateSignals([rule('consecutiveLow', { level: 'E', count: 3 })], series(['E', 'D', 'E', 'E'], ae))).toEqual([]);
    const iv = evaluateSignals([rule('consecutiveLow', { level: 'IV', count: 3 })], series(['IV', 'V', 'V-']));
    expect(iv[0].message).toBe('3 keer achter elkaar niveau IV of lager bij Cito Rekenen-Wiskunde (M3, E3, M4).');
  });

  it('dleBehindAtGrade: ≥ 10 DLE behind at the end of groep 5, also when the pupil is in groep 6 now', () => {
    const r = series(['III', 'IV', 'IV'], { start: 4, dl: [25, 30, 35], dle: [20, 20, 27] }); // M5, E5, M6
    const s = evaluateSignals([rule('dleBehindAtGrade', { months: 10, grade: 5, part: 'E' })], r);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ moment: 'E5', reason: { params: { behind: 10, dle: 20, dl: 30 } } });
    expect(s[0].message).toBe('10 maanden DLE-achterstand eind groep 5 bij Cito Rekenen-Wiskunde: DLE 20 bij DL 30.');
    expect(evaluateSignals([rule('dleBehindAtGrade', { months: 10, grade: 5, part: 'E' })], series(['III'], { start: 5, dle: [21] }))).toEqual([]); // standard DL 30
    expect(evaluateSignals([rule('dleBehindAtGrade', { months: 10, grade: 5, part: 'E' })], series(['III'], { start: 5, dle: [20] }))).toHaveLength(1);
  });

  it('highPerformer: I+ or A, as enrichment', () => {
    const s = evaluateSignals([rule('highPerformer', { levels: ['I+', 'A'] })], series(['II', 'I+']));
    expect(s.map((x) => x.tone)).toEqual(['enrichment']);
    expect(s[0].message).toBe('Niveau I+ bij Cito Rekenen-Wiskunde (eind groep 3): mogelijk behoefte aan verrijking.');
    expect(evaluateSignals([rule('highPerformer', { levels: ['I+', 'A'] })], series(['I']))).toEqual([]);
  });

  it('skips inactive rules and domains outside the rule', () => {
    const r = series(['V']);
    expect(evaluateSignals([rule('lowLevel', { levels: ['V'] }, { active: false })], r)).toEqual([]);
    expect(evaluateSignals([rule('lowLevel', { levels: ['V'] }, { domains: ['spelling'] })], r)).toEqual([]);
    expect(evaluateSignals([rule('lowLevel', { levels: ['V'] }, { domains: ['spelling', 'rekenen-wiskunde'] })], r)).toHaveLength(1);
  });

  it('ignores level rules for instruments without a scale, and results without a level', () => {
    expect(evaluateSignals(DEFAULT_SIGNAL_RULES, series(['V', 'V', 'V'], { scale: null }))).toEqual([]);
    expect(evaluateSignals(DEFAULT_SIGNAL_RULES, series([null, null]))).toEqual([]);
    expect(evaluateSignals(DEFAULT_SIGNAL_RULES, [])).toEqual([]);
  });

  it('gives one signal per rule and instrument, concerns first', () => {
    const results = [...series(['I', 'I+'], { instrumentId: 1 }), ...series(['C', 'E'], { instrumentId: 2, scale: 'AE', domain: 'technisch-lezen' })];
    const s = evaluateSignals(DEFAULT_SIGNAL_RULES, results);
    expect(s.map((x) => [x.kind, x.instrumentId, x.tone])).toEqual([
      ['lowLevel', 2, 'concern'],
      ['levelDrop', 2, 'concern'],
      ['highPerformer', 1, 'enrichment'],
    ]);
    expect(s.every((x) => x.ruleId === null)).toBe(true);
  });

  // Properties
  const levelIV = fc.constantFrom('I+', 'I', 'II', 'III', 'IV', 'V', 'V-');
  const arbSeries = (levels: fc.Arbitrary<string>) => fc.array(levels, { minLength: 1, maxLength: 11 });

  it('a pupil whose every result is level III never gets a concern signal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 3 }), fc.double({ min: 0, max: 4.9, noNaN: true }), (n, instruments, behind) => {
        const results = Array.from({ length: instruments }, (_, k) =>
          series(Array.from({ length: n }, () => 'III'), {
            instrumentId: k + 1,
            dl: Array.from({ length: n }, (_, i) => 5 + 5 * i),
            dle: Array.from({ length: n }, (_, i) => Math.max(0, 5 + 5 * i - behind)),
          }),
        ).flat();
        expect(evaluateSignals(DEFAULT_SIGNAL_RULES, results).filter((s) => s.tone === 'concern')).toEqual([]);
      }),
    );
  });

  it('levelDrop never fires on a single result', () => {
    fc.assert(
      fc.property(levelIV, fc.integer({ min: 1, max: 4 }), (level, steps) => {
        expect(evaluateSignals([rule('levelDrop', { steps })], series([level]))).toEqual([]);
      }),
    );
  });

  it('levelDrop fires exactly when the last main level is at least `steps` below the one before', () => {
    const rank = (l: string) => ['I', 'II', 'III', 'IV', 'V'].indexOf(l.replace(/[+-]/, ''));
    fc.assert(
      fc.property(arbSeries(levelIV), fc.integer({ min: 1, max: 4 }), (levels, steps) => {
        const fired = evaluateSignals([rule('levelDrop', { steps })], series(levels)).length === 1;
        const n = levels.length;
        expect(fired).toBe(n >= 2 && rank(levels[n - 1]) - rank(levels[n - 2]) >= steps);
      }),
    );
  });

  it('does not depend on the order of the results', () => {
    fc.assert(
      fc.property(arbSeries(levelIV), arbSeries(fc.constantFrom('A', 'B', 'C', 'D', 'E')), fc.integer(), (a, b, seed) => {
        const results = [...series(a), ...series(b, { instrumentId: 2, scale: 'AE', domain: 'technisch-lezen' })];
        const shuffled = [...results].sort((x, y) => ((x.moment.charCodeAt(0) * 31 + x.instrumentId * seed) % 7) - ((y.moment.charCodeAt(0) * 31 + y.instrumentId * seed) % 7));
        expect(evaluateSignals(DEFAULT_SIGNAL_RULES, shuffled)).toEqual(evaluateSignals(DEFAULT_SIGNAL_RULES, results));
      }),
    );
  });

  it('an enrichment signal needs a top level, and every signal has a Dutch message and its rule\'s kind', () => {
    fc.assert(
      fc.property(arbSeries(levelIV), (levels) => {
        for (const s of evaluateSignals(DEFAULT_SIGNAL_RULES, series(levels))) {
          if (s.tone === 'enrichment') expect(levels[levels.length - 1]).toBe('I+');
          expect(s.message).toMatch(/Cito Rekenen-Wiskunde/);
          expect(s.reason.code).toBe(s.kind);
        }
      }),
    );
  });
});
