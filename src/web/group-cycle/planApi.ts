// The groepsplan side of the group-cycle API (docs/api-contract.md, "HGW group cycle"): response shapes and the calls the plan page makes.
// Errors keep the whole JSON body (ApiError) because a 422 "requirements" answer carries its list of problems.
import type {
  ChecklistAnswers, ClusterDef, Goal, GoalResult, PlanDocument, PlanFormat, PlanReflection, PlanRow, PlanStatus,
  RequirementProblem, SmartFinding,
} from '../../domain/group-cycle/model';
import type { LevelScale } from '../../domain/assessments/scales';
import { ApiError, request, api } from '../shared/api';

export type { ChecklistAnswers, ClusterDef, Goal, GoalResult, PlanDocument, PlanFormat, PlanReflection, PlanRow, PlanStatus, RequirementProblem, SmartFinding };

export interface PlanPeriod {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
  current: boolean;
}

export interface PlanPupil {
  pupilId: number;
  firstName: string;
  lastName: string;
}

export interface PlanInstrument {
  id: number;
  name: string;
  domain: string;
  levelScale: LevelScale | null;
}

export interface EvidenceItem extends PlanPupil {
  moment: string;
  takenOn: string;
  level: string | null;
  abilityScore: number | null;
  met: boolean | null;
}

export interface RevisionSummary {
  revision: number;
  reason: string;
  createdAt: string;
  createdBy: string | null;
}

export interface RevisionDetail extends RevisionSummary {
  doc: PlanDocument;
}

export interface PlanNote {
  id: number;
  notedOn: string;
  text: string;
  rowKey: string | null;
  pupilId: number | null;
  authorName: string | null;
  createdAt: string;
}

/** GET /api/group-plans/:id */
export interface PlanDetail {
  id: number;
  version: number;
  status: PlanStatus;
  format: PlanFormat;
  revision: number;
  doc: PlanDocument;
  reflection: PlanReflection;
  evaluatedOn: string | null;
  updatedAt: string;
  overviewId: number;
  group: { id: number; name: string; sector: 'po' | 'vo'; grades: number[] };
  period: PlanPeriod;
  schoolName: string;
  canEdit: boolean;
  clusters: ClusterDef[];
  members: Record<string, PlanPupil[]>;
  pupils: PlanPupil[];
  staff: { userId: number; name: string }[];
  instruments: PlanInstrument[];
  smart: Record<string, SmartFinding[]>;
  rowSmart: Record<string, SmartFinding[]>;
  requirementProblems: RequirementProblem[];
  evidence: Record<string, EvidenceItem[]>;
  revisions: RevisionSummary[];
  notes: PlanNote[];
  next: { periodId: number; periodName: string; overviewId: number | null } | null;
}

/** PUT /api/group-plans/:id */
export interface PlanSaved {
  version: number;
  revision: number;
  smart: Record<string, SmartFinding[]>;
  rowSmart: Record<string, SmartFinding[]>;
  requirementProblems: RequirementProblem[];
}

export interface GoalEvaluation {
  rowKey: string;
  goalKey: string;
  result: GoalResult | null;
  resultNote: string;
  attainment: Record<string, GoalResult>;
}


const base = (id: number) => `/api/group-plans/${id}`;

export const planPaths = {
  plan: base,
  pdf: (id: number) => `${base(id)}/pdf`,
  checklist: (id: number) => `${base(id)}/checklists/planwijzer`,
  revision: (id: number, revision: number) => `${base(id)}/revisions/${revision}`,
};

export const planApi = {
  save: (id: number, body: { version: number; doc: PlanDocument; reason?: string }) => request<PlanSaved>('PUT', base(id), body),
  setStatus: (id: number, version: number, status: PlanStatus) => request<{ version: number; status: PlanStatus }>('PUT', `${base(id)}/status`, { version, status }),
  addNote: (id: number, body: { notedOn: string; text: string; rowKey: string | null; pupilId: number | null }) => request<PlanNote>('POST', `${base(id)}/notes`, body),
  saveEvaluation: (id: number, body: { version: number; goals: GoalEvaluation[]; reflection: PlanReflection }) => request<{ version: number }>('PUT', `${base(id)}/evaluation`, body),
  rollForward: (id: number) => request<{ overviewId: number; planId: number }>('POST', `${base(id)}/roll-forward`, {}),
  revision: (id: number, revision: number) => api.get<RevisionDetail>(planPaths.revision(id, revision)),
  reload: (id: number) => api.get<PlanDetail>(base(id)),
};

/** Any thrown value as an ApiError (network failures included). */
export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'network', '', {}, false);
}

/** The problems of a 422 "requirements" answer (setting the plan, finishing the evaluation). */
export function requirementProblemsOf(err: ApiError | null): RequirementProblem[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.body.problems)) return [];
  return (err.body.problems as RequirementProblem[]).filter((p) => p && typeof p.message === 'string');
}
