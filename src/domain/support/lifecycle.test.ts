import { describe, expect, it } from 'vitest';
import { SUPPORT_PLAN_KINDS, SUPPORT_PLAN_STATUSES } from './model';
import { canSetStatus, statusAfterPublish } from './lifecycle';

const allowed: Record<string, string[]> = {
  actionPlan: ['draft→closed', 'active→evaluated', 'active→closed', 'evaluated→closed', 'evaluated→active'],
  developmentPerspective: ['draft→closed', 'active→closed', 'evaluated→closed', 'evaluated→active'],
};

describe('canSetStatus', () => {
  for (const kind of SUPPORT_PLAN_KINDS) {
    it(`allows exactly the listed changes for ${kind}`, () => {
      const got: string[] = [];
      for (const from of SUPPORT_PLAN_STATUSES) for (const to of SUPPORT_PLAN_STATUSES) if (canSetStatus(kind, from, to)) got.push(`${from}→${to}`);
      expect(got.sort()).toEqual([...allowed[kind]].sort());
    });
  }

  it('a draft becomes active only by publishing, and a closed plan stays closed', () => {
    expect(canSetStatus('actionPlan', 'draft', 'active')).toBe(false);
    for (const to of SUPPORT_PLAN_STATUSES) expect(canSetStatus('actionPlan', 'closed', to)).toBe(false);
  });

  it('an OPP is not "evaluated" by status (its evaluations are meetings)', () => {
    expect(canSetStatus('developmentPerspective', 'active', 'evaluated')).toBe(false);
  });
});

describe('statusAfterPublish', () => {
  it('makes a draft active and keeps other statuses', () => {
    expect(statusAfterPublish('draft')).toBe('active');
    expect(statusAfterPublish('active')).toBe('active');
    expect(statusAfterPublish('evaluated')).toBe('evaluated');
    expect(statusAfterPublish('closed')).toBe('closed');
  });
});
