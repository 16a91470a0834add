// Meetings of the care structure (issue 6): groepsbespreking, leerlingbespreking, care-team meeting (zorgteam, SOT, MDO,
// IZO, ZAT — the name is a school setting), bilateraal overleg. Pure types and constants; the web imports this file.

export const MEETING_KINDS = ['groupDiscussion', 'pupilDiscussion', 'careTeam', 'bilateral'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** planned → held (minutes being written) → closed (minutes final, read-only). cancelled from planned. */
export const MEETING_STATUSES = ['planned', 'held', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const PARTICIPANT_KINDS = ['staff', 'external', 'parent'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const ATTENDANCE = ['invited', 'present', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** Follow-up decided for a discussed pupil (seed 001 escalation, seed 002 3.12, seed 003 Bijlage 22). */
export const FOLLOW_UPS = [
  'actionPlan', 'levelChange', 'careTeam', 'developmentPerspective', 'research', 'external', 'coaching', 'none',
] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

/**
 * An agenda item as stored on the meeting (editable: title, note, order; items can be added and removed). `key` names a
 * generated item (its data points are computed when the agenda is read); an item the chair adds has key `custom-<n>`.
 */
export interface AgendaItem {
  key: string;
  title: string;
  /** The Toelichting (Bijlage 15/21 guidance), shown under the title. */
  guidance: string;
  /** Planned minutes, or null. */
  minutes: number | null;
  /** The chair's own bespreekpunt for this item. */
  note: string;
}

/** The generated keys of a groepsbespreking agenda (Bijlage 15, plus ch. 5.1's teachers' support needs and results). */
export const GROUP_AGENDA_KEYS = [
  'teacherQuestions', 'previousPlan', 'results', 'wholeGroup', 'signalledPupils', 'needs', 'clustering', 'newPlan',
  'ownSubject', 'teacherSupport', 'referrals',
] as const;
/** Care-team agenda (Bijlage 21, per pupil case) and leerlingbespreking agenda (seed 001/002 form, per case). */
export const CARE_TEAM_AGENDA_KEYS = ['opening', 'cases', 'progress', 'actionsReview', 'closing'] as const;
export const PUPIL_DISCUSSION_AGENDA_KEYS = ['opening', 'actionsReview', 'cases', 'announcements', 'closing'] as const;

/**
 * A data point under an agenda item, computed from the data when the agenda is read. Points about a pupil are only
 * included for viewers who may see that pupil's care data; `text` is Dutch, the web may render from kind + params.
 */
export interface AgendaPoint {
  kind:
    | 'planEvaluation' // the previous groepsplan: status, evaluated goals
    | 'result' // a test result summary for the group (instrument, share at norm)
    | 'signalledPupil' // a pupil with signals in the groepsoverzicht
    | 'needsDraft' // a pupil whose onderwijsbehoeften are still empty/draft
    | 'cluster' // a proposed cluster (instruction group) with its members count
    | 'case' // a pupil proposed for this meeting / a leerlingbespreking / the care team
    | 'question' // a teacher's question handed in beforehand
    | 'supportNeed' // a teacher's own support need handed in beforehand
    | 'openAction' // an open action of an earlier meeting of the same kind/group
    | 'info';
  text: string;
  pupilId?: number;
  caseId?: number;
  actionId?: number;
  /** Link inside Koers (e.g. to the groepsoverzicht or the pupil's support page). */
  href?: string;
}

/** One field of a form (verslag, case form, parents' part, outcome): key, Dutch label, hint, multiline. */
export interface FormField {
  key: string;
  label: string;
  hint: string;
  /** Required before the meeting can be closed / the form handed in. */
  required: boolean;
}

/** The preparation checklist (Bijlage 17): per item key, done and the chair's bespreekpunt. */
export type Preparation = Record<string, { done: boolean; points: string }>;

/** The consent state of a case's pupil for discussing with externals. */
export type ConsentState = 'given' | 'refused' | 'withdrawn' | 'none';

// ---------------------------------------------------------------------------------------------------------------
// School setting (validated by meetings/settings.ts)
// ---------------------------------------------------------------------------------------------------------------

export interface MeetingSettings {
  /** What the school calls its care-team meeting: zorgteam (seed 002), SOT (seed 001), MDO (seed 004), IZO/ZAT (seed 003). */
  careTeamName: string;
  /** Default minutes: groepsbespreking 45 (seed 003/004) or 60 (seed 001); leerlingbespreking per pupil 15–20 (seed 004). */
  durations: { groupDiscussion: number; pupilDiscussionPerCase: number; careTeam: number; bilateral: number };
  /** Leerlingbespreking: chair and minute-taker rotate among the teachers (seed 002 §5.3). */
  pupilDiscussionRota: boolean;
  /** Case forms are handed in at least this many days before the meeting (seed 002: two). */
  caseFormDaysBefore: number;
  /** A parents' talk before and after a leerlingbespreking is recorded (seed 001 rule 12). */
  parentsInformedRequired: boolean;
  /** Externals may join a care-team meeting only when the parents' written consent for each discussed pupil is on record. */
  consentBeforeExternals: boolean;
  /** Default external functions offered when adding an external (orthopedagoog, GGD, ...). */
  externalRoles: string[];
}
