// Evidence for the evaluation of a groepsplan: new test results checked against a goal's target (Bijlage 6, M: "Beschrijf
// onder welke (meetbare of observeerbare) condities het doel bereikt is", so that it can be evaluated afterwards).
import { compareLevels, parseLevel, type LevelScale } from '../assessments/scales';
import type { Goal } from './model';

/**
 * Whether one result of the goal's instrument meets the goal's target:
 * - target level: the result's level is the target level or better (by main level, `compareLevels` of
 *   assessments/scales: I+ counts as I); only when the instrument has a level scale and both levels are on it;
 * - target score: the ability (or raw) score is at least the target score.
 * With both targets set both must be met. Null when the goal is not checkable against this result: no instrument on
 * the goal, no target level or score, or the result lacks what the target needs.
 */
export function goalMet(
  goal: Goal,
  result: { level: string | null; abilityScore: number | null },
  scale: LevelScale | null,
): boolean | null {
  if (goal.instrumentId === null) return null;
  const checks: boolean[] = [];
  const target = goal.targetLevel?.trim() ?? '';
  if (target !== '' && scale !== null && parseLevel(scale, target) !== null && result.level !== null && parseLevel(scale, result.level) !== null) {
    checks.push(compareLevels(scale, result.level, target) <= 0);
  }
  if (goal.targetScore !== null && typeof result.abilityScore === 'number' && Number.isFinite(result.abilityScore)) {
    checks.push(result.abilityScore >= goal.targetScore);
  }
  const wanted = (target !== '' ? 1 : 0) + (goal.targetScore !== null ? 1 : 0);
  if (checks.length === 0) return null;
  // One target checkable and false → not met; all checkable targets true but one not checkable → unknown.
  if (checks.includes(false)) return false;
  return checks.length === wanted ? true : null;
}
