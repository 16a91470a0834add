// Status of a groepsplan: draft (concept) → active (vastgesteld, being carried out) → evaluated (geëvalueerd), and a
// reopening of an evaluated plan (the server allows that to the IB only). Overviews: draft ↔ final.
import type { OverviewStatus, PlanStatus } from './model';

const PLAN_TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  draft: ['active'],
  active: ['evaluated'],
  evaluated: ['active'],
};

/**
 * Allowed plan status changes (seed 003 ch. 4.5–4.6): draft → active (vastgesteld after the requirements check),
 * active → evaluated (after every goal has a result, ch. 4.6.2), evaluated → active (reopened). An active plan does not
 * go back to draft: changes to it are tussentijdse bijstellingen with a reason (ch. 4.6.1). Same status → false.
 */
export function canSetPlanStatus(from: PlanStatus, to: PlanStatus): boolean {
  return PLAN_TRANSITIONS[from]?.includes(to) ?? false;
}

/**
 * Whether saving the plan document needs a reason: an active plan is changed by tussentijdse bijstelling, recorded
 * with its reason and the earlier version kept (seed 003 ch. 4.6.1: adjustments noted "in een andere kleur of cursief";
 * Bijlage 10 column 6). Draft: free editing; evaluated: locked.
 */
export function needsAdjustmentReason(status: PlanStatus): boolean {
  return status === 'active';
}

/** Whether the plan document can be saved at all: not once it is evaluated (the archive stays as evaluated, ch. 4.6.2). */
export function canEditPlan(status: PlanStatus): boolean {
  return status !== 'evaluated';
}

/** Whether the evaluation (results, per-pupil attainment, reflection) can be saved: only while the plan is active. */
export function canEvaluatePlan(status: PlanStatus): boolean {
  return status === 'active';
}

/** Overview status changes: draft → final (vastgesteld, after the requirements check) and final → draft (reopened). */
export function canSetOverviewStatus(from: OverviewStatus, to: OverviewStatus): boolean {
  return from !== to && (to === 'draft' || to === 'final');
}
