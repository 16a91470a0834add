import { describe, expect, it } from 'vitest';
import { emptyGoal, emptyLineFields, emptyReflection, emptyRow } from './blank';
import { checkEvaluationComplete } from './requirements';

describe('blank pieces', () => {
  it('a new goal carries its key, domain, wording and date, and has no result yet', () => {
    const goal = emptyGoal('g1', 'spelling', '2027-02-28', 'Past de regels toe');
    expect(goal).toMatchObject({ key: 'g1', domain: 'spelling', what: 'Past de regels toe', dueOn: '2027-02-28', result: null, attainment: {}, carriedFrom: null });
    expect(checkEvaluationComplete({ rows: [emptyRow('r1', 'base', { goals: [goal] })], attentionPoints: '' })).toHaveLength(1);
  });

  it('a new row takes what is known and leaves the rest empty; blanks are fresh objects every time', () => {
    const row = emptyRow('r2', 'cluster', { clusterKey: 'intensief', evaluationPlan: { who: '', how: '', when: '2027-02-28' } });
    expect(row).toMatchObject({ kind: 'cluster', clusterKey: 'intensief', pupilId: null, goals: [], evaluationPlan: { when: '2027-02-28' } });
    emptyRow('r3', 'base').goals.push(emptyGoal('g2', 'other', null));
    expect(emptyRow('r4', 'base').goals).toEqual([]);
    expect(emptyLineFields()).not.toBe(emptyLineFields());
    expect(emptyReflection()).toEqual({ instruction: '', content: '', time: '', teacherSupport: '' });
  });
});
