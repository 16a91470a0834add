import { describe, expect, it } from 'vitest';
import type { Goal } from './model';
import { goalMet } from './evidence';

function goal(patch: Partial<Goal> = {}): Goal {
  return {
    key: 'g1', domain: 'rekenen-wiskunde', what: 'rekent sommen tot 100 met tientaloverschrijding', measure: 'Cito rekenen M5', target: '',
    instrumentId: 4, targetLevel: null, targetScore: null, dueOn: '2027-02-15', ownerId: null, result: null, resultNote: '', attainment: {}, carriedFrom: null,
    ...patch,
  };
}
const res = (level: string | null, abilityScore: number | null = null) => ({ level, abilityScore });

describe('goalMet by level', () => {
  const g = goal({ targetLevel: 'III' });

  it('the target level or better is met, worse is not (I–V)', () => {
    expect(goalMet(g, res('III'), 'IV')).toBe(true);
    expect(goalMet(g, res('II'), 'IV')).toBe(true);
    expect(goalMet(g, res('I+'), 'IV')).toBe(true);
    expect(goalMet(g, res('IV'), 'IV')).toBe(false);
    expect(goalMet(g, res('V-'), 'IV')).toBe(false);
  });

  it('reads levels as people type them', () => {
    expect(goalMet(g, res(' iii '), 'IV')).toBe(true);
    expect(goalMet(goal({ targetLevel: 'i' }), res('I+'), 'IV')).toBe(true);
  });

  it('works on the A–E scale', () => {
    const c = goal({ targetLevel: 'C' });
    expect(goalMet(c, res('B'), 'AE')).toBe(true);
    expect(goalMet(c, res('C'), 'AE')).toBe(true);
    expect(goalMet(c, res('D'), 'AE')).toBe(false);
  });

  it('is not checkable without a level, a scale, or with a level not on the scale', () => {
    expect(goalMet(g, res(null), 'IV')).toBeNull();
    expect(goalMet(g, res('III'), null)).toBeNull();
    expect(goalMet(g, res('C'), 'IV')).toBeNull();
    expect(goalMet(goal({ targetLevel: 'C' }), res('III'), 'IV')).toBeNull();
  });
});

describe('goalMet by score', () => {
  const g = goal({ targetScore: 45 });

  it('a score at or above the target is met', () => {
    expect(goalMet(g, res(null, 45), null)).toBe(true);
    expect(goalMet(g, res(null, 52.5), 'IV')).toBe(true);
    expect(goalMet(g, res(null, 44.9), null)).toBe(false);
  });

  it('is not checkable without a score', () => {
    expect(goalMet(g, res('II'), 'IV')).toBeNull();
  });
});

describe('goalMet with both targets or none', () => {
  const both = goal({ targetLevel: 'III', targetScore: 45 });

  it('needs both when both are set', () => {
    expect(goalMet(both, res('II', 50), 'IV')).toBe(true);
    expect(goalMet(both, res('II', 40), 'IV')).toBe(false);
    expect(goalMet(both, res('IV', 50), 'IV')).toBe(false);
  });

  it('a failed target decides even when the other is not checkable; a met one alone does not', () => {
    expect(goalMet(both, res('IV', null), 'IV')).toBe(false);
    expect(goalMet(both, res('II', null), 'IV')).toBeNull();
  });

  it('is null without an instrument or without any target', () => {
    expect(goalMet(goal({ instrumentId: null, targetLevel: 'III' }), res('I'), 'IV')).toBeNull();
    expect(goalMet(goal(), res('I', 99), 'IV')).toBeNull();
    expect(goalMet(goal({ targetLevel: '  ' }), res('I'), 'IV')).toBeNull();
  });
});
