import { describe, expect, it } from 'vitest';
import * as support from './index';

describe('support index', () => {
  it('re-exports the model and every rule module', () => {
    for (const name of [
      'LEVEL_PLAN_TYPES', 'SUPPORT_PLAN_KINDS', 'SUPPORT_PLAN_STATUSES', 'RESPONSE_KINDS', 'SIGNING_KINDS', 'TASK_KINDS', 'LEVEL_PRESETS',
      'supportSettingsSchema', 'LEVEL_PRESET_DEFS', 'defaultSupportSettings', 'readSupportSettings', 'levelsOfPreset',
      'canonicalJson', 'versionPayload', 'signatureRequirement', 'allowedResponses', 'checkResponse', 'signatureState',
      'addDays', 'addWeeks', 'addMonths', 'weeksBetween', 'checkActionPlanTerm', 'checkExtension', 'suggestedEnd',
      'levelDef', 'checkLevelEntry', 'periodsAtLevel', 'levelWarnings', 'currentLevelEntry',
      'canSetStatus', 'statusAfterPublish',
      'namesInDoc', 'pupilNameFindings', 'fieldLabel',
      'actionPlanFindings', 'developmentPerspectiveFindings', 'evaluationFindings', 'findingsFor',
      'oppSetBy', 'nextOppEvaluation', 'oppCandidateReasons',
      'staffTasks', 'parentTasks', 'sortTasks',
    ]) {
      expect(support, name).toHaveProperty(name);
    }
    expect(support.addWeeks('2026-09-07', 8)).toBe('2026-11-02');
  });
});
