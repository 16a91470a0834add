// "Mijn taken": facts in, tasks out. Staff: handelingsplannen to evaluate, OPPs ending, to be set within six weeks or
// due for their yearly evaluation, signatures outstanding, level caps, consent not recorded, OPP candidates. Parents:
// versions waiting for their response. The web renders a task from `kind` + `params`; `message` is the Dutch text.
import { dutchDate } from '../school/periods';
import type {
  LevelDef, LevelWarning, SupportPlanKind, SupportPlanStatus, SupportSettings, Task, TaskKind, VersionSignatureState,
} from './model';
import { TASK_KINDS } from './model';
import { nextOppEvaluation, oppSetBy } from './deadlines';
import { addDays, addWeeks } from './terms';

export interface TaskPlanFacts {
  id: number;
  kind: SupportPlanKind;
  status: SupportPlanStatus;
  title: string;
  startsOn: string | null;
  endsOn: string | null;
  decidedOn: string | null;
  lastEvaluatedOn: string | null;
  latestVersion: number;
  pupils: { id: number; name: string }[];
  /** Signature state of the latest version per pupil id (absent when never published). */
  signatures: Record<number, VersionSignatureState>;
}

export interface TaskLevelFacts {
  pupilId: number;
  name: string;
  level: LevelDef;
  since: string;
  warnings: LevelWarning[];
  /** An OPP that is not closed (draft counts). */
  hasOpp: boolean;
}

function planPupil(plan: TaskPlanFacts): { pupilId: number | null; pupilName: string } {
  if (plan.pupils.length === 0) return { pupilId: null, pupilName: '' };
  const sorted = [...plan.pupils].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return { pupilId: sorted[0].id, pupilName: sorted.map((p) => p.name).join(', ') };
}

function dated(today: string, dueOn: string): { dueOn: string; overdue: boolean } {
  return { dueOn, overdue: dueOn < today };
}

const KIND_ORDER = new Map<TaskKind, number>(TASK_KINDS.map((k, i) => [k, i]));

/** Overdue first, then by due date (none last), then pupil name, then kind and plan (a stable order). */
export function sortTasks(tasks: Task[]): Task[] {
  return [...tasks].sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    if (a.dueOn !== b.dueOn) {
      if (a.dueOn === null) return 1;
      if (b.dueOn === null) return -1;
      return a.dueOn.localeCompare(b.dueOn);
    }
    const byName = a.pupilName.localeCompare(b.pupilName, 'nl');
    if (byName !== 0) return byName;
    const byKind = (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0);
    if (byKind !== 0) return byKind;
    return (a.planId ?? 0) - (b.planId ?? 0);
  });
}

/**
 * The tasks of a staff member for the plans, levels and OPP candidates of the pupils they may edit. A dated task shows
 * from `reminderDays` before its date and is overdue after it:
 * - evaluationDue: an active handelingsplan whose end (evaluation date) is near;
 * - planExpiring: an active or evaluated OPP whose plan period ends;
 * - oppDeadline: a draft OPP with a decision date (set within deadlineWeeks), and a pupil at a level asking for an OPP
 *   who has none (from the level's start; planId null);
 * - oppYearlyEvaluation: an active OPP due for its evaluation with the parents (last evaluation or start + months);
 * - signaturesOutstanding: a published plan, not closed, whose latest version a parent with gezag has not signed;
 * - levelCap, levelConsentMissing: from the level warnings;
 * - oppCandidate: a pupil the signal rules flag who has no OPP.
 */
/** Signal messages end with a full stop of their own; joined in one sentence they do not. */
function reasonList(reasons: readonly string[]): string {
  return reasons.map((r) => r.trim().replace(/\.+$/, '')).join('; ');
}

export function staffTasks(
  settings: SupportSettings,
  today: string,
  plans: TaskPlanFacts[],
  levels: TaskLevelFacts[],
  candidates: { pupilId: number; name: string; reasons: string[] }[],
): Task[] {
  const horizon = addDays(today, settings.reminderDays);
  const tasks: Task[] = [];

  for (const plan of plans) {
    const who = planPupil(plan);
    const base = { ...who, planId: plan.id };
    if (plan.kind === 'actionPlan' && plan.status === 'active' && plan.endsOn !== null && plan.endsOn <= horizon) {
      const d = dated(today, plan.endsOn);
      tasks.push({
        kind: 'evaluationDue', ...base, ...d,
        params: { title: plan.title, endsOn: plan.endsOn },
        message: d.overdue
          ? `Het handelingsplan ‘${plan.title}’ had op ${dutchDate(plan.endsOn)} geëvalueerd moeten worden.`
          : `Evalueer het handelingsplan ‘${plan.title}’ uiterlijk ${dutchDate(plan.endsOn)}.`,
      });
    }
    if (plan.kind === 'developmentPerspective') {
      if ((plan.status === 'active' || plan.status === 'evaluated') && plan.endsOn !== null && plan.endsOn <= horizon) {
        const d = dated(today, plan.endsOn);
        tasks.push({
          kind: 'planExpiring', ...base, ...d,
          params: { title: plan.title, endsOn: plan.endsOn },
          message: d.overdue
            ? `De planperiode van het OPP ‘${plan.title}’ is op ${dutchDate(plan.endsOn)} verlopen; stel een nieuw OPP op of verleng de periode.`
            : `De planperiode van het OPP ‘${plan.title}’ loopt af op ${dutchDate(plan.endsOn)}.`,
        });
      }
      if (plan.status === 'draft') {
        const setBy = oppSetBy(plan.decidedOn, settings);
        if (setBy !== null && setBy <= horizon) {
          const d = dated(today, setBy);
          tasks.push({
            kind: 'oppDeadline', ...base, ...d,
            params: { title: plan.title, setBy },
            message: d.overdue
              ? `Het OPP ‘${plan.title}’ had op ${dutchDate(setBy)} vastgesteld moeten zijn.`
              : `Stel het OPP ‘${plan.title}’ uiterlijk ${dutchDate(setBy)} vast (binnen ${settings.developmentPerspective.deadlineWeeks} weken na het besluit).`,
          });
        }
      }
      if (plan.status === 'active') {
        const next = nextOppEvaluation(plan.startsOn, plan.lastEvaluatedOn, settings);
        if (next !== null && next <= horizon) {
          const d = dated(today, next);
          tasks.push({
            kind: 'oppYearlyEvaluation', ...base, ...d,
            params: { title: plan.title, evaluateBy: next },
            message: d.overdue
              ? `Het OPP ‘${plan.title}’ had uiterlijk ${dutchDate(next)} met de ouders geëvalueerd moeten worden.`
              : `Evalueer het OPP ‘${plan.title}’ uiterlijk ${dutchDate(next)} met de ouders.`,
          });
        }
      }
    }
    if (plan.status !== 'closed' && plan.latestVersion > 0) {
      for (const pupil of plan.pupils) {
        const state = plan.signatures[pupil.id];
        if (!state) continue;
        const waiting = state.guardians.filter((g) => g.outstanding);
        if (waiting.length === 0) continue;
        const names = waiting.map((g) => g.name).join(', ');
        tasks.push({
          kind: 'signaturesOutstanding', pupilId: pupil.id, pupilName: pupil.name, planId: plan.id, dueOn: null, overdue: false,
          params: { title: plan.title, version: plan.latestVersion, count: waiting.length, guardians: names },
          message: `Versie ${plan.latestVersion} van ‘${plan.title}’ wacht nog op de reactie van ${names}.`,
        });
      }
    }
  }

  const withOpp = new Set<number>();
  for (const plan of plans) {
    if (plan.kind === 'developmentPerspective' && plan.status !== 'closed') for (const p of plan.pupils) withOpp.add(p.id);
  }
  for (const l of levels) if (l.hasOpp) withOpp.add(l.pupilId);

  for (const l of levels) {
    const who = { pupilId: l.pupilId, pupilName: l.name, planId: null };
    if (l.level.planType === 'developmentPerspective' && !withOpp.has(l.pupilId)) {
      const setBy = addWeeks(l.since, settings.developmentPerspective.deadlineWeeks);
      if (setBy <= horizon) {
        const d = dated(today, setBy);
        tasks.push({
          kind: 'oppDeadline', ...who, ...d,
          params: { level: l.level.label, since: l.since, setBy },
          message: d.overdue
            ? `${l.name} zit sinds ${dutchDate(l.since)} op ${l.level.label}; het OPP had op ${dutchDate(setBy)} vastgesteld moeten zijn.`
            : `${l.name} zit sinds ${dutchDate(l.since)} op ${l.level.label}: stel uiterlijk ${dutchDate(setBy)} een OPP vast.`,
        });
      }
    }
    for (const w of l.warnings) {
      if (w.code === 'maxPeriods' || w.code === 'maxPeriodsPerQuestion') {
        tasks.push({ kind: 'levelCap', ...who, dueOn: null, overdue: false, params: { level: l.level.label, rule: w.code }, message: w.message });
      } else if (w.code === 'consentMissing') {
        tasks.push({ kind: 'levelConsentMissing', ...who, dueOn: null, overdue: false, params: { level: l.level.label }, message: w.message });
      }
    }
  }

  for (const c of candidates) {
    if (c.reasons.length === 0 || withOpp.has(c.pupilId)) continue;
    tasks.push({
      kind: 'oppCandidate', pupilId: c.pupilId, pupilName: c.name, planId: null, dueOn: null, overdue: false,
      params: { reasons: reasonList(c.reasons) },
      message: `Bespreek of ${c.name} een OPP nodig heeft: ${reasonList(c.reasons)}.`,
    });
  }
  return sortTasks(tasks);
}

/** A parent's tasks: the latest versions of their children's plans that wait for their response. */
export function parentTasks(
  today: string,
  waiting: { pupilId: number; name: string; planId: number; title: string; kind: SupportPlanKind; versionNumber: number; publishedOn: string }[],
): Task[] {
  void today; // a request to sign has no due date: it never becomes overdue
  return sortTasks(
    waiting.map((w) => ({
      kind: 'signatureRequested' as const,
      pupilId: w.pupilId,
      pupilName: w.name,
      planId: w.planId,
      dueOn: null,
      overdue: false,
      params: { title: w.title, version: w.versionNumber, planKind: w.kind, publishedOn: w.publishedOn },
      message:
        w.kind === 'developmentPerspective'
          ? `Versie ${w.versionNumber} van het OPP ‘${w.title}’ van ${w.name} (gedeeld op ${dutchDate(w.publishedOn)}) wacht op uw instemming.`
          : `Versie ${w.versionNumber} van het handelingsplan ‘${w.title}’ van ${w.name} (gedeeld op ${dutchDate(w.publishedOn)}) wacht op uw reactie.`,
    })),
  );
}
