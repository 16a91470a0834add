// A pupil's support level (ondersteuningsniveau) over time and the rules of the school's level model (seed 002 §4.2–4.5):
// at most N care periods in a row on a level, at most N periods per hulpvraag, the parents' consent, the plan the
// level asks for. The rules give warnings; they never block.
import { dutchDate, isValidIsoDate } from '../school/periods';
import type { LevelDef, LevelEntry, LevelWarning, SupportPlanKind, SupportSettings } from './model';
import { addDays, addMonths } from './terms';

export function levelDef(settings: SupportSettings, key: string): LevelDef | null {
  return settings.levels.find((l) => l.key === key) ?? null;
}

/**
 * A new level entry: the level must exist in the school's model, the start must be a valid date, not before the start
 * of the current entry (the history stays in order) and at most a year ahead. A Dutch message, or null.
 */
export function checkLevelEntry(
  settings: SupportSettings,
  input: { level: string; startsOn: string },
  current: LevelEntry | null,
  today: string,
): string | null {
  if (levelDef(settings, input.level) === null) return `Niveau ‘${input.level}’ bestaat niet in het niveaumodel van de school.`;
  if (!isValidIsoDate(input.startsOn)) return `‘${input.startsOn}’ is geen geldige startdatum.`;
  if (current !== null && input.startsOn < current.startsOn) {
    return `De startdatum ligt vóór de start van het huidige niveau (${dutchDate(current.startsOn)}).`;
  }
  const latest = addMonths(today, 12);
  if (input.startsOn > latest) return `De startdatum ligt meer dan een jaar vooruit; kies uiterlijk ${dutchDate(latest)}.`;
  return null;
}

function sameQuestion(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');
}

/**
 * How many care periods the pupil's latest unbroken stretch at `level` touches (with `question`: only entries for that
 * hulpvraag make up the stretch). The stretch is the newest entry at the level plus the directly preceding entries at
 * the same level without a gap. An entry's `endsOn` is the start of the next entry (the day it no longer applies); an
 * open entry runs to today. Periods starting after today do not count.
 */
export function periodsAtLevel(
  history: LevelEntry[],
  periods: { startsOn: string; endsOn: string }[],
  level: string,
  today: string,
  question?: string,
): number {
  const fits = (e: LevelEntry) => e.level === level && (question === undefined || sameQuestion(e.question, question));
  const ordered = [...history].sort((a, b) => (a.startsOn === b.startsOn ? b.id - a.id : b.startsOn.localeCompare(a.startsOn)));
  const first = ordered.findIndex(fits);
  if (first < 0) return 0;
  const newest = ordered[first];
  let spanStart = newest.startsOn;
  for (let i = first + 1; i < ordered.length; i++) {
    const older = ordered[i];
    if (!fits(older)) break;
    if (older.endsOn !== null && older.endsOn < spanStart) break; // a gap: not unbroken
    spanStart = older.startsOn;
  }
  const lastDay = newest.endsOn === null ? today : addDays(newest.endsOn, -1);
  const end = lastDay < today ? lastDay : today;
  if (end < spanStart) return 0;
  return periods.filter((p) => p.startsOn <= end && p.endsOn >= spanStart).length;
}

/**
 * The entry that applies today: started on or before today and not ended by today (an entry ends the day the next one
 * starts; a level decided for a later date is not current yet). The newest start wins; null when none applies.
 */
export function currentLevelEntry(history: LevelEntry[], today: string): LevelEntry | null {
  let current: LevelEntry | null = null;
  for (const e of history) {
    if (e.startsOn > today || (e.endsOn !== null && e.endsOn <= today)) continue;
    if (current === null || e.startsOn > current.startsOn || (e.startsOn === current.startsOn && e.id > current.id)) current = e;
  }
  return current;
}

const PLAN_NAMES: Record<SupportPlanKind, string> = {
  actionPlan: 'handelingsplan',
  developmentPerspective: 'ontwikkelingsperspectief (OPP)',
};

function periodsText(n: number): string {
  return `${n} ${n === 1 ? 'zorgperiode' : 'zorgperiodes'}`;
}

/**
 * Warnings for the pupil's current level: an unknown level (the school changed its model), more care periods in a row
 * than the level allows (maxPeriods), more periods for the same hulpvraag than allowed (maxPeriodsPerQuestion), the
 * parents' consent not recorded (requiresConsent), and no active plan of the kind the level asks for (planMissing).
 */
export function levelWarnings(
  settings: SupportSettings,
  history: LevelEntry[],
  periods: { startsOn: string; endsOn: string }[],
  today: string,
  activePlanKinds: SupportPlanKind[],
): LevelWarning[] {
  const current = currentLevelEntry(history, today);
  if (current === null) return [];
  const def = levelDef(settings, current.level);
  if (def === null) {
    return [{
      code: 'unknownLevel',
      level: current.level,
      message: `Niveau ‘${current.level}’ staat niet (meer) in het niveaumodel van de school; kies een geldig niveau.`,
    }];
  }
  const warnings: LevelWarning[] = [];
  if (def.maxPeriods !== null) {
    const n = periodsAtLevel(history, periods, def.key, today);
    if (n > def.maxPeriods) {
      warnings.push({
        code: 'maxPeriods',
        level: def.key,
        message: `De leerling zit al ${periodsText(n)} op ${def.label}; de school staat er hoogstens ${def.maxPeriods} toe. Bespreek of een ander niveau nodig is.`,
      });
    }
  }
  if (def.maxPeriodsPerQuestion !== null) {
    const n = periodsAtLevel(history, periods, def.key, today, current.question);
    if (n > def.maxPeriodsPerQuestion) {
      const q = current.question.trim();
      warnings.push({
        code: 'maxPeriodsPerQuestion',
        level: def.key,
        message: `De leerling zit al ${periodsText(n)} op ${def.label} voor ${q === '' ? 'dezelfde hulpvraag' : `de hulpvraag ‘${q}’`}; de school staat er hoogstens ${def.maxPeriodsPerQuestion} per hulpvraag toe.`,
      });
    }
  }
  if (def.requiresConsent && !current.consentOn) {
    warnings.push({
      code: 'consentMissing',
      level: def.key,
      message: `Voor ${def.label} is schriftelijke toestemming van de ouders nodig; die is nog niet vastgelegd.`,
    });
  }
  if ((def.planType === 'actionPlan' || def.planType === 'developmentPerspective') && !activePlanKinds.includes(def.planType)) {
    warnings.push({
      code: 'planMissing',
      level: def.key,
      message: `Bij ${def.label} hoort een ${PLAN_NAMES[def.planType]}, maar er is geen lopend ${PLAN_NAMES[def.planType]}.`,
    });
  }
  return warnings;
}
