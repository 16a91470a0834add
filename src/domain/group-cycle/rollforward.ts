// Doorzetten naar de volgende periode (roll forward): the HGW cycle is continuous, the evaluated groepsplan feeds the
// next cycle's groepsoverzicht and groepsplan (seed 003 ch. 4.6.2, output of step 6). Pure functions; the server
// stores what they return.
import type { Goal, OverviewLineFields, PlanDocument, PlanRow } from './model';

/**
 * The period after `periodId` in time (by start date), or null at the end of the list (the school year's last period)
 * or when `periodId` is not in the list. Periods are those of one school year (seed 001/004: halves, cycles, 4 × 10 weeks).
 */
export function nextPeriodOf<P extends { id: number; startsOn: string; endsOn: string }>(periods: readonly P[], periodId: number): P | null {
  const sorted = [...periods].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : a.id - b.id));
  const at = sorted.findIndex((p) => p.id === periodId);
  if (at < 0 || at === sorted.length - 1) return null;
  return sorted[at + 1];
}

/**
 * A pupil's overview line for the next period (seed 003 Bijlage 3/4, ch. 4.1): what describes the pupil — signal and
 * reasons, stimulating and hindering factors, bijzonderheden and the needs with their goals — carries over as the
 * starting point; what was heard and seen in the period (observations, the pupil's and the parents' voice) is per
 * period and starts empty (the previous text is shown read-only next to it).
 */
export function rollOverviewLine(prev: OverviewLineFields): OverviewLineFields {
  return {
    signalled: prev.signalled,
    signalReasons: [...prev.signalReasons],
    stimulating: prev.stimulating,
    hindering: prev.hindering,
    observations: '',
    pupilVoice: '',
    parentVoice: '',
    particulars: prev.particulars,
    needs: prev.needs.map((n) => ({ ...n, phrases: [...n.phrases] })),
  };
}

/** A key not yet in `used` ('g1', 'g2', …), added to `used`. */
function freshKey(prefix: string, used: Set<string>): string {
  let n = used.size + 1;
  while (used.has(`${prefix}${n}`)) n++;
  const key = `${prefix}${n}`;
  used.add(key);
  return key;
}

/**
 * The groepsplan for the next period from an evaluated one (seed 003 ch. 4.6.2: goals not reached raise "What does
 * this mean for the new goals?"; the approach is continued or adjusted): the same rows with the same keys (subgroups, basisgroep,
 * individual pupils, their content, approach and organisation); goals evaluated as achieved are dropped; every other goal
 * is copied under a new key with `carriedFrom` = its old key and the evaluation cleared (result, note, per-pupil
 * attainment). A goal date before the next period (or none) becomes the next period's end (Bijlage 6, T), and every
 * row's evaluation moment becomes the next period's end (Bijlage 9–11, "Evaluatie — wanneer").
 */
export function rollPlan(prev: PlanDocument, next: { startsOn: string; endsOn: string }): PlanDocument {
  const used = new Set<string>();
  for (const row of prev.rows) for (const goal of row.goals) used.add(goal.key);
  const rows: PlanRow[] = prev.rows.map((row) => ({
    ...row,
    goals: row.goals
      .filter((g) => g.result !== 'achieved')
      .map(
        (g): Goal => ({
          ...g,
          key: freshKey('g', used),
          dueOn: g.dueOn === null || g.dueOn < next.startsOn ? next.endsOn : g.dueOn,
          result: null,
          resultNote: '',
          attainment: {},
          carriedFrom: g.key,
        }),
      ),
    organisation: { ...row.organisation },
    evaluationPlan: { ...row.evaluationPlan, when: next.endsOn },
  }));
  return { rows, attentionPoints: prev.attentionPoints };
}
