// The meetings API (issue 6): typed calls through the one shared client (shared/api.ts). The JSON shapes are those of
// domain/meetings/views.ts; the request bodies are declared here. Errors are ApiError; `.body` holds the whole error
// body (e.g. the pupils of a 422 consent_required answer).
import { api, query } from '../shared/api';
import type { FollowUp, MeetingKind, MeetingStatus, Preparation, AgendaItem, Attendance } from '../../domain/meetings/model';
import type {
  ActionBoardView, ActionView, CaseView, MeetingListView, MeetingSummary, MeetingView, ParentCasesView, ParentCaseView,
  QuestionView,
} from '../../domain/meetings/views';

export type {
  ActionBoardView, ActionView, CaseView, MeetingListView, MeetingSummary, MeetingView, ParentCasesView, ParentCaseView,
};

/** POST /api/meetings — schedule a meeting. */
export interface ScheduleBody {
  schoolId: number;
  kind: MeetingKind;
  title?: string;
  heldOn: string;
  startsAt: string | null;
  durationMinutes?: number;
  location: string;
  groupId: number | null;
  chairId: number | null;
  minuteTakerId: number | null;
  /** Staff invited (user ids). */
  participantIds: number[];
}

/** PATCH /api/meetings/:id — any part, with the version read. */
export interface MeetingPatch {
  version: number;
  title?: string;
  heldOn?: string;
  startsAt?: string | null;
  durationMinutes?: number;
  location?: string;
  chairId?: number | null;
  minuteTakerId?: number | null;
  agenda?: AgendaItem[];
  preparation?: Preparation;
  minutes?: Record<string, string>;
  status?: MeetingStatus;
}

export type ParticipantBody =
  | { kind: 'staff'; userId: number }
  | { kind: 'external'; name: string; organisation: string; role: string };

export interface CaseBody {
  pupilId: number;
  question: string;
  kind: 'discussion' | 'announcement';
  form: Record<string, string>;
}

export interface CasePatch {
  version: number;
  question?: string;
  form?: Record<string, string>;
  parentPart?: Record<string, string>;
  parentPartRequested?: boolean;
  parentsInformed?: 'yes' | 'no' | null;
  parentsInformedOn?: string | null;
  notInformedReason?: string;
  parentsToldOn?: string | null;
  outcome?: Record<string, string>;
  followUp?: FollowUp[];
  caseManagerId?: number | null;
  publishedToParents?: boolean;
}

export interface ConsentBody {
  decision: 'given' | 'refused' | 'withdrawn';
  scope: string;
  givenByName: string;
  guardianId?: number;
  method: 'digital' | 'paper';
  givenOn: string;
}

export interface ActionBody {
  decision: string;
  description: string;
  ownerId: number;
  dueOn: string;
  caseId: number | null;
}

export type ActionState = 'open' | 'overdue' | 'done';

const meeting = (id: number) => `/api/meetings/${id}`;

export const meetingPaths = {
  list: (schoolId: number, kind?: MeetingKind | '') => `/api/meetings${query({ schoolId, kind })}`,
  meeting,
  pdf: (id: number, part: 'agenda' | 'minutes') => `${meeting(id)}/pdf${query({ part })}`,
  board: (schoolId: number, state?: ActionState | '') => `/api/meetings/actions${query({ schoolId, state })}`,
  publishedCases: (pupilId: number) => `/api/pupils/${pupilId}/published-cases`,
};

export function scheduleMeeting(body: ScheduleBody): Promise<MeetingView> {
  return api.post(`/api/meetings`, body);
}

export function patchMeeting(id: number, body: MeetingPatch): Promise<MeetingView> {
  return api.patch(meeting(id), body);
}

export function addParticipant(id: number, body: ParticipantBody): Promise<unknown> {
  return api.post(`${meeting(id)}/participants`, body);
}

export function setAttendance(id: number, participantId: number, attendance: Attendance): Promise<unknown> {
  return api.patch(`${meeting(id)}/participants/${participantId}`, { attendance });
}

export function removeParticipant(id: number, participantId: number): Promise<unknown> {
  return api.delete(`${meeting(id)}/participants/${participantId}`);
}

export function addQuestion(id: number, body: { kind: QuestionView['kind']; text: string }): Promise<unknown> {
  return api.post(`${meeting(id)}/questions`, body);
}

export function proposeCase(id: number, body: CaseBody): Promise<unknown> {
  return api.post(`${meeting(id)}/cases`, body);
}

export function patchCase(id: number, caseId: number, body: CasePatch): Promise<unknown> {
  return api.patch(`${meeting(id)}/cases/${caseId}`, body);
}

export function deleteCase(id: number, caseId: number): Promise<unknown> {
  return api.delete(`${meeting(id)}/cases/${caseId}`);
}

export function recordConsent(id: number, caseId: number, body: ConsentBody): Promise<unknown> {
  return api.post(`${meeting(id)}/cases/${caseId}/consents`, body);
}

export function addAction(id: number, body: ActionBody): Promise<unknown> {
  return api.post(`${meeting(id)}/actions`, body);
}

export function completeAction(meetingId: number, actionId: number, body: { version: number; done: boolean; note?: string }): Promise<unknown> {
  return api.patch(`${meeting(meetingId)}/actions/${actionId}`, body);
}

// ---------- parents ----------

export function saveParentPart(pupilId: number, caseId: number, body: { version: number; parentPart: Record<string, string> }): Promise<unknown> {
  return api.put(`${meetingPaths.publishedCases(pupilId)}/${caseId}/parent-part`, body);
}

export function giveConsent(pupilId: number, caseId: number, body: { version: number; decision: 'given' | 'refused' | 'withdrawn' }): Promise<unknown> {
  return api.post(`${meetingPaths.publishedCases(pupilId)}/${caseId}/consent`, body);
}

/** The pupils a 422 consent_required answer names (names only of pupils the user may see), when it lists them. */
export function consentPupils(body: Record<string, unknown>): string[] {
  const list = body.pupils;
  if (!Array.isArray(list)) return [];
  return list.map((p) => (typeof p === 'string' ? p : p && typeof p === 'object' && typeof (p as { name?: unknown }).name === 'string' ? (p as { name: string }).name : '')).filter(Boolean);
}
