// OPP deadlines (standards §1.2; law: the OPP is set within six weeks after the decision or enrolment, and evaluated
// with the parents at least once a school year) and the OPP-candidate flag from the signal rules (seed 002 4.9).
import { isValidIsoDate } from '../school/periods';
import type { SupportSettings } from './model';
import { addMonths, addWeeks } from './terms';

/** The date by which the OPP must be set: the decision (or enrolment) plus deadlineWeeks; null without a valid date. */
export function oppSetBy(decidedOn: string | null, settings: SupportSettings): string | null {
  if (decidedOn === null || !isValidIsoDate(decidedOn)) return null;
  return addWeeks(decidedOn, settings.developmentPerspective.deadlineWeeks);
}

/** The next evaluation with the parents: the last one (or the start) plus evaluationMonths; null without dates. */
export function nextOppEvaluation(startsOn: string | null, lastEvaluatedOn: string | null, settings: SupportSettings): string | null {
  const from = lastEvaluatedOn !== null && isValidIsoDate(lastEvaluatedOn) ? lastEvaluatedOn : startsOn;
  if (from === null || !isValidIsoDate(from)) return null;
  return addMonths(from, settings.developmentPerspective.evaluationMonths);
}

/** The reasons a pupil is an OPP candidate: the messages of signals of the school's chosen kinds, each once, in order. */
export function oppCandidateReasons(signals: { kind: string; message: string }[], settings: SupportSettings): string[] {
  const kinds = new Set(settings.oppCandidateRuleKinds);
  const reasons: string[] = [];
  for (const s of signals) if (kinds.has(s.kind) && !reasons.includes(s.message)) reasons.push(s.message);
  return reasons;
}
