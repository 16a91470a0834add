// The individual-support API (levels, handelingsplan, OPP, versions and signatures, parent portal, tasks): typed calls
// through the one shared client (shared/api.ts). Errors are ApiError; `.body` holds the whole error body (e.g. the
// `problems` of a 422 evaluation_incomplete answer).
import { api, query } from '../shared/api';
import type {
  ActionPlanFormat, LevelEntry, LevelWarning, ParentMeetingFields, ParentResponse, ResponseKind, SupportPlanDoc,
  SupportPlanKind, SupportPlanStatus,
} from '../../domain/support/model';
import type {
  ParentMeetingView, PlanNoteView, PlanView, PublishedPlansView, PublishedPlanView, PupilSupportView, SupportOverviewView,
  TasksView,
} from '../../domain/support/views';

export type {
  ParentMeetingView, PlanNoteView, PlanView, PublishedPlansView, PublishedPlanView, PupilSupportView, SupportOverviewView,
  TasksView,
};

/** POST /api/pupils/:id/support-levels */
export interface AddLevelBody {
  level: string;
  startsOn: string;
  reason: string;
  question: string;
  meeting: string;
  consentOn: string | null;
  consentNote: string;
}

/** PATCH /api/pupils/:id/support-levels/:levelId (record consent later, correct the texts). */
export type PatchLevelBody = Partial<Pick<AddLevelBody, 'reason' | 'question' | 'meeting' | 'consentOn' | 'consentNote'>>;

/** POST /api/pupils/:id/plans */
export interface CreatePlanBody {
  kind: SupportPlanKind;
  title: string;
  format?: ActionPlanFormat;
  subject?: string;
  /** Extra pupils (handelingsplan only): a plan for more pupils. */
  pupilIds?: number[];
  groupPlanId?: number;
  groupPlanRow?: string;
  previousPlanId?: number;
  decidedOn?: string;
}

/** POST …/versions/:number/paper: a response signed on paper, with its scan. */
export interface PaperBody {
  guardianId: number;
  kind: ResponseKind;
  statement: string;
  signedOn: string;
  scan: { filename: string; mime: 'application/pdf' | 'image/jpeg' | 'image/png'; dataBase64: string };
}

/** POST …/published-plans/:planId/versions/:number/responses: a parent's digital response. */
export interface RespondBody {
  kind: ResponseKind;
  statement: string;
  contentHash: string;
}

const pupil = (id: number) => `/api/pupils/${id}`;
const plan = (id: number, planId: number) => `${pupil(id)}/plans/${planId}`;
const published = (id: number, planId: number) => `${pupil(id)}/published-plans/${planId}`;

export const supportPaths = {
  support: (id: number) => `${pupil(id)}/support`,
  plan,
  publishedPlans: (id: number) => `${pupil(id)}/published-plans`,
  publishedPlan: published,
  overview: (schoolId: number) => `/api/support/overview${query({ schoolId })}`,
  tasks: () => '/api/tasks',
};

// ---------- staff: levels ----------


export function addLevel(id: number, body: AddLevelBody): Promise<{ entry: LevelEntry; warnings: LevelWarning[] }> {
  return api.post(`${pupil(id)}/support-levels`, body);
}

export function patchLevel(id: number, levelId: number, body: PatchLevelBody): Promise<LevelEntry> {
  return api.patch(`${pupil(id)}/support-levels/${levelId}`, body);
}

// ---------- staff: plans ----------

export function createPlan(id: number, body: CreatePlanBody): Promise<PlanView> {
  return api.post(`${pupil(id)}/plans`, body);
}

export function getPlan(id: number, planId: number, signal?: AbortSignal): Promise<PlanView> {
  return api.get<PlanView>(plan(id, planId), { signal });
}

export function savePlan(id: number, planId: number, body: { version: number; title: string; doc: SupportPlanDoc }): Promise<PlanView> {
  return api.put(plan(id, planId), body);
}

export function publishPlan(id: number, planId: number, version: number): Promise<PlanView> {
  return api.post(`${plan(id, planId)}/publish`, { version });
}

export function setPlanStatus(id: number, planId: number, version: number, status: SupportPlanStatus): Promise<PlanView> {
  return api.put(`${plan(id, planId)}/status`, { version, status });
}

export function extendPlan(id: number, planId: number, version: number, endsOn: string): Promise<PlanView> {
  return api.post(`${plan(id, planId)}/extend`, { version, endsOn });
}

export function followUpPlan(id: number, planId: number, version: number): Promise<{ planId: number }> {
  return api.post(`${plan(id, planId)}/follow-up`, { version });
}

export function deletePlan(id: number, planId: number): Promise<void> {
  return api.delete(plan(id, planId));
}

export function addMeeting(id: number, planId: number, body: ParentMeetingFields): Promise<ParentMeetingView> {
  return api.post(`${plan(id, planId)}/meetings`, body);
}

export function saveMeeting(id: number, planId: number, meetingId: number, body: ParentMeetingFields & { version: number }): Promise<ParentMeetingView> {
  return api.put(`${plan(id, planId)}/meetings/${meetingId}`, body);
}

export function addNote(id: number, planId: number, body: { notedOn: string; text: string }): Promise<PlanNoteView> {
  return api.post(`${plan(id, planId)}/notes`, body);
}

export function recordPaper(id: number, planId: number, number: number, body: PaperBody): Promise<ParentResponse> {
  return api.post(`${plan(id, planId)}/versions/${number}/paper`, body);
}

export function scanUrl(id: number, planId: number, scanId: number): string {
  return `${plan(id, planId)}/scans/${scanId}`;
}

export function versionPdfUrl(id: number, planId: number, number: number): string {
  return `${plan(id, planId)}/versions/${number}/pdf`;
}

// ---------- parents ----------



export function publishedPdfUrl(id: number, planId: number, number: number): string {
  return `${published(id, planId)}/versions/${number}/pdf`;
}

export function respond(id: number, planId: number, number: number, body: RespondBody): Promise<ParentResponse> {
  return api.post(`${published(id, planId)}/versions/${number}/responses`, body);
}

// ---------- lists ----------



// ---------- files ----------

/** Reads a chosen file as base64 (without the data: prefix) for the paper-signature upload. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      const comma = result.indexOf(',');
      resolve(comma >= 0 ? result.slice(comma + 1) : result);
    };
    reader.readAsDataURL(file);
  });
}
