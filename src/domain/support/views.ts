// The JSON the support API answers with (server builds them, web reads them). Pure types.
import type {
  LevelDef, LevelEntry, LevelWarning, ParentMeetingFields, ParentResponse, PlanFinding, SignatureRequirement,
  SupportPlanDoc, SupportPlanKind, SupportPlanStatus, SupportSettings, Task, VersionSignatureState,
} from './model';

/** A staff user or parent as shown next to a record. */
export interface PersonRef { id: number; name: string }

/** GET /api/pupils/:id/support — the pupil's support page (staff, pupil.viewCare). */
export interface PupilSupportView {
  pupil: { id: number; name: string; groupName: string | null; schoolId: number; sector: 'po' | 'vo' };
  settings: SupportSettings;
  currentLevel: LevelEntry | null;
  /** Newest first. */
  levels: LevelEntry[];
  warnings: LevelWarning[];
  plans: PlanSummary[];
  /** OPP candidate flag from the signal rules (seed 002 criteria); reasons in Dutch. */
  oppCandidate: { candidate: boolean; reasons: string[] };
  /** The pupil's groepsplan rows this year (for linking a handelingsplan), newest period first. */
  groupPlanLinks: { planId: number; periodName: string; groupName: string; rowKey: string; rowLabel: string }[];
  can: { edit: boolean };
}

export interface PlanSummary {
  id: number;
  kind: SupportPlanKind;
  title: string;
  status: SupportPlanStatus;
  startsOn: string | null;
  endsOn: string | null;
  extensions: number;
  pupilCount: number;
  /** Latest published version number (0 = never published). */
  latestVersion: number;
  /** Signatures on the latest version for this pupil (null when never published). */
  signatures: VersionSignatureState | null;
  /** The working text differs from the latest version (needs publishing again). */
  unpublishedChanges: boolean;
  updatedAt: string;
}

/** One published, immutable version. */
export interface PlanVersionView {
  number: number;
  doc: SupportPlanDoc;
  title: string;
  contentHash: string;
  publishedAt: string;
  publishedBy: PersonRef;
  /** Signatures and comments given on this version by the guardians of the route's pupil. */
  responses: ParentResponse[];
  signatures: VersionSignatureState;
}

/** GET /api/pupils/:pupilId/plans/:planId — the staff plan page (pupil.viewCare on :pupilId, which is in the plan). */
export interface PlanView {
  id: number;
  kind: SupportPlanKind;
  title: string;
  status: SupportPlanStatus;
  /** Optimistic lock for PUT/status/extend/publish. */
  version: number;
  doc: SupportPlanDoc;
  extensions: number;
  /** OPP: when the six-week clock started (decision or enrolment). */
  decidedOn: string | null;
  groupPlanLink: { planId: number; rowKey: string; label: string } | null;
  /** The plan's pupils the user may see (pupil.viewCare); `otherPupils` counts the ones not named to this user. */
  pupils: PersonRef[];
  otherPupils: number;
  /** The route's pupil's guardians (gezag or not; only gezag may sign). */
  guardians: { id: number; name: string; hasAuthority: boolean }[];
  requirement: SignatureRequirement;
  /** Newest first. */
  versions: PlanVersionView[];
  unpublishedChanges: boolean;
  meetings: ParentMeetingView[];
  notes: PlanNoteView[];
  findings: PlanFinding[];
  /** OPP: actual results per domain key for the growth chart (the route's pupil). */
  actuals: Record<string, { on: string; value: number; label: string }[]>;
  /** OPP: the six-week deadline and the next yearly evaluation. */
  deadlines: { setBy: string | null; nextEvaluationBy: string | null; lastEvaluatedOn: string | null };
  createdBy: PersonRef;
  updatedAt: string;
  can: { edit: boolean; recordPaper: boolean };
}

export interface ParentMeetingView extends ParentMeetingFields {
  id: number;
  version: number;
  createdBy: PersonRef;
  createdAt: string;
}

export interface PlanNoteView {
  id: number;
  notedOn: string;
  text: string;
  author: PersonRef;
  createdAt: string;
}

/** GET /api/pupils/:id/published-plans — the parent portal list (pupil.viewPublished). */
export interface PublishedPlansView {
  pupil: { id: number; name: string };
  plans: PublishedPlanSummary[];
}

export interface PublishedPlanSummary {
  id: number;
  kind: SupportPlanKind;
  title: string;
  status: SupportPlanStatus;
  latestVersion: number;
  publishedAt: string;
  /** The latest version waits for this user's signature (a parent with gezag who has not responded). */
  waitingForMe: boolean;
  signatures: VersionSignatureState;
}

/** GET /api/pupils/:pupilId/published-plans/:planId — what a parent sees: versions only, never the working text. */
export interface PublishedPlanView {
  id: number;
  kind: SupportPlanKind;
  title: string;
  status: SupportPlanStatus;
  requirement: SignatureRequirement;
  /** Newest first. */
  versions: PlanVersionView[];
  /** Meetings with parents about this plan. */
  meetings: ParentMeetingView[];
  /** The plan covers more pupils than this child (their names are never shown). */
  otherPupils: number;
  /** The user may sign the latest version (parent with gezag of this pupil, not yet responded). */
  canSign: boolean;
}

/** GET /api/support/overview?schoolId= — pupils with extra support (filtered by pupil.viewCare, audited). */
export interface SupportOverviewView {
  schoolId: number;
  levels: LevelDef[];
  rows: {
    pupilId: number;
    name: string;
    groupId: number | null;
    groupName: string | null;
    level: string;
    since: string;
    activePlans: { id: number; kind: SupportPlanKind; title: string; endsOn: string | null }[];
    warnings: LevelWarning[];
  }[];
  /** Count per level key (of the rows above). */
  counts: Record<string, number>;
}

/** GET /api/tasks — "mijn taken". */
export interface TasksView {
  today: string;
  tasks: Task[];
}
