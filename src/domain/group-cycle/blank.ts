// Blank pieces of the group-cycle documents, one definition for the server (new overviews and plans, the demo) and
// the web (adding a goal or a row in the editor).
import type { Goal, OverviewLineFields, PlanReflection, PlanRow } from './model';

/** A pupil's line before anyone wrote in it. */
export function emptyLineFields(): OverviewLineFields {
  return { signalled: false, signalReasons: [], stimulating: '', hindering: '', observations: '', pupilVoice: '', parentVoice: '', particulars: '', needs: [] };
}

/** The plan's reflection before the evaluation. */
export function emptyReflection(): PlanReflection {
  return { instruction: '', content: '', time: '', teacherSupport: '' };
}

/** A new goal: only its key, domain, wording and date are known. */
export function emptyGoal(key: string, domain: Goal['domain'], dueOn: string | null, what = ''): Goal {
  return {
    key, domain, what, measure: '', target: '', instrumentId: null, targetLevel: null, targetScore: null, dueOn, ownerId: null,
    result: null, resultNote: '', attainment: {}, carriedFrom: null,
  };
}

/** A new plan row of a kind; `extra` sets what is already known (its instruction group, pupil, evaluation date, …). */
export function emptyRow(key: string, kind: PlanRow['kind'], extra: Partial<PlanRow> = {}): PlanRow {
  return {
    key, kind, clusterKey: null, pupilId: null, theme: '', goals: [], content: '', approach: '',
    organisation: { minutesPerWeek: null, who: '', where: '', moments: '' },
    evaluationPlan: { who: '', how: '', when: null },
    ...extra,
  };
}
