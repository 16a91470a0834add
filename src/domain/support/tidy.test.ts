import { describe, expect, it } from 'vitest';
import { withoutEmptyRows } from './tidy';
import type { ActionPlanDoc, DevelopmentPerspectiveDoc } from './model';

describe('withoutEmptyRows', () => {
  it('drops OPP factors without text and involved persons without any detail, keeps the rest in order', () => {
    const doc = {
      kind: 'developmentPerspective',
      hinderingFactors: [{ area: 'pupil', text: '  ' }, { area: 'home', text: 'Verhuizing' }],
      stimulatingFactors: [{ area: 'education', text: '' }],
      involved: [{ name: '', role: '', organisation: ' ' }, { name: '', role: 'orthopedagoog', organisation: '' }],
    } as unknown as DevelopmentPerspectiveDoc;
    const out = withoutEmptyRows(doc);
    expect(out.hinderingFactors).toEqual([{ area: 'home', text: 'Verhuizing' }]);
    expect(out.stimulatingFactors).toEqual([]);
    expect(out.involved).toEqual([{ name: '', role: 'orthopedagoog', organisation: '' }]);
  });

  it('leaves a handelingsplan as it is', () => {
    const doc = { kind: 'actionPlan', goals: [] } as unknown as ActionPlanDoc;
    expect(withoutEmptyRows(doc)).toBe(doc);
  });
});
