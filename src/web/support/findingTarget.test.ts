import { describe, expect, it } from 'vitest';
import { emptyGoal } from '../../domain/group-cycle/blank';
import type { ActionPlanDoc, DevelopmentPerspectiveDoc } from '../../domain/support/model';
import { findingTarget } from './findingTarget';

const org = { who: '', where: '', when: '', frequency: '', minutesPerWeek: null, place: 'inGroup' as const };

const hp: ActionPlanDoc = {
  kind: 'actionPlan', format: 'crossSubject', subject: '', startsOn: '2026-11-24', endsOn: '2027-01-19', problem: '', expectation: '', needs: '',
  goals: [emptyGoal('g1', 'spelling', null), emptyGoal('g7', 'spelling', null)], content: '', approach: '', organisation: org,
  evaluationPlan: { how: '', who: '' }, parentAgreements: '', evaluation: { summary: '', decision: null },
};

const opp: DevelopmentPerspectiveDoc = {
  kind: 'developmentPerspective', startsOn: null, endsOn: null, exitDestination: null, reasoning: '', hinderingFactors: [], stimulatingFactors: [],
  needs: '', support: '', deviations: '', organisation: org,
  domains: [{ key: 'd2', domain: 'rekenen-wiskunde', endGoal: '', measure: 'dle', instrumentId: null, growth: [], goals: [emptyGoal('o1', 'rekenen-wiskunde', null)] }],
  pupilVoice: { heard: false, heardOn: null, text: '', notHeardReason: '' }, involved: [], parentAgreements: '',
};

describe('findingTarget', () => {
  it('points handelingsplan fields at their controls, goals by their key', () => {
    expect(findingTarget(hp, 'endsOn')).toBe('hp-ends');
    expect(findingTarget(hp, 'goals.1')).toBe('sgoal-g7-what');
    expect(findingTarget(hp, 'goals.1.dueOn')).toBe('sgoal-g7-due');
    expect(findingTarget(hp, 'goals.0.result')).toBe('hp-result-g1');
    expect(findingTarget(hp, 'evaluation.decision')).toBe('hp-decision');
    expect(findingTarget(hp, 'organisation.minutesPerWeek')).toBe('hp-org-minutes');
  });

  it('points OPP fields at their controls, per domain by its key', () => {
    expect(findingTarget(opp, 'exitDestination')).toBe('opp-exit');
    expect(findingTarget(opp, 'domains.0.growth')).toBe('opp-d-d2-growth-add');
    expect(findingTarget(opp, 'domains.0.goals.0.measure')).toBe('sgoal-o1-measure');
    expect(findingTarget(opp, 'pupilVoice.notHeardReason')).toBe('opp-not-heard');
    expect(findingTarget(opp, 'hinderingFactors')).toBe('opp-hindering-add');
    expect(findingTarget(opp, 'stimulatingFactors.1.text')).toBe('opp-stimulating-1-text');
  });

  it('gives a section heading for an item that is gone, and null for unknown or missing fields', () => {
    expect(findingTarget(hp, 'goals.9.what')).toBe('hp-goals-title');
    expect(findingTarget(opp, 'domains.3.growth')).toBe('opp-domains-title');
    expect(findingTarget(hp, 'title')).toBeNull();
    expect(findingTarget(opp, undefined)).toBeNull();
  });
});
