import { describe, expect, it } from 'vitest';
import type { PlanStatus } from './model';
import { canEditPlan, canEvaluatePlan, canSetOverviewStatus, canSetPlanStatus, needsAdjustmentReason } from './lifecycle';

const STATUSES: PlanStatus[] = ['draft', 'active', 'evaluated'];

describe('canSetPlanStatus', () => {
  it('allows exactly draft→active, active→evaluated and evaluated→active', () => {
    const allowed = STATUSES.flatMap((from) => STATUSES.filter((to) => canSetPlanStatus(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['draft→active', 'active→evaluated', 'evaluated→active']);
  });

  it('refuses skipping the active phase and going back to draft', () => {
    expect(canSetPlanStatus('draft', 'evaluated')).toBe(false);
    expect(canSetPlanStatus('active', 'draft')).toBe(false);
    expect(canSetPlanStatus('evaluated', 'draft')).toBe(false);
  });

  it('refuses unknown statuses', () => {
    expect(canSetPlanStatus('archived' as PlanStatus, 'active')).toBe(false);
  });
});

describe('plan editing rules', () => {
  it('only an active plan needs a reason for a change (tussentijdse bijstelling)', () => {
    expect(STATUSES.map(needsAdjustmentReason)).toEqual([false, true, false]);
  });

  it('an evaluated plan is locked; the evaluation is saved only while active', () => {
    expect(STATUSES.map(canEditPlan)).toEqual([true, true, false]);
    expect(STATUSES.map(canEvaluatePlan)).toEqual([false, true, false]);
  });
});

describe('canSetOverviewStatus', () => {
  it('allows draft→final and final→draft, not the same status', () => {
    expect(canSetOverviewStatus('draft', 'final')).toBe(true);
    expect(canSetOverviewStatus('final', 'draft')).toBe(true);
    expect(canSetOverviewStatus('draft', 'draft')).toBe(false);
    expect(canSetOverviewStatus('final', 'final')).toBe(false);
  });
});
