import { describe, expect, it } from 'vitest';
import * as gc from './index';

describe('group-cycle index', () => {
  it('re-exports the model and every rule module', () => {
    for (const name of [
      'OVERVIEW_FORMS', 'PLAN_FORMATS', 'REQUIRED_FIELDS', 'CHECKLIST_TEMPLATES', 'GOAL_RESULTS',
      'groupCycleSettingsSchema', 'CLUSTER_PRESETS', 'defaultGroupCycleSettings', 'readGroupCycleSettings', 'planFormatFor',
      'checkSmart', 'checkRowSmart',
      'HULPZIN_STEM', 'HULPZIN_CATEGORIES', 'HULPZINNEN_SOURCE', 'composeNeeds', 'isHulpzinId',
      'CHECKLISTS', 'emptyAnswers', 'checkAnswers', 'checklistProgress',
      'checkClustering', 'suggestClusters',
      'nextPeriodOf', 'rollOverviewLine', 'rollPlan',
      'checkOverviewRequirements', 'checkPlanRequirements', 'checkEvaluationComplete', 'planRowLabel',
      'goalMet',
      'canSetPlanStatus', 'needsAdjustmentReason',
    ]) {
      expect(gc, name).toHaveProperty(name);
    }
    expect(typeof gc.checkSmart).toBe('function');
    expect(gc.HULPZIN_CATEGORIES).toHaveLength(7);
  });
});
