import { describe, expect, it } from 'vitest';
import type { Goal, OverviewLineFields, PlanDocument, PlanRow, RequiredField } from './model';
import { REQUIRED_FIELDS } from './model';
import { checkEvaluationComplete, checkOverviewRequirements, checkPlanRequirements, planRowLabel } from './requirements';

function fields(patch: Partial<OverviewLineFields> = {}): OverviewLineFields {
  return {
    signalled: true, signalReasons: [], stimulating: 'sportief', hindering: 'faalangst', observations: 'werkt traag',
    pupilVoice: '', parentVoice: '', particulars: '',
    needs: [{ key: 'n1', domain: 'spelling', goal: 'schrijft de werkwoorden goed', needs: 'een instructie nodig die kort is.', phrases: [] }],
    ...patch,
  };
}

describe('checkOverviewRequirements', () => {
  const all: RequiredField[] = ['overview.needsForSignalled', 'overview.factors', 'overview.observations'];

  it('finds nothing when every signalled pupil is complete', () => {
    expect(checkOverviewRequirements(all, [{ pupilId: 1, name: 'Sanne de Vries', fields: fields() }])).toEqual([]);
  });

  it('checks only signalled pupils', () => {
    const empty = fields({ signalled: false, needs: [], stimulating: '', hindering: '', observations: '' });
    expect(checkOverviewRequirements(all, [{ pupilId: 1, name: 'Sanne', fields: empty }])).toEqual([]);
  });

  it('names the signalled pupil without a need', () => {
    const problems = checkOverviewRequirements(['overview.needsForSignalled'], [
      { pupilId: 1, name: 'Sanne de Vries', fields: fields() },
      { pupilId: 2, name: 'Daan Jansen', fields: fields({ needs: [] }) },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'overview.needsForSignalled', pupilId: 2 });
    expect(problems[0].message).toContain('Daan Jansen is gesignaleerd');
    expect(problems[0].message).toContain('nog geen onderwijsbehoefte');
  });

  it('needs a need with both goal and what is needed; half-filled needs do not count', () => {
    const half = fields({
      needs: [
        { key: 'n1', domain: 'spelling', goal: 'schrijft de werkwoorden goed', needs: ' ', phrases: [] },
        { key: 'n2', domain: 'rekenen-wiskunde', goal: '', needs: 'meer leertijd', phrases: [] },
      ],
    });
    const [p] = checkOverviewRequirements(['overview.needsForSignalled'], [{ pupilId: 3, name: 'Noor', fields: half }]);
    expect(p).toMatchObject({ pupilId: 3, field: 'overview.needsForSignalled' });
    expect(p.message).toContain('zowel het doel als wat deze leerling nodig heeft');
    const withOne = fields({ needs: [...half.needs, { key: 'n3', domain: 'spelling', goal: 'x', needs: 'y', phrases: [] }] });
    expect(checkOverviewRequirements(['overview.needsForSignalled'], [{ pupilId: 3, name: 'Noor', fields: withOne }])).toEqual([]);
  });

  it('names which factors are missing', () => {
    const [both] = checkOverviewRequirements(['overview.factors'], [{ pupilId: 4, name: 'Lotte', fields: fields({ stimulating: '', hindering: '' }) }]);
    expect(both).toEqual({ field: 'overview.factors', pupilId: 4, message: 'Bij Lotte (gesignaleerd) ontbreken de stimulerende en belemmerende factoren.' });
    const [one] = checkOverviewRequirements(['overview.factors'], [{ pupilId: 4, name: 'Lotte', fields: fields({ hindering: '  ' }) }]);
    expect(one.message).toBe('Bij Lotte (gesignaleerd) ontbreken de belemmerende factoren.');
  });

  it('checks observations only when required', () => {
    const line = { pupilId: 5, name: 'Milan', fields: fields({ observations: '' }) };
    expect(checkOverviewRequirements(['overview.needsForSignalled'], [line])).toEqual([]);
    expect(checkOverviewRequirements(['overview.observations'], [line])).toEqual([
      { field: 'overview.observations', pupilId: 5, message: 'Bij Milan (gesignaleerd) ontbreken de uitkomsten van observaties en gesprekken.' },
    ]);
  });

  it('checks nothing when nothing is required', () => {
    expect(checkOverviewRequirements([], [{ pupilId: 1, name: 'X', fields: fields({ needs: [], observations: '' }) }])).toEqual([]);
  });
});

function goal(key: string, patch: Partial<Goal> = {}): Goal {
  return {
    key, domain: 'spelling', what: 'schrijft 8 van de 10 werkwoorden goed', measure: 'dictee', target: '8 van 10', instrumentId: null,
    targetLevel: null, targetScore: null, dueOn: '2027-06-30', ownerId: null, result: null, resultNote: '', attainment: {}, carriedFrom: null,
    ...patch,
  };
}
function row(key: string, patch: Partial<PlanRow> = {}): PlanRow {
  return {
    key, kind: 'cluster', clusterKey: 'intensief', pupilId: null, theme: '', goals: [goal(`${key}-g1`)], content: '', approach: '',
    organisation: { minutesPerWeek: 40, who: 'juf Anna', where: '', moments: 'di 10.00' },
    evaluationPlan: { who: 'juf Anna', how: 'dictee', when: '2027-06-30' },
    ...patch,
  };
}
const clusters = [{ key: 'intensief', label: 'Intensief' }, { key: 'verrijkt', label: 'Verrijkt' }];

describe('planRowLabel', () => {
  it('names rows as the Bijlagen print them', () => {
    expect(planRowLabel(row('b', { kind: 'base', clusterKey: null }), 'crossSubject')).toBe('Basisgroep');
    expect(planRowLabel(row('b', { kind: 'base', clusterKey: null }), 'convergent')).toBe('Basisaanbod');
    expect(planRowLabel(row('c'), 'convergent', { clusters })).toBe('Intensief');
    expect(planRowLabel(row('c', { clusterKey: 'onbekend' }), 'convergent', { clusters })).toBe('Subgroep onbekend');
    expect(planRowLabel(row('p', { kind: 'pupil', clusterKey: null, pupilId: 8 }), 'divergent', { pupils: { 8: 'Sanne de Vries' } })).toBe('Leerling Sanne de Vries');
    expect(planRowLabel(row('p', { kind: 'pupil', clusterKey: null, pupilId: 9 }), 'divergent')).toBe('Individuele leerling');
    expect(planRowLabel(row('t', { kind: 'base', clusterKey: null, theme: 'Herfst' }), 'theme')).toBe('Hele groep, thema ‘Herfst’');
  });
});

describe('checkPlanRequirements', () => {
  const all = [...REQUIRED_FIELDS];

  it('finds nothing in a complete plan', () => {
    const doc: PlanDocument = { attentionPoints: '', rows: [row('base', { kind: 'base', clusterKey: null }), row('r1')] };
    expect(checkPlanRequirements(all, doc, 'convergent', { clusters })).toEqual([]);
  });

  it('names row and goal of a goal without measure or date', () => {
    const doc: PlanDocument = { attentionPoints: '', rows: [row('r1', { goals: [goal('g1'), goal('g2', { measure: ' ', dueOn: null })] })] };
    const problems = checkPlanRequirements(['plan.goalMeasure', 'plan.goalDueOn'], doc, 'convergent', { clusters });
    expect(problems).toEqual([
      { field: 'plan.goalMeasure', rowKey: 'r1', goalKey: 'g2', message: 'Intensief: bij het doel ‘schrijft 8 van de 10 werkwoorden goed’ staat niet waaraan u meet of het bereikt is.' },
      { field: 'plan.goalDueOn', rowKey: 'r1', goalKey: 'g2', message: 'Intensief: bij het doel ‘schrijft 8 van de 10 werkwoorden goed’ staat niet wanneer het bereikt moet zijn.' },
    ]);
  });

  it('names a goal without text by its number and shortens long goal text', () => {
    const long = 'a'.repeat(80);
    const doc: PlanDocument = { attentionPoints: '', rows: [row('r1', { goals: [goal('g1', { what: '', measure: '' }), goal('g2', { what: long, measure: '' })] })] };
    const [first, second] = checkPlanRequirements(['plan.goalMeasure'], doc, 'convergent');
    expect(first.message).toContain('bij doel 1 staat');
    expect(second.message).toContain(`‘${'a'.repeat(57)}…’`);
  });

  it('requires who, minutes and when for subgroup and pupil rows, not for the basisaanbod', () => {
    const doc: PlanDocument = {
      attentionPoints: '',
      rows: [
        row('base', { kind: 'base', clusterKey: null, organisation: { minutesPerWeek: null, who: '', where: '', moments: '' } }),
        row('r1', { organisation: { minutesPerWeek: 0, who: 'juf Anna', where: '', moments: '' } }),
        row('p8', { kind: 'pupil', clusterKey: null, pupilId: 8, organisation: { minutesPerWeek: 20, who: '', where: '', moments: 'vr' } }),
      ],
    };
    expect(checkPlanRequirements(['plan.organisation'], doc, 'convergent', { clusters, pupils: { 8: 'Sanne' } })).toEqual([
      { field: 'plan.organisation', rowKey: 'r1', message: 'Intensief: bij de organisatie ontbreken minuten per week en wanneer.' },
      { field: 'plan.organisation', rowKey: 'p8', message: 'Leerling Sanne: bij de organisatie ontbreekt wie.' },
    ]);
  });

  it('requires who, how and when of the evaluation for every row, the basisgroep included', () => {
    const doc: PlanDocument = {
      attentionPoints: '',
      rows: [row('base', { kind: 'base', clusterKey: null, evaluationPlan: { who: '', how: '', when: null } }), row('r1')],
    };
    expect(checkPlanRequirements(['plan.evaluationPlan'], doc, 'crossSubject')).toEqual([
      { field: 'plan.evaluationPlan', rowKey: 'base', message: 'Basisgroep: bij de evaluatie ontbreken wie, hoe en wanneer.' },
    ]);
  });

  it('checks only what the school requires', () => {
    const doc: PlanDocument = {
      attentionPoints: '',
      rows: [row('r1', { goals: [goal('g1', { measure: '', dueOn: null })], organisation: { minutesPerWeek: null, who: '', where: '', moments: '' } })],
    };
    expect(checkPlanRequirements([], doc, 'convergent')).toEqual([]);
    expect(checkPlanRequirements(['plan.goalDueOn'], doc, 'convergent').map((p) => p.field)).toEqual(['plan.goalDueOn']);
    expect(checkPlanRequirements(['overview.factors'], doc, 'convergent')).toEqual([]);
  });
});

describe('checkEvaluationComplete', () => {
  it('finds nothing when every goal has a result', () => {
    const doc: PlanDocument = { attentionPoints: '', rows: [row('r1', { goals: [goal('g1', { result: 'partly' }), goal('g2', { result: 'achieved' })] })] };
    expect(checkEvaluationComplete(doc)).toEqual([]);
  });

  it('names each goal without result, in Dutch', () => {
    const doc: PlanDocument = {
      attentionPoints: '',
      rows: [row('base', { kind: 'base', clusterKey: null, goals: [goal('g1', { result: 'notAchieved' })] }), row('r1', { goals: [goal('g2')] })],
    };
    const problems = checkEvaluationComplete(doc, 'convergent', { clusters });
    expect(problems).toEqual([
      { field: 'plan.evaluationPlan', rowKey: 'r1', goalKey: 'g2', message: 'Intensief: bij het doel ‘schrijft 8 van de 10 werkwoorden goed’ is nog niet ingevuld of het doel bereikt is.' },
    ]);
  });

  it('a plan without goals has nothing left to evaluate', () => {
    expect(checkEvaluationComplete({ attentionPoints: '', rows: [row('r1', { goals: [] })] })).toEqual([]);
  });
});
