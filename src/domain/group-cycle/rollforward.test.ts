import { describe, expect, it } from 'vitest';
import type { Goal, OverviewLineFields, PlanDocument, PlanRow } from './model';
import { nextPeriodOf, rollOverviewLine, rollPlan } from './rollforward';

describe('nextPeriodOf', () => {
  const periods = [
    { id: 12, startsOn: '2027-02-01', endsOn: '2027-07-16', name: 'Periode 2' },
    { id: 11, startsOn: '2026-08-24', endsOn: '2027-01-31', name: 'Periode 1' },
  ];

  it('gives the period that starts next, whatever the order of the list', () => {
    expect(nextPeriodOf(periods, 11)).toEqual(periods[0]);
  });

  it('gives null after the last period and for an unknown period', () => {
    expect(nextPeriodOf(periods, 12)).toBeNull();
    expect(nextPeriodOf(periods, 99)).toBeNull();
    expect(nextPeriodOf([], 11)).toBeNull();
  });

  it('does not reorder the given list', () => {
    nextPeriodOf(periods, 11);
    expect(periods.map((p) => p.id)).toEqual([12, 11]);
  });
});

describe('rollOverviewLine', () => {
  const prev: OverviewLineFields = {
    signalled: true,
    signalReasons: ['learningDelay', 'workAttitude'],
    stimulating: 'Werkt graag met de computer',
    hindering: 'Snel afgeleid',
    observations: 'Haakt af bij lange instructie',
    pupilVoice: 'Wil beter leren lezen',
    parentVoice: 'Ouders lezen thuis voor',
    particulars: 'Dyslexieverklaring',
    needs: [{ key: 'n1', domain: 'technisch-lezen', goal: 'leest E4 vlot', needs: 'een instructie nodig die kort en duidelijk is.', phrases: ['instructie-1'] }],
  };

  it('keeps signal, reasons, factors, particulars and needs', () => {
    const next = rollOverviewLine(prev);
    expect(next).toMatchObject({
      signalled: true,
      signalReasons: ['learningDelay', 'workAttitude'],
      stimulating: 'Werkt graag met de computer',
      hindering: 'Snel afgeleid',
      particulars: 'Dyslexieverklaring',
      needs: prev.needs,
    });
  });

  it('clears what is per period: observations, pupil voice, parent voice', () => {
    const next = rollOverviewLine(prev);
    expect(next.observations).toBe('');
    expect(next.pupilVoice).toBe('');
    expect(next.parentVoice).toBe('');
  });

  it('copies, so editing the new line leaves the previous one as it was', () => {
    const next = rollOverviewLine(prev);
    next.signalReasons.push('talent');
    next.needs[0].phrases.push('instructie-2');
    next.needs[0].goal = 'changed';
    expect(prev.signalReasons).toEqual(['learningDelay', 'workAttitude']);
    expect(prev.needs[0]).toEqual({ key: 'n1', domain: 'technisch-lezen', goal: 'leest E4 vlot', needs: 'een instructie nodig die kort en duidelijk is.', phrases: ['instructie-1'] });
  });
});

describe('rollPlan', () => {
  function goal(key: string, patch: Partial<Goal> = {}): Goal {
    return {
      key, domain: 'rekenen-wiskunde', what: `doel ${key}`, measure: 'methodetoets', target: '80 % goed', instrumentId: 3,
      targetLevel: 'III', targetScore: null, dueOn: '2027-01-29', ownerId: 5, result: null, resultNote: '', attainment: {}, carriedFrom: null,
      ...patch,
    };
  }
  function row(key: string, goals: Goal[], patch: Partial<PlanRow> = {}): PlanRow {
    return {
      key, kind: 'cluster', clusterKey: 'intensief', pupilId: null, theme: '', goals,
      content: 'Extra oefenstof blok 4', approach: 'Verlengde instructie',
      organisation: { minutesPerWeek: 60, who: 'juf Anna', where: 'instructietafel', moments: 'ma + do 9.00–9.20' },
      evaluationPlan: { who: 'juf Anna', how: 'methodetoets', when: '2027-01-29' },
      ...patch,
    };
  }
  const prev: PlanDocument = {
    attentionPoints: 'Rust bij de start van de dag',
    rows: [
      row('base', [goal('g1', { result: 'achieved', resultNote: 'goed', attainment: { '7': 'achieved' } })], { kind: 'base', clusterKey: null }),
      row('c-intensief', [
        goal('g2', { result: 'partly', resultNote: 'deels', attainment: { '7': 'achieved', '8': 'notAchieved' } }),
        goal('g3', { result: 'notAchieved', dueOn: null }),
        goal('g4', { result: 'achieved' }),
      ]),
      row('p-8', [goal('g5', { result: null, dueOn: '2027-03-01' })], { kind: 'pupil', clusterKey: null, pupilId: 8 }),
    ],
  };
  const next = { startsOn: '2027-02-01', endsOn: '2027-07-16' };

  it('keeps every row with its key, content, approach and organisation', () => {
    const out = rollPlan(prev, next);
    expect(out.rows.map((r) => r.key)).toEqual(['base', 'c-intensief', 'p-8']);
    expect(out.rows[1]).toMatchObject({ kind: 'cluster', clusterKey: 'intensief', content: 'Extra oefenstof blok 4', approach: 'Verlengde instructie' });
    expect(out.rows[1].organisation).toEqual(prev.rows[1].organisation);
    expect(out.rows[2].pupilId).toBe(8);
    expect(out.attentionPoints).toBe('Rust bij de start van de dag');
  });

  it('drops achieved goals and carries the others with a new key and the old one in carriedFrom', () => {
    const out = rollPlan(prev, next);
    expect(out.rows[0].goals).toEqual([]);
    expect(out.rows[1].goals.map((g) => g.carriedFrom)).toEqual(['g2', 'g3']);
    expect(out.rows[2].goals.map((g) => g.carriedFrom)).toEqual(['g5']);
    const keys = out.rows.flatMap((r) => r.goals.map((g) => g.key));
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(['g1', 'g2', 'g3', 'g4', 'g5']).not.toContain(k);
  });

  it('clears the evaluation of carried goals and keeps what, measure, target and owner', () => {
    const [g2] = rollPlan(prev, next).rows[1].goals;
    expect(g2).toMatchObject({ result: null, resultNote: '', attainment: {}, what: 'doel g2', measure: 'methodetoets', target: '80 % goed', instrumentId: 3, targetLevel: 'III', ownerId: 5 });
  });

  it('moves goal dates of the earlier period (or none) to the end of the next period, keeps later ones', () => {
    const out = rollPlan(prev, next);
    expect(out.rows[1].goals.map((g) => g.dueOn)).toEqual(['2027-07-16', '2027-07-16']);
    expect(out.rows[2].goals[0].dueOn).toBe('2027-03-01');
  });

  it('sets every row’s evaluation moment to the end of the next period', () => {
    const out = rollPlan(prev, next);
    expect(out.rows.map((r) => r.evaluationPlan)).toEqual(out.rows.map(() => ({ who: 'juf Anna', how: 'methodetoets', when: '2027-07-16' })));
  });

  it('leaves the previous plan untouched', () => {
    const before = JSON.stringify(prev);
    const out = rollPlan(prev, next);
    out.rows[1].organisation.who = 'meester Bas';
    out.rows[1].goals[0].attainment['9'] = 'achieved';
    expect(JSON.stringify(prev)).toBe(before);
  });

  it('rolling twice gives keys unique again and carriedFrom pointing one step back', () => {
    const first = rollPlan(prev, next);
    const second = rollPlan(first, { startsOn: '2027-08-23', endsOn: '2028-01-28' });
    const firstKeys = first.rows.flatMap((r) => r.goals.map((g) => g.key));
    expect(second.rows.flatMap((r) => r.goals.map((g) => g.carriedFrom))).toEqual(firstKeys);
    for (const g of second.rows.flatMap((r) => r.goals)) expect(firstKeys).not.toContain(g.key);
  });
});
