// Findings about a plan's text (never blocking): the handelingsplan term, SMART goals (Bijlage 6), the legal core of
// the OPP (standards §1.2: uitstroombestemming with onderbouwing, belemmerende en bevorderende factoren, handelingsdeel,
// hoorrecht) and a complete evaluation; names in a plan for more than one pupil.
import { checkSmart } from '../group-cycle/smart';
import { isValidIsoDate, dutchDate } from '../school/periods';
import type { ActionPlanDoc, DevelopmentPerspectiveDoc, Goal, PlanFinding, SupportPlanDoc, SupportSettings } from './model';
import { pupilNameFindings } from './privacy';
import { checkActionPlanTerm } from './terms';

/** The goals' date range for the SMART T-check; without valid dates any due date fits (noDates says the rest). */
function periodOf(doc: { startsOn: string | null; endsOn: string | null }): { periodStartsOn: string; periodEndsOn: string } {
  const ok = doc.startsOn !== null && doc.endsOn !== null && isValidIsoDate(doc.startsOn) && isValidIsoDate(doc.endsOn) && doc.startsOn <= doc.endsOn;
  return ok ? { periodStartsOn: doc.startsOn as string, periodEndsOn: doc.endsOn as string } : { periodStartsOn: '0000-01-01', periodEndsOn: '9999-12-31' };
}

function smartFindings(goals: Goal[], period: { periodStartsOn: string; periodEndsOn: string }, path: string, label: (i: number) => string): PlanFinding[] {
  return goals.flatMap((goal, i) =>
    checkSmart(goal, period).map((f) => ({ code: 'smart' as const, message: `${label(i)}: ${f.message}`, field: `${path}.${i}` })),
  );
}

/** Handelingsplan: the term, SMART per goal (period = startsOn..endsOn) and, for a plan for more pupils, names. */
export function actionPlanFindings(settings: SupportSettings, doc: ActionPlanDoc, extensions: number, otherPupilNames: string[]): PlanFinding[] {
  return [
    ...checkActionPlanTerm(settings, doc.startsOn, doc.endsOn, extensions),
    ...smartFindings(doc.goals, periodOf(doc), 'goals', (i) => `Doel ${i + 1}`),
    ...pupilNameFindings(doc, otherPupilNames),
  ];
}

/** At least this many planned points make a growth line. */
export const MIN_GROWTH_POINTS = 2;

/**
 * OPP: uitstroombestemming and its onderbouwing, at least one belemmerende and one bevorderende factor, the
 * handelingsdeel (support), the pupil's voice or why it was not heard, a growth line of at least two points per domain,
 * SMART intermediate goals within the plan period, and an end not before the start.
 */
export function developmentPerspectiveFindings(doc: DevelopmentPerspectiveDoc): PlanFinding[] {
  const findings: PlanFinding[] = [];
  if (doc.startsOn !== null && doc.endsOn !== null && isValidIsoDate(doc.startsOn) && isValidIsoDate(doc.endsOn) && doc.endsOn < doc.startsOn) {
    findings.push({ code: 'endBeforeStart', message: `De einddatum (${dutchDate(doc.endsOn)}) ligt vóór de startdatum (${dutchDate(doc.startsOn)}).`, field: 'endsOn' });
  }
  if (doc.exitDestination === null) {
    findings.push({ code: 'missingExitDestination', message: 'Kies de verwachte uitstroombestemming.', field: 'exitDestination' });
  }
  if (doc.reasoning.trim() === '') {
    findings.push({ code: 'missingReasoning', message: 'Onderbouw de uitstroombestemming.', field: 'reasoning' });
  }
  const hindering = doc.hinderingFactors.some((f) => f.text.trim() !== '');
  const stimulating = doc.stimulatingFactors.some((f) => f.text.trim() !== '');
  if (!hindering || !stimulating) {
    const missing = !hindering && !stimulating ? 'belemmerende en bevorderende factoren' : !hindering ? 'belemmerende factoren' : 'bevorderende factoren';
    findings.push({
      code: 'missingFactors',
      message: `Noem de ${missing}: het OPP onderbouwt de uitstroombestemming met beide.`,
      field: !hindering ? 'hinderingFactors' : 'stimulatingFactors',
    });
  }
  if (doc.support.trim() === '') {
    findings.push({ code: 'missingSupport', message: 'Beschrijf de begeleiding en ondersteuning (het handelingsdeel); daar stemmen de ouders mee in.', field: 'support' });
  }
  const voice = doc.pupilVoice;
  const heard = voice.heard && voice.text.trim() !== '';
  if (!heard && voice.notHeardReason.trim() === '') {
    findings.push({
      code: 'pupilVoiceMissing',
      message: voice.heard
        ? 'Schrijf op wat de leerling heeft ingebracht (hoorrecht).'
        : 'Leg de inbreng van de leerling vast, of waarom de leerling niet gehoord is (hoorrecht).',
      field: voice.heard ? 'pupilVoice.text' : 'pupilVoice.notHeardReason',
    });
  }
  const period = periodOf(doc);
  doc.domains.forEach((d, i) => {
    const points = d.growth.filter((p) => isValidIsoDate(p.on) && Number.isFinite(p.value));
    if (points.length < MIN_GROWTH_POINTS) {
      findings.push({
        code: 'growthLineMissing',
        message: `Domein ${i + 1}: plan een groeilijn met minstens ${MIN_GROWTH_POINTS} momenten (datum en verwachte ${d.measure === 'dle' ? 'DLE' : 'vaardigheidsscore'}).`,
        field: `domains.${i}.growth`,
      });
    }
    findings.push(...smartFindings(d.goals, period, `domains.${i}.goals`, (j) => `Domein ${i + 1}, tussendoel ${j + 1}`));
  });
  return findings;
}

/** The evaluation of a handelingsplan is complete when every goal has a result and a decision is taken. */
export function evaluationFindings(doc: ActionPlanDoc): PlanFinding[] {
  const findings: PlanFinding[] = [];
  doc.goals.forEach((g, i) => {
    if (g.result === null) {
      findings.push({ code: 'evaluationIncomplete', message: `Doel ${i + 1}: geef aan of het doel bereikt is.`, field: `goals.${i}.result` });
    }
  });
  if (doc.evaluation.decision === null) {
    findings.push({
      code: 'evaluationIncomplete',
      message: 'Kies het besluit na de evaluatie: stoppen, verlengen, vervolgplan of naar een hoger niveau.',
      field: 'evaluation.decision',
    });
  }
  return findings;
}

/** The findings of a plan's working text. `otherPupilNames`: the names to keep out of a plan for more pupils ([] otherwise). */
export function findingsFor(settings: SupportSettings, doc: SupportPlanDoc, extensions: number, otherPupilNames: string[]): PlanFinding[] {
  if (doc.kind === 'actionPlan') return actionPlanFindings(settings, doc, extensions, otherPupilNames);
  return [...developmentPerspectiveFindings(doc), ...pupilNameFindings(doc, otherPupilNames)];
}
