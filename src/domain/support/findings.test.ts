import { describe, expect, it } from 'vitest';
import type { DevelopmentPerspectiveDoc } from './model';
import { actionPlanFindings, developmentPerspectiveFindings, evaluationFindings, findingsFor } from './findings';
import { defaultSupportSettings } from './settings';
import { actionPlanDoc, goal, oppDoc } from './test-fixtures';

const settings = defaultSupportSettings('po');
const codes = (fs: { code: string }[]) => fs.map((f) => f.code);

describe('actionPlanFindings', () => {
  it('a complete plan of 8 weeks with a SMART goal has no findings', () => {
    expect(actionPlanFindings(settings, actionPlanDoc(), 0, [])).toEqual([]);
  });

  it('reports the term', () => {
    expect(codes(actionPlanFindings(settings, actionPlanDoc({ endsOn: '2026-12-31' }), 0, []))).toContain('termTooLong');
    expect(codes(actionPlanFindings(settings, actionPlanDoc({ startsOn: null }), 0, []))).toContain('noDates');
  });

  it('runs the SMART check per goal with the plan period', () => {
    const doc = actionPlanDoc({ goals: [goal(), goal({ key: 'g2', what: 'weet de tafels', measure: '', dueOn: '2026-12-01' })] });
    const f = actionPlanFindings(settings, doc, 0, []);
    expect(f.every((x) => x.code === 'smart' && x.field === 'goals.1')).toBe(true);
    const text = f.map((x) => x.message).join('\n');
    expect(text).toContain('Doel 2:');
    expect(text).toContain('(S)');
    expect(text).toContain('(M)');
    expect(text).toContain('buiten de periode van het plan (07-09-2026 t/m 02-11-2026)');
  });

  it('without valid dates a goal date is not called outside the period', () => {
    const doc = actionPlanDoc({ startsOn: null, goals: [goal({ dueOn: '2030-01-01' })] });
    expect(codes(actionPlanFindings(settings, doc, 0, []))).toEqual(['noDates']);
  });

  it('scans for the names of a plan with more pupils', () => {
    const doc = actionPlanDoc({ problem: 'Sanne en Daan lezen te langzaam.' });
    const f = actionPlanFindings(settings, doc, 0, ['Sanne', 'Sanne de Vries', 'Daan', 'Daan Bakker']);
    expect(f.map((x) => [x.code, x.field])).toEqual([['pupilNameInText', 'problem'], ['pupilNameInText', 'problem']]);
    expect(f[0].message).toBe('De naam ‘Sanne’ staat in probleem / hulpvraag; een plan voor meer leerlingen noemt geen namen.');
    expect(actionPlanFindings(settings, doc, 0, [])).toEqual([]);
  });

  it('passes the extensions to the term check', () => {
    const doc = actionPlanDoc({ endsOn: '2026-12-28' }); // 16 weeks
    expect(codes(actionPlanFindings(settings, doc, 0, []))).toContain('termTooLong');
    expect(codes(actionPlanFindings(settings, doc, 1, []))).not.toContain('termTooLong');
  });
});

describe('developmentPerspectiveFindings', () => {
  it('a complete OPP has no findings', () => {
    expect(developmentPerspectiveFindings(oppDoc())).toEqual([]);
  });

  it.each([
    ['missingExitDestination', { exitDestination: null }],
    ['missingReasoning', { reasoning: '  ' }],
    ['missingFactors', { hinderingFactors: [] }],
    ['missingFactors', { stimulatingFactors: [{ area: 'pupil', text: ' ' }] }],
    ['missingSupport', { support: '' }],
    ['pupilVoiceMissing', { pupilVoice: { heard: false, heardOn: null, text: '', notHeardReason: '' } }],
    ['pupilVoiceMissing', { pupilVoice: { heard: true, heardOn: '2026-09-10', text: '', notHeardReason: '' } }],
    ['endBeforeStart', { endsOn: '2026-08-01' }],
  ] as [string, Partial<DevelopmentPerspectiveDoc>][])('%s', (code, patch) => {
    expect(codes(developmentPerspectiveFindings(oppDoc(patch)))).toEqual([code]);
  });

  it('names which factors are missing', () => {
    const both = developmentPerspectiveFindings(oppDoc({ hinderingFactors: [], stimulatingFactors: [] }));
    expect(both).toHaveLength(1);
    expect(both[0].message).toContain('belemmerende en bevorderende factoren');
  });

  it('a pupil not heard with a reason is fine (hoorrecht recorded)', () => {
    const doc = oppDoc({ pupilVoice: { heard: false, heardOn: null, text: '', notHeardReason: 'Leerling is 4 jaar; gesproken met ouders.' } });
    expect(developmentPerspectiveFindings(doc)).toEqual([]);
  });

  it('a domain needs a growth line of at least two points', () => {
    const d = oppDoc().domains[0];
    const f = developmentPerspectiveFindings(oppDoc({ domains: [d, { ...d, key: 'd2', growth: [{ on: '2026-09-01', value: 400 }], measure: 'abilityScore' }] }));
    expect(f).toEqual([{ code: 'growthLineMissing', message: expect.stringContaining('Domein 2'), field: 'domains.1.growth' }]);
    expect(f[0].message).toContain('vaardigheidsscore');
    const invalid = developmentPerspectiveFindings(oppDoc({ domains: [{ ...d, growth: [{ on: '2026-09-01', value: 20 }, { on: 'later', value: 28 }] }] }));
    expect(codes(invalid)).toEqual(['growthLineMissing']);
  });

  it('SMART for the domain goals within the plan period', () => {
    const d = oppDoc().domains[0];
    const f = developmentPerspectiveFindings(oppDoc({ domains: [{ ...d, goals: [goal({ dueOn: '2027-09-01' })] }] }));
    expect(f).toEqual([{ code: 'smart', message: expect.stringContaining('Domein 1, tussendoel 1:'), field: 'domains.0.goals.0' }]);
    expect(f[0].message).toContain('buiten de periode');
  });
});

describe('evaluationFindings', () => {
  it('complete: every goal a result and a decision', () => {
    const doc = actionPlanDoc({ goals: [goal({ result: 'achieved' }), goal({ key: 'g2', result: 'notAchieved' })], evaluation: { summary: 'Goed', decision: 'stop' } });
    expect(evaluationFindings(doc)).toEqual([]);
  });

  it('a goal without result', () => {
    const doc = actionPlanDoc({ goals: [goal({ result: 'achieved' }), goal({ key: 'g2' })], evaluation: { summary: '', decision: 'followUp' } });
    expect(evaluationFindings(doc)).toEqual([{ code: 'evaluationIncomplete', message: expect.stringContaining('Doel 2'), field: 'goals.1.result' }]);
  });

  it('no decision', () => {
    const doc = actionPlanDoc({ goals: [goal({ result: 'partly' })] });
    expect(evaluationFindings(doc)).toEqual([{ code: 'evaluationIncomplete', message: expect.stringContaining('besluit'), field: 'evaluation.decision' }]);
  });

  it('a plan without goals needs only the decision', () => {
    expect(evaluationFindings(actionPlanDoc({ goals: [], evaluation: { summary: '', decision: 'raiseLevel' } }))).toEqual([]);
  });
});

describe('findingsFor', () => {
  it('dispatches on the document kind', () => {
    expect(findingsFor(settings, actionPlanDoc({ endsOn: '2026-09-14', goals: [goal({ dueOn: '2026-09-14' })] }), 0, []).map((f) => f.code)).toEqual(['termTooShort']);
    expect(findingsFor(settings, oppDoc({ support: '' }), 0, []).map((f) => f.code)).toEqual(['missingSupport']);
    expect(findingsFor(settings, oppDoc({ support: 'Sanne krijgt hulp' }), 0, ['Sanne']).map((f) => f.code)).toEqual(['pupilNameInText']);
  });
});
