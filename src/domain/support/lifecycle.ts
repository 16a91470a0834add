// Status of a support plan: draft (never published) → active (published) → evaluated (handelingsplan) → closed, with
// a reopening of an evaluated plan. Publishing a draft makes it active.
import type { SupportPlanKind, SupportPlanStatus } from './model';

/**
 * Allowed status changes: draft → closed (withdrawn without publishing), active → evaluated (handelingsplan only: the
 * evaluation per goal and the decision are recorded), active → closed, evaluated → closed, evaluated → active
 * (reopened). draft → active happens by publishing (statusAfterPublish), never by setting the status. Same status → false.
 */
export function canSetStatus(kind: SupportPlanKind, from: SupportPlanStatus, to: SupportPlanStatus): boolean {
  if (from === 'draft') return to === 'closed';
  if (from === 'active') return to === 'closed' || (to === 'evaluated' && kind === 'actionPlan');
  if (from === 'evaluated') return to === 'closed' || to === 'active';
  return false;
}

/** The status after a version is published: a draft becomes active; any other status stays. */
export function statusAfterPublish(status: SupportPlanStatus): SupportPlanStatus {
  return status === 'draft' ? 'active' : status;
}
