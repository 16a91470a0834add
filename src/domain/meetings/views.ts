// The JSON the meetings API answers with (server builds them, web reads them). Pure types.
import type {
  AgendaItem, AgendaPoint, Attendance, ConsentState, FollowUp, FormField, MeetingKind, MeetingSettings, MeetingStatus,
  ParticipantKind, Preparation,
} from './model';

export interface PersonRef { id: number; name: string }

/** A meeting in a list (GET /api/meetings?schoolId=&from=&to=&kind=). */
export interface MeetingSummary {
  id: number;
  kind: MeetingKind;
  title: string;
  heldOn: string;
  startsAt: string | null;
  durationMinutes: number;
  location: string;
  group: { id: number; name: string } | null;
  status: MeetingStatus;
  chair: PersonRef | null;
  /** Cases the viewer may see / all cases (the rest are counted, not named). */
  caseCount: number;
  openActions: number;
}

export interface MeetingListView {
  schoolId: number;
  meetings: MeetingSummary[];
  /** May schedule meetings (care coordinator; a mentor/teacher for their own group's groepsbespreking). */
  can: { create: boolean };
}

export interface ParticipantView {
  id: number;
  kind: ParticipantKind;
  userId: number | null;
  name: string;
  organisation: string;
  role: string;
  attendance: Attendance;
}

export interface ConsentView {
  id: number;
  decision: 'given' | 'refused' | 'withdrawn';
  scope: string;
  givenByName: string;
  method: 'digital' | 'paper';
  givenOn: string;
  recordedByName: string;
}

/** A pupil discussed, as the viewer may see it (only with pupil.viewCare on the pupil). */
export interface CaseView {
  id: number;
  pupil: { id: number; name: string; groupName: string | null };
  kind: 'discussion' | 'announcement';
  proposedBy: PersonRef | null;
  question: string;
  form: Record<string, string>;
  parentPart: Record<string, string>;
  parentPartRequested: boolean;
  parentPartBy: string;
  parentPartOn: string | null;
  parentsInformed: 'yes' | 'no' | null;
  parentsInformedOn: string | null;
  notInformedReason: string;
  parentsToldOn: string | null;
  outcome: Record<string, string>;
  followUp: FollowUp[];
  caseManager: PersonRef | null;
  publishedToParents: boolean;
  consent: ConsentState;
  consents: ConsentView[];
  /** Domain warnings in Dutch (parents not informed, consent missing, form incomplete, form late). */
  warnings: string[];
  version: number;
  can: { edit: boolean };
}

export interface ActionView {
  id: number;
  meetingId: number;
  meetingTitle: string;
  caseId: number | null;
  pupil: { id: number; name: string } | null;
  decision: string;
  description: string;
  owner: PersonRef;
  dueOn: string;
  overdue: boolean;
  done: { at: string; by: string; note: string } | null;
  version: number;
  can: { complete: boolean; edit: boolean };
}

export interface QuestionView {
  id: number;
  kind: 'question' | 'supportNeed';
  text: string;
  author: PersonRef | null;
  createdAt: string;
}

/** GET /api/meetings/:id — the meeting page. */
export interface MeetingView {
  id: number;
  schoolId: number;
  kind: MeetingKind;
  /** The school's name for this kind (careTeamName for careTeam). */
  kindLabel: string;
  title: string;
  heldOn: string;
  startsAt: string | null;
  durationMinutes: number;
  location: string;
  group: { id: number; name: string } | null;
  period: { id: number; name: string } | null;
  chair: PersonRef | null;
  minuteTaker: PersonRef | null;
  status: MeetingStatus;
  participants: ParticipantView[];
  /** The stored agenda items, each with its data points computed now (filtered for the viewer). */
  agenda: (AgendaItem & { points: AgendaPoint[] })[];
  /** The preparation checklist (Bijlage 17 for a groepsbespreking; empty list for other kinds). */
  checklist: { key: string; title: string; text: string; done: boolean; points: string }[];
  /** The verslag form (Bijlage 16 for a groepsbespreking; a summary for others) and its values. */
  minutesForm: FormField[];
  minutes: Record<string, string>;
  questions: QuestionView[];
  /** Cases the viewer may see. */
  cases: CaseView[];
  /** Cases the viewer may not see (counted, never named). */
  hiddenCases: number;
  actions: ActionView[];
  /** Form definitions for this kind: the school part, the parents' part and the outcome of a case. */
  caseForm: { school: FormField[]; parents: FormField[]; outcome: FormField[] };
  /** Meeting-level warnings in Dutch (checklist not done, externals without consent, minutes incomplete). */
  warnings: string[];
  settings: MeetingSettings;
  version: number;
  can: {
    edit: boolean; // agenda, details, participants, minutes (chair, minute-taker, care coordinator)
    addCase: boolean; // propose a pupil (staff participant or the group's staff)
    addQuestion: boolean; // hand in a question (staff participant)
    close: boolean;
  };
}

/** GET /api/meetings/actions?schoolId=&state=open|overdue|done — the care coordinator's board. */
export interface ActionBoardView {
  schoolId: number;
  today: string;
  actions: ActionView[];
  counts: { open: number; overdue: number; done: number };
}

/** GET /api/pupils/:id/meeting-cases — the pupil's discussions (staff with pupil.viewCare). */
export interface PupilCasesView {
  cases: (CaseView & { meeting: MeetingSummary })[];
}

/** GET /api/pupils/:id/published-cases — what a parent with gezag sees: published agreements, parts to fill, consent asked. */
export interface ParentCaseView {
  id: number;
  meeting: { kind: MeetingKind; kindLabel: string; heldOn: string };
  question: string;
  /** The parents' part: fields and values; editable while requested and the meeting is not closed. */
  parentFields: FormField[];
  parentPart: Record<string, string>;
  parentPartEditable: boolean;
  /** The meeting has externals (or is a care-team meeting) and the consent decision is asked of the parents. */
  consentAsked: boolean;
  consent: ConsentState;
  consents: ConsentView[];
  /** The published agreements (outcome fields marked for parents), or null when not published. */
  agreements: { label: string; text: string }[] | null;
  version: number;
}
export interface ParentCasesView {
  pupil: { id: number; name: string };
  cases: ParentCaseView[];
}
