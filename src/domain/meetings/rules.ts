// The rules of meetings: consent before externals (seed 002 level 4, seed 003 Bijlage 20 / ch. 6.3.1), parents informed
// before and after a leerlingbespreking (seed 001 rule 12), case forms handed in in time (seed 002 §5.3: two days), what
// closing needs, status transitions, the chair/minute-taker rota (seed 002 §5.3) and overdue actions. Pure.
import { addDays, dutchDate } from '../school/periods';
import { caseForms, minutesFields, missingRequired } from './forms';
import type { ConsentState, FormField, MeetingKind, MeetingSettings, MeetingStatus } from './model';

export interface CaseConsentFacts { caseId: number; pupilId: number; kind: 'discussion' | 'announcement'; consent: ConsentState }

/**
 * The discussion cases that block externals: when the school requires consent before externals, every pupil discussed
 * (not a mere announcement) needs consent 'given'. Empty = externals are allowed.
 */
export function casesBlockingExternals<T extends CaseConsentFacts>(settings: MeetingSettings, cases: readonly T[]): T[] {
  if (!settings.consentBeforeExternals) return [];
  return cases.filter((c) => c.kind === 'discussion' && c.consent !== 'given');
}

/** A new discussion case in a meeting with externals needs consent first (the other order of the same rule). */
export function caseBlockedByExternals(settings: MeetingSettings, hasExternals: boolean, kind: 'discussion' | 'announcement', consent: ConsentState): boolean {
  return settings.consentBeforeExternals && hasExternals && kind === 'discussion' && consent !== 'given';
}

export const CONSENT_REQUIRED_MESSAGE = (names: readonly string[], hidden: number): string => {
  const parts = [...names];
  if (hidden > 0) parts.push(hidden === 1 ? '1 andere leerling' : `${hidden} andere leerlingen`);
  return `Externen kunnen pas deelnemen als de ouders toestemming hebben gegeven voor elke leerling die besproken wordt. Toestemming ontbreekt voor: ${parts.join(', ')}.`;
};

export interface CaseRuleFacts {
  kind: 'discussion' | 'announcement';
  meetingKind: MeetingKind;
  heldOn: string;
  /** The day the case was proposed (ISO date). */
  proposedOn: string;
  form: Record<string, string>;
  parentsInformed: 'yes' | 'no' | null;
  notInformedReason: string;
  parentsToldOn: string | null;
  consent: ConsentState;
  hasExternals: boolean;
  status: MeetingStatus;
}

/** The latest day a case form should be in: `caseFormDaysBefore` days before the meeting. */
export function caseFormDueOn(settings: MeetingSettings, heldOn: string): string {
  return addDays(heldOn, -settings.caseFormDaysBefore);
}

export function caseFormLate(settings: MeetingSettings, heldOn: string, proposedOn: string): boolean {
  return proposedOn > caseFormDueOn(settings, heldOn);
}

/** The parents-informed answer is valid: yes, or no with a reason (Bijlage 20: only when informing would endanger the pupil). */
export function checkParentsInformed(informed: 'yes' | 'no' | null, reason: string): string | null {
  if (informed === 'no' && reason.trim() === '') return 'Geef aan waarom de ouders niet op de hoogte zijn.';
  return null;
}

/** Dutch warnings on a case (shown on the case; never blocking). */
export function caseWarnings(settings: MeetingSettings, c: CaseRuleFacts, today: string): string[] {
  const out: string[] = [];
  if (c.kind === 'announcement') return out;
  const missing = missingRequired(caseForms(c.meetingKind).school, c.form);
  if (missing.length > 0) out.push(`Het aanmeldformulier is nog niet compleet: ${missing.map((m) => m.label).join('; ')}.`);
  if (c.meetingKind === 'pupilDiscussion' && caseFormLate(settings, c.heldOn, c.proposedOn)) {
    out.push(`Het formulier is later ingeleverd dan ${settings.caseFormDaysBefore} dagen voor de bespreking (uiterlijk ${dutchDate(caseFormDueOn(settings, c.heldOn))}).`);
  }
  if (settings.parentsInformedRequired && c.meetingKind !== 'groupDiscussion') {
    if (c.parentsInformed === null) out.push('Nog niet vastgelegd of de ouders vooraf op de hoogte zijn gebracht.');
    if (c.parentsInformed === 'no' && c.notInformedReason.trim() === '') out.push('De ouders zijn niet op de hoogte; de reden ontbreekt.');
    if ((c.status === 'held' || c.status === 'closed' || c.heldOn < today) && c.parentsToldOn === null && c.parentsInformed !== 'no') {
      out.push('De ouders hebben nog geen terugkoppeling gekregen na de bespreking.');
    }
  }
  if (c.meetingKind === 'careTeam' || c.hasExternals) {
    if (c.consent === 'none') out.push('De schriftelijke toestemming van de ouders om de leerling met externen te bespreken ontbreekt.');
    if (c.consent === 'refused') out.push('De ouders hebben geen toestemming gegeven om de leerling met externen te bespreken.');
    if (c.consent === 'withdrawn') out.push('De ouders hebben hun toestemming ingetrokken.');
  }
  return out;
}

/** The required verslag fields still empty: closing is refused (422) while any remain. */
export function minutesMissing(kind: MeetingKind, minutes: Record<string, string>): FormField[] {
  return missingRequired(minutesFields(kind), minutes);
}

/** Closing also needs the required outcome of every discussed case. */
export function closeProblems(kind: MeetingKind, minutes: Record<string, string>, cases: readonly { name: string; kind: 'discussion' | 'announcement'; outcome: Record<string, string> }[]): string[] {
  const out = minutesMissing(kind, minutes).map((m) => `Vul in het verslag in: ${m.label}.`);
  const outcome = caseForms(kind).outcome;
  for (const c of cases) {
    if (c.kind !== 'discussion') continue;
    const missing = missingRequired(outcome, c.outcome);
    if (missing.length > 0) out.push(`Vul bij ${c.name} in: ${missing.map((m) => m.label).join('; ')}.`);
  }
  return out;
}

const TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  planned: ['held', 'cancelled'],
  held: ['closed', 'planned'],
  closed: ['held'],
  cancelled: ['planned'],
};

/**
 * planned → held → closed; planned ↔ cancelled; a closed verslag can be reopened (held) by who may edit. A planned
 * meeting whose day has come (`held`: heldOn ≤ today) may be closed at once.
 */
export function canTransition(from: MeetingStatus, to: MeetingStatus, dayHasCome = false): boolean {
  return from === to || TRANSITIONS[from].includes(to) || (from === 'planned' && to === 'closed' && dayHasCome);
}

/** A meeting's status in Dutch ("vastgesteld"), for messages and the PDF. */
export const STATUS_NL: Record<MeetingStatus, string> = { planned: 'gepland', held: 'gehouden', closed: 'vastgesteld', cancelled: 'geannuleerd' };

export function transitionMessage(from: MeetingStatus, to: MeetingStatus): string {
  return `Een overleg dat ${STATUS_NL[from]} is, kan niet direct naar ${STATUS_NL[to]}.`;
}

/**
 * The rota of the leerlingbespreking (seed 002 §5.3): teachers take turns as chair and minute-taker. `staff` in a fixed
 * order (e.g. by name), `history` the earlier meetings oldest first. The chair is the one after the last chair; the
 * minute-taker the one after the new chair (so everyone does both in turn). Empty staff: nobody.
 */
export function nextFromRota(staff: readonly number[], history: readonly { chairId: number | null; minuteTakerId: number | null }[]): { chairId: number | null; minuteTakerId: number | null } {
  if (staff.length === 0) return { chairId: null, minuteTakerId: null };
  const lastChair = [...history].reverse().find((h) => h.chairId !== null && staff.includes(h.chairId))?.chairId ?? null;
  const chairIndex = lastChair === null ? 0 : (staff.indexOf(lastChair) + 1) % staff.length;
  const chairId = staff[chairIndex];
  const minuteTakerId = staff.length > 1 ? staff[(chairIndex + 1) % staff.length] : null;
  return { chairId, minuteTakerId };
}

export function actionOverdue(dueOn: string, today: string, done: boolean): boolean {
  return !done && dueOn < today;
}

/** Meeting-level warnings (Dutch). */
export function meetingWarnings(input: {
  kind: MeetingKind; status: MeetingStatus; heldOn: string; today: string; checklistOpen: number; externals: number;
  blockingNames: readonly string[]; blockingHidden: number; minutes: Record<string, string>;
}): string[] {
  const out: string[] = [];
  if (input.kind === 'groupDiscussion' && input.status === 'planned' && input.checklistOpen > 0) {
    out.push(`De voorbereiding is nog niet af: ${input.checklistOpen} ${input.checklistOpen === 1 ? 'punt' : 'punten'} van de checklist open.`);
  }
  if (input.externals > 0 && (input.blockingNames.length > 0 || input.blockingHidden > 0)) {
    out.push(CONSENT_REQUIRED_MESSAGE(input.blockingNames, input.blockingHidden));
  }
  if ((input.status === 'held' || (input.status === 'planned' && input.heldOn < input.today))) {
    const missing = minutesMissing(input.kind, input.minutes);
    if (missing.length > 0) out.push(`Het verslag is nog niet compleet: ${missing.map((m) => m.label).join('; ')}.`);
  }
  return out;
}
