// Dates and the handelingsplan term: 6–8 weeks by default (seed 000), extended at most the school's number of times
// (seed 004: once, then the pupil is discussed or raised a level). Dates are ISO yyyy-mm-dd strings.
import { addDays, dutchDate, isValidIsoDate, parseIsoDate, toIsoDate } from '../school/periods';
import type { ActionPlanDoc, PlanFinding, SupportSettings } from './model';

export { addDays };

export function addWeeks(iso: string, n: number): string {
  return addDays(iso, n * 7);
}

/** Add calendar months; a day that does not exist in the target month becomes its last day (31 jan + 1 → 28/29 feb). */
export function addMonths(iso: string, n: number): string {
  const d = parseIsoDate(iso);
  const monthIndex = d.getUTCFullYear() * 12 + d.getUTCMonth() + n;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return toIsoDate(new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay))));
}

/** Days between a and b divided by seven, rounded to one decimal (negative when b is before a). */
export function weeksBetween(a: string, b: string): number {
  const days = Math.round((parseIsoDate(b).getTime() - parseIsoDate(a).getTime()) / 86_400_000);
  return Math.round((days / 7) * 10) / 10;
}

function weeksText(n: number): string {
  return `${String(n).replace('.', ',')} ${n === 1 ? 'week' : 'weken'}`;
}

/** The message when no extension is left (also used as the finding 'extensionsUsed'). */
export function extensionsUsedMessage(extensions: number, max: number): string {
  return `Dit plan is al ${extensions} keer verlengd; de school staat er ${max} toe. Bespreek de leerling in de leerlingbespreking of verhoog het niveau.`;
}

/**
 * The term of a handelingsplan: both dates needed (noDates), the end not before the start (endBeforeStart), at least
 * minWeeks for a first term (termTooShort, not after an extension), at most maxWeeks per term including extensions
 * (termTooLong: longer than maxWeeks × (1 + extensions)), and a notice when every extension is used (extensionsUsed).
 */
export function checkActionPlanTerm(
  settings: SupportSettings,
  startsOn: string | null,
  endsOn: string | null,
  extensions: number,
): PlanFinding[] {
  const findings: PlanFinding[] = [];
  const { minWeeks, maxWeeks, maxExtensions } = settings.actionPlan;
  if (extensions > 0 && extensions >= maxExtensions) {
    findings.push({ code: 'extensionsUsed', message: extensionsUsedMessage(extensions, maxExtensions), field: 'endsOn' });
  }
  const startOk = startsOn !== null && isValidIsoDate(startsOn);
  const endOk = endsOn !== null && isValidIsoDate(endsOn);
  if (!startOk || !endOk) {
    const field = !startOk ? 'startsOn' : 'endsOn';
    findings.push({ code: 'noDates', message: 'Vul een geldige startdatum en evaluatiedatum (einddatum) in.', field });
    return findings;
  }
  if (endsOn < startsOn) {
    findings.push({
      code: 'endBeforeStart',
      message: `De einddatum (${dutchDate(endsOn)}) ligt vóór de startdatum (${dutchDate(startsOn)}).`,
      field: 'endsOn',
    });
    return findings;
  }
  const weeks = weeksBetween(startsOn, endsOn);
  if (extensions === 0 && weeks < minWeeks) {
    findings.push({
      code: 'termTooShort',
      message: `Het plan duurt ${weeksText(weeks)}; de school rekent met minstens ${weeksText(minWeeks)} om effect te kunnen zien.`,
      field: 'endsOn',
    });
  }
  const max = maxWeeks * (1 + extensions);
  if (weeks > max) {
    findings.push({
      code: 'termTooLong',
      message: `Het plan duurt ${weeksText(weeks)}; de school staat hoogstens ${weeksText(maxWeeks)} per termijn toe${extensions > 0 ? ` (met ${extensions} verlenging${extensions === 1 ? '' : 'en'}: ${weeksText(max)})` : ''}.`,
      field: 'endsOn',
    });
  }
  return findings;
}

/**
 * Whether a handelingsplan may be extended to `newEndsOn`: an extension must be left, the plan must have an end date,
 * the new end must be after it and at most maxWeeks later. A Dutch message, or null when it is fine.
 */
export function checkExtension(settings: SupportSettings, doc: ActionPlanDoc, extensions: number, newEndsOn: string): string | null {
  const { maxWeeks, maxExtensions } = settings.actionPlan;
  if (extensions >= maxExtensions) return extensionsUsedMessage(extensions, maxExtensions);
  if (!isValidIsoDate(newEndsOn)) return `‘${newEndsOn}’ is geen geldige datum.`;
  if (doc.endsOn === null || !isValidIsoDate(doc.endsOn)) return 'Het plan heeft nog geen einddatum; vul die eerst in.';
  if (newEndsOn <= doc.endsOn) return `De nieuwe einddatum moet na de huidige einddatum (${dutchDate(doc.endsOn)}) liggen.`;
  const latest = addWeeks(doc.endsOn, maxWeeks);
  if (newEndsOn > latest) {
    return `Een verlenging duurt hoogstens ${weeksText(maxWeeks)}: kies uiterlijk ${dutchDate(latest)}.`;
  }
  return null;
}

/** The suggested end of a new handelingsplan: the start plus the longest term. */
export function suggestedEnd(settings: SupportSettings, startsOn: string): string {
  return addWeeks(startsOn, settings.actionPlan.maxWeeks);
}
