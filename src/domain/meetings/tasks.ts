// Meeting tasks for "Mijn taken": facts in, Task objects out (the same shape as domain/support/tasks.ts). Staff: open
// actions they own, a groepsbespreking to prepare (checklist), minutes to write after a meeting they run, parents to
// inform before/after a discussion of a pupil they proposed or manage, consent missing for a care-team case. Parents:
// their part or consent asked. The server gathers the facts, filtered to pupils the user may see. Pure.
import { addDays, dutchDate } from '../school/periods';
import type { Task } from '../support/model';
import { sortTasks } from '../support/tasks';

export interface ActionTaskFacts {
  actionId: number; meetingId: number; meetingTitle: string; description: string; dueOn: string;
  pupil: { id: number; name: string } | null;
}

export interface MeetingTaskFacts {
  meetingId: number; title: string; heldOn: string; status: 'planned' | 'held' | 'closed' | 'cancelled';
  /** For preparation: checklist rows still open (groepsbespreking). */
  checklistOpen: number;
  /** The user is the chair. */
  chairs: boolean;
  /** The user is chair or minute-taker. */
  runs: boolean;
}

export interface CaseTaskFacts {
  caseId: number; meetingId: number; meetingTitle: string; heldOn: string; meetingKind: 'groupDiscussion' | 'pupilDiscussion' | 'careTeam' | 'bilateral';
  meetingStatus: 'planned' | 'held' | 'closed' | 'cancelled';
  pupil: { id: number; name: string };
  parentsInformed: 'yes' | 'no' | null;
  parentsToldOn: string | null;
  consent: 'given' | 'refused' | 'withdrawn' | 'none';
  /** The user proposed or manages the case: they inform the parents before and after. */
  informsParents: boolean;
  /** The meeting has externals or is a care-team meeting, and the user runs it (consent is theirs to chase). */
  needsConsent: boolean;
}

export interface StaffMeetingTaskInput {
  today: string;
  /** Days ahead a preparation/parents task shows (reuse of the support reminder window). */
  reminderDays: number;
  /** Days after the meeting the minutes are due. */
  minutesDays: number;
  parentsInformedRequired: boolean;
  actions: ActionTaskFacts[];
  meetings: MeetingTaskFacts[];
  /** Cases the user proposed or manages (parents informed) and, for consent, cases of meetings the user runs. */
  cases: CaseTaskFacts[];
}

const base = (meetingId: number) => ({ planId: null, meetingId, actionId: null });

export function staffMeetingTasks(input: StaffMeetingTaskInput): Task[] {
  const { today } = input;
  const horizon = addDays(today, input.reminderDays);
  const tasks: Task[] = [];
  for (const a of input.actions) {
    const overdue = a.dueOn < today;
    tasks.push({
      kind: 'meetingAction', ...base(a.meetingId), actionId: a.actionId, pupilId: a.pupil?.id ?? null, pupilName: a.pupil?.name ?? '',
      dueOn: a.dueOn, overdue,
      params: { description: a.description, meetingTitle: a.meetingTitle, dueOn: a.dueOn },
      message: overdue
        ? `Actie uit ${a.meetingTitle}: ‘${a.description}’ had op ${dutchDate(a.dueOn)} af moeten zijn.`
        : `Actie uit ${a.meetingTitle}: ‘${a.description}’, uiterlijk ${dutchDate(a.dueOn)}.`,
    });
  }
  for (const m of input.meetings) {
    if (m.status === 'planned' && m.chairs && m.checklistOpen > 0 && m.heldOn >= today && m.heldOn <= horizon) {
      tasks.push({
        kind: 'meetingPreparation', ...base(m.meetingId), pupilId: null, pupilName: '', dueOn: m.heldOn, overdue: false,
        params: { meetingTitle: m.title, heldOn: m.heldOn, open: m.checklistOpen },
        message: `Bereid ${m.title} van ${dutchDate(m.heldOn)} voor: nog ${m.checklistOpen} ${m.checklistOpen === 1 ? 'punt' : 'punten'} van de checklist open.`,
      });
    }
    if (m.runs && (m.status === 'held' || (m.status === 'planned' && m.heldOn < today))) {
      const dueOn = addDays(m.heldOn, input.minutesDays);
      const overdue = dueOn < today;
      tasks.push({
        kind: 'minutesDue', ...base(m.meetingId), pupilId: null, pupilName: '', dueOn, overdue,
        params: { meetingTitle: m.title, heldOn: m.heldOn, dueOn },
        message: overdue
          ? `Het verslag van ${m.title} van ${dutchDate(m.heldOn)} had op ${dutchDate(dueOn)} vastgesteld moeten zijn.`
          : `Maak het verslag van ${m.title} van ${dutchDate(m.heldOn)} af en stel het vast (uiterlijk ${dutchDate(dueOn)}).`,
      });
    }
  }
  for (const c of input.cases) {
    if (c.meetingStatus === 'cancelled') continue;
    const who = { pupilId: c.pupil.id, pupilName: c.pupil.name };
    if (c.informsParents && input.parentsInformedRequired && c.meetingKind !== 'groupDiscussion') {
      if (c.parentsInformed === null && c.meetingStatus === 'planned' && c.heldOn <= horizon) {
        tasks.push({
          kind: 'parentsToInform', ...base(c.meetingId), ...who, dueOn: c.heldOn, overdue: c.heldOn < today,
          params: { meetingTitle: c.meetingTitle, heldOn: c.heldOn, moment: 'before' },
          message: `Breng de ouders van ${c.pupil.name} vóór ${c.meetingTitle} van ${dutchDate(c.heldOn)} op de hoogte en leg dat vast.`,
        });
      }
      if (c.parentsInformed !== 'no' && c.parentsToldOn === null && c.heldOn < today) {
        const dueOn = addDays(c.heldOn, 14);
        tasks.push({
          kind: 'parentsToInform', ...base(c.meetingId), ...who, dueOn, overdue: dueOn < today,
          params: { meetingTitle: c.meetingTitle, heldOn: c.heldOn, moment: 'after' },
          message: `Koppel de uitkomst van ${c.meetingTitle} van ${dutchDate(c.heldOn)} terug aan de ouders van ${c.pupil.name} en leg dat vast.`,
        });
      }
    }
    if (c.needsConsent && c.consent !== 'given' && c.meetingStatus === 'planned' && c.heldOn >= today && c.heldOn <= horizon) {
      tasks.push({
        kind: 'consentMissing', ...base(c.meetingId), ...who, dueOn: c.heldOn, overdue: false,
        params: { meetingTitle: c.meetingTitle, heldOn: c.heldOn, consent: c.consent },
        message: `De toestemming van de ouders van ${c.pupil.name} om met externen te bespreken ontbreekt (${c.meetingTitle}, ${dutchDate(c.heldOn)}).`,
      });
    }
  }
  return sortTasks(tasks);
}

export interface ParentCaseTaskFacts {
  caseId: number; meetingId: number; kindLabel: string; heldOn: string; pupil: { id: number; name: string };
  partRequested: boolean; partFilled: boolean; consentAsked: boolean; consent: 'given' | 'refused' | 'withdrawn' | 'none'; meetingClosed: boolean;
}

/** A parent's tasks: the parents' part asked and not yet filled in, a consent asked and not yet decided. */
export function parentMeetingTasks(today: string, cases: ParentCaseTaskFacts[]): Task[] {
  const tasks: Task[] = [];
  for (const c of cases) {
    if (c.meetingClosed) continue;
    const open = (c.partRequested && !c.partFilled) || (c.consentAsked && c.consent === 'none');
    if (!open) continue;
    const what = c.partRequested && !c.partFilled
      ? (c.consentAsked && c.consent === 'none' ? 'vult u het ouderdeel in en beslist u over toestemming' : 'vult u het ouderdeel in')
      : 'beslist u over toestemming';
    tasks.push({
      kind: 'parentPartRequested', pupilId: c.pupil.id, pupilName: c.pupil.name, planId: null, meetingId: null, actionId: null,
      dueOn: c.heldOn >= today ? c.heldOn : null, overdue: false,
      params: { kindLabel: c.kindLabel, heldOn: c.heldOn, part: c.partRequested && !c.partFilled ? 1 : 0, consent: c.consentAsked && c.consent === 'none' ? 1 : 0 },
      message: `Voor het ${c.kindLabel} over ${c.pupil.name} op ${dutchDate(c.heldOn)} ${what}.`,
    });
  }
  return sortTasks(tasks);
}
