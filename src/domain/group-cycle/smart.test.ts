import { describe, expect, it } from 'vitest';
import type { Goal, PlanRow } from './model';
import { checkRowSmart, checkSmart, MAX_GOALS_PER_ROW, vagueTermsIn } from './smart';

const period = { periodStartsOn: '2027-02-01', periodEndsOn: '2027-06-30' };

function goal(patch: Partial<Goal> = {}): Goal {
  return {
    key: 'g1',
    domain: 'technisch-lezen',
    what: 'leest een AVI-E5 tekst vlot en foutloos voor',
    measure: 'AVI-toets en DMT in juni',
    target: 'AVI-E5 beheersing',
    instrumentId: null,
    targetLevel: null,
    targetScore: null,
    dueOn: '2027-06-15',
    ownerId: null,
    result: null,
    resultNote: '',
    attainment: {},
    carriedFrom: null,
    ...patch,
  };
}

function codes(g: Goal): string[] {
  return checkSmart(g, period).map((f) => f.code);
}

describe('checkSmart', () => {
  it('finds nothing in a SMART goal', () => {
    expect(checkSmart(goal(), period)).toEqual([]);
  });

  describe('S: specifiek', () => {
    it('flags an empty goal', () => {
      expect(codes(goal({ what: '   ' }))).toEqual(['S.empty']);
      expect(checkSmart(goal({ what: '' }), period)[0]).toMatchObject({ letter: 'S', message: expect.stringContaining('(S)') });
    });

    it('flags a goal of fewer than three words and quotes it', () => {
      const [f] = checkSmart(goal({ what: 'Tafels automatiseren' }), period);
      expect(f).toMatchObject({ letter: 'S', code: 'S.short' });
      expect(f.message).toContain('‘Tafels automatiseren’');
      expect(codes(goal({ what: 'kent alle tafels' }))).not.toContain('S.short');
    });

    it.each([
      ['weten', 'De leerlingen weten hoe je breuken optelt'],
      ['begrijpt', 'Begrijpt de strategie voor verhaaltjessommen'],
      ['kennen', 'Leerlingen kennen de regels van de klas'],
      ['beter worden', 'Gaan beter worden in spelling van werkwoorden'],
      ['verbeteren', 'Leerlingen verbeteren hun leestempo in de klas'],
      ['werken aan', 'De subgroep gaat werken aan de tafels'],
      ['oefenen', 'Ze oefenen de tafels van 6 tot 9'],
      ['leren', 'De leerlingen leren samenwerken in groepjes'],
      ['snappen', 'De kinderen snappen het verschil tussen d en t'],
      ['inzicht krijgen', 'Leerlingen inzicht krijgen in de getallenlijn tot 100'],
      ['proberen', 'Leerlingen proberen zelfstandig te werken'],
    ])('flags the vague verb ‘%s’', (term, what) => {
      const findings = checkSmart(goal({ what }), period);
      const vague = findings.find((f) => f.code === 'S.vague');
      expect(vague).toBeDefined();
      expect(vague!.letter).toBe('S');
      expect(vague!.message).toContain(`‘${term}’`);
    });

    it('matches whole words regardless of case and spacing, not inside other words', () => {
      expect(vagueTermsIn('WETEN wat je doet')).toEqual(['weten']);
      expect(vagueTermsIn('wordt   beter in lezen')).toEqual(['wordt beter']);
      expect(vagueTermsIn('herkent de klankgroepen in woorden')).toEqual([]);
      expect(vagueTermsIn('benoemt drie wetenschappers')).toEqual([]);
      expect(vagueTermsIn('verkent de wijk met een kaart')).toEqual([]);
      expect(vagueTermsIn('schrijft de leerregels op')).toEqual([]);
      expect(vagueTermsIn('maakt 8 van de 10 oefeningen goed')).toEqual([]);
      expect(vagueTermsIn('telt verder dan honderd, “weet” het antwoord')).toEqual(['weet']);
      expect(codes(goal({ what: 'herkent de klankgroepen in 8 van de 10 woorden' }))).toEqual([]);
    });

    it('names every vague term once in one finding', () => {
      const findings = checkSmart(goal({ what: 'leert en oefent en leert de tafels' }), period).filter((f) => f.code === 'S.vague');
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toContain('‘leert’, ‘oefent’');
      expect(findings[0].message).toContain('vage omschrijvingen');
    });
  });

  describe('M: meetbaar', () => {
    it('flags a goal without measure with the message users see', () => {
      const f = checkSmart(goal({ measure: ' ' }), period);
      expect(f).toEqual([{ letter: 'M', code: 'M.noMeasure', message: 'Het doel zegt niet waaraan u meet of het bereikt is (M).' }]);
    });

    it('flags a goal without any target', () => {
      expect(codes(goal({ target: '' }))).toEqual(['M.noTarget']);
      expect(codes(goal({ target: '', instrumentId: 7 }))).toEqual(['M.noTarget']);
    });

    it('accepts an instrument with a target level or score instead of target text', () => {
      expect(codes(goal({ target: '', instrumentId: 7, targetLevel: 'III' }))).toEqual([]);
      expect(codes(goal({ target: '', instrumentId: 7, targetScore: 0 }))).toEqual([]);
    });

    it('flags a target level or score without the instrument it is measured on', () => {
      expect(codes(goal({ target: '', targetLevel: 'III' }))).toEqual(['M.noInstrument']);
      expect(codes(goal({ targetScore: 45 }))).toEqual(['M.noInstrument']);
    });
  });

  describe('T: tijdgebonden', () => {
    it('flags a goal without date', () => {
      expect(codes(goal({ dueOn: null }))).toEqual(['T.noDueOn']);
    });

    it('flags a date before or after the period, with the dates in Dutch', () => {
      const [before] = checkSmart(goal({ dueOn: '2027-01-31' }), period);
      expect(before).toMatchObject({ letter: 'T', code: 'T.outsidePeriod' });
      expect(before.message).toBe('De datum 31-01-2027 valt buiten de periode van het plan (01-02-2027 t/m 30-06-2027) (T).');
      expect(codes(goal({ dueOn: '2027-07-01' }))).toEqual(['T.outsidePeriod']);
    });

    it('accepts the first and last day of the period', () => {
      expect(codes(goal({ dueOn: '2027-02-01' }))).toEqual([]);
      expect(codes(goal({ dueOn: '2027-06-30' }))).toEqual([]);
    });

    it('flags a date that does not exist', () => {
      expect(codes(goal({ dueOn: '2027-02-30' }))).toEqual(['T.invalidDate']);
      expect(codes(goal({ dueOn: '15-06-2027' }))).toEqual(['T.invalidDate']);
    });
  });

  it('reports several letters together, in S, M, T order, every message in Dutch with its letter', () => {
    const findings = checkSmart(goal({ what: 'beter worden', measure: '', target: '', dueOn: null }), period);
    expect(findings.map((f) => f.code)).toEqual(['S.short', 'S.vague', 'M.noMeasure', 'M.noTarget', 'T.noDueOn']);
    for (const f of findings) expect(f.message).toMatch(new RegExp(`\\(${f.letter}\\)\\.?$`));
  });
});

describe('checkRowSmart', () => {
  function row(n: number): PlanRow {
    return {
      key: 'r1', kind: 'cluster', clusterKey: 'intensief', pupilId: null, theme: '',
      goals: Array.from({ length: n }, (_, i) => goal({ key: `g${i + 1}` })),
      content: '', approach: '',
      organisation: { minutesPerWeek: null, who: '', where: '', moments: '' },
      evaluationPlan: { who: '', how: '', when: null },
    };
  }

  it('accepts up to three goals in a row', () => {
    expect(MAX_GOALS_PER_ROW).toBe(3);
    expect(checkRowSmart(row(0))).toEqual([]);
    expect(checkRowSmart(row(3))).toEqual([]);
  });

  it('warns (R) about more than three goals, naming the number', () => {
    const findings = checkRowSmart(row(4));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ letter: 'R', code: 'R.tooManyGoals' });
    expect(findings[0].message).toContain('4 doelen');
  });
});
