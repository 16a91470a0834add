// Required fields (verplichte velden) a school checks before an overview or plan is set (vastgesteld) or evaluated.
// Drafts always save; these checks only gate the status change, and each problem names the pupil or row and goal.
import type { ClusterDef, Goal, OverviewLineFields, PlanDocument, PlanFormat, PlanRow, RequiredField, RequirementProblem } from './model';

function filled(text: string | null | undefined): boolean {
  return typeof text === 'string' && text.trim() !== '';
}

/** The first words of a goal for a message: ‘leest een AVI-E5 tekst vlot voor’ (shortened to 60 characters). */
function goalName(goal: Goal, index: number): string {
  const what = goal.what.trim().replace(/\s+/g, ' ');
  if (!what) return `doel ${index + 1}`;
  return `het doel ‘${what.length > 60 ? `${what.slice(0, 57).trimEnd()}…` : what}’`;
}

/** Names to use in messages: the school's cluster labels and pupils' names by id. */
export interface PlanLabels {
  clusters?: readonly ClusterDef[];
  pupils?: Readonly<Record<number, string>>;
}

/**
 * The Dutch name of a plan row as the Bijlagen print it: "Basisgroep" (vakoverstijgend, Bijlage 9), "Basisaanbod"
 * (vakspecifiek, Bijlage 10), "Hele groep" (thema-planning), the cluster's label (Subgroep, Bijlage 9–11) and the
 * pupil's name ("Leerling x", incidenteel); a theme is added in the thema-planning.
 */
export function planRowLabel(row: PlanRow, format: PlanFormat, labels: PlanLabels = {}): string {
  let label: string;
  if (row.kind === 'base') {
    label = format === 'crossSubject' ? 'Basisgroep' : format === 'theme' ? 'Hele groep' : 'Basisaanbod';
  } else if (row.kind === 'cluster') {
    const def = labels.clusters?.find((c) => c.key === row.clusterKey);
    label = def ? def.label : `Subgroep ${row.clusterKey ?? ''}`.trim();
  } else {
    const name = row.pupilId !== null ? labels.pupils?.[row.pupilId] : undefined;
    label = name ? `Leerling ${name}` : 'Individuele leerling';
  }
  if (format === 'theme' && filled(row.theme)) label += `, thema ‘${row.theme.trim()}’`;
  return label;
}

/**
 * Required fields of a groepsoverzicht, checked for signalled pupils (Bijlage 3/4 column S; Bijlage 7a items a–e:
 * "Zijn de onderwijsbehoeften benoemd van de leerlingen die bij stap 2 gesignaleerd zijn?"):
 * - `overview.needsForSignalled`: at least one need with both a goal and what the pupil needs (Bijlage 3 column 10);
 * - `overview.factors`: stimulating and hindering factors (Bijlage 5 item 1f);
 * - `overview.observations`: outcomes of observations and conversations (Bijlage 3 column 8, Bijlage 5 items 1c–1e).
 * Only the fields in `required` are checked; problems come per pupil, in the order of `lines`.
 */
export function checkOverviewRequirements(
  required: readonly RequiredField[],
  lines: readonly { pupilId: number; name: string; fields: OverviewLineFields }[],
): RequirementProblem[] {
  const want = new Set(required);
  const problems: RequirementProblem[] = [];
  for (const { pupilId, name, fields } of lines) {
    if (!fields.signalled) continue;
    if (want.has('overview.needsForSignalled')) {
      const complete = fields.needs.some((n) => filled(n.goal) && filled(n.needs));
      if (!complete) {
        const message =
          fields.needs.length === 0
            ? `${name} is gesignaleerd, maar heeft nog geen onderwijsbehoefte. Vul een doel in en wat deze leerling nodig heeft om het te bereiken.`
            : `${name} is gesignaleerd, maar bij geen enkele onderwijsbehoefte staan zowel het doel als wat deze leerling nodig heeft om het te bereiken.`;
        problems.push({ field: 'overview.needsForSignalled', pupilId, message });
      }
    }
    if (want.has('overview.factors')) {
      const missing = [!filled(fields.stimulating) && 'stimulerende', !filled(fields.hindering) && 'belemmerende'].filter(Boolean);
      if (missing.length > 0) {
        problems.push({
          field: 'overview.factors',
          pupilId,
          message: `Bij ${name} (gesignaleerd) ontbreken de ${missing.join(' en ')} factoren.`,
        });
      }
    }
    if (want.has('overview.observations') && !filled(fields.observations)) {
      problems.push({
        field: 'overview.observations',
        pupilId,
        message: `Bij ${name} (gesignaleerd) ontbreken de uitkomsten van observaties en gesprekken.`,
      });
    }
  }
  return problems;
}

function listNl(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}

/**
 * Required fields of a groepsplan (Bijlage 6 SMART; Bijlage 9–11 columns; Bijlage 14 planwijzer):
 * - `plan.goalMeasure`: every goal says how it is measured or observed (M; planwijzer "Zijn de doelen meetbaar/observeerbaar?");
 * - `plan.goalDueOn`: every goal has a date (T);
 * - `plan.organisation`: every subgroup and individual row says who, minutes per week and when (Bijlage 9 column 4
 *   "Wie doet wat, wanneer en hoe vaak?"; the basisgroep/basisaanbod is the daily lesson and is not checked);
 * - `plan.evaluationPlan`: every row says who evaluates, how and when (Bijlage 9–11 "Evaluatie — Wie, hoe en wanneer?").
 * Problems name the row (via `planRowLabel`) and goal; `labels` supplies cluster and pupil names.
 */
export function checkPlanRequirements(
  required: readonly RequiredField[],
  doc: PlanDocument,
  format: PlanFormat,
  labels: PlanLabels = {},
): RequirementProblem[] {
  const want = new Set(required);
  const problems: RequirementProblem[] = [];
  for (const row of doc.rows) {
    const rowName = planRowLabel(row, format, labels);
    row.goals.forEach((goal, i) => {
      if (want.has('plan.goalMeasure') && !filled(goal.measure)) {
        problems.push({
          field: 'plan.goalMeasure',
          rowKey: row.key,
          goalKey: goal.key,
          message: `${rowName}: bij ${goalName(goal, i)} staat niet waaraan u meet of het bereikt is.`,
        });
      }
      if (want.has('plan.goalDueOn') && !goal.dueOn) {
        problems.push({
          field: 'plan.goalDueOn',
          rowKey: row.key,
          goalKey: goal.key,
          message: `${rowName}: bij ${goalName(goal, i)} staat niet wanneer het bereikt moet zijn.`,
        });
      }
    });
    if (want.has('plan.organisation') && row.kind !== 'base') {
      const o = row.organisation;
      const missing = [
        !filled(o.who) && 'wie',
        !(typeof o.minutesPerWeek === 'number' && o.minutesPerWeek > 0) && 'minuten per week',
        !filled(o.moments) && 'wanneer',
      ].filter((m): m is string => typeof m === 'string');
      if (missing.length > 0) {
        problems.push({ field: 'plan.organisation', rowKey: row.key, message: `${rowName}: bij de organisatie ${missing.length === 1 ? 'ontbreekt' : 'ontbreken'} ${listNl(missing)}.` });
      }
    }
    if (want.has('plan.evaluationPlan')) {
      const e = row.evaluationPlan;
      const missing = [!filled(e.who) && 'wie', !filled(e.how) && 'hoe', !filled(e.when) && 'wanneer'].filter(
        (m): m is string => typeof m === 'string',
      );
      if (missing.length > 0) {
        problems.push({ field: 'plan.evaluationPlan', rowKey: row.key, message: `${rowName}: bij de evaluatie ${missing.length === 1 ? 'ontbreekt' : 'ontbreken'} ${listNl(missing)}.` });
      }
    }
  }
  return problems;
}

/**
 * Before a plan is set to evaluated, every goal has a result (seed 003 ch. 4.6.2: "Zijn de … gestelde doelen
 * bereikt?"; Bijlage 9 "Na afronding van het groepsplan vult de mentor ter evaluatie in of de gestelde doelen bereikt
 * zijn"). Not a school setting but always required; the problems carry field `plan.evaluationPlan`.
 */
export function checkEvaluationComplete(doc: PlanDocument, format: PlanFormat = 'convergent', labels: PlanLabels = {}): RequirementProblem[] {
  const problems: RequirementProblem[] = [];
  for (const row of doc.rows) {
    const rowName = planRowLabel(row, format, labels);
    row.goals.forEach((goal, i) => {
      if (goal.result === null || goal.result === undefined) {
        problems.push({
          field: 'plan.evaluationPlan',
          rowKey: row.key,
          goalKey: goal.key,
          message: `${rowName}: bij ${goalName(goal, i)} is nog niet ingevuld of het doel bereikt is.`,
        });
      }
    });
  }
  return problems;
}
