// Types of the group-cycle API on the overview side (docs/api-contract.md, "HGW group cycle") and the calls
// whose error body carries more than {error, message, fields} (a refused "vaststellen" lists its problems).
import { ApiError } from '../shared/api';
import type {
  ClusterDef,
  GroupCycleSettings,
  OverviewForm,
  OverviewLineFields,
  OverviewStatus,
  PlanFormat,
  PlanStatus,
  RequiredField,
  RequirementProblem,
} from '../../domain/group-cycle/model';
import type { Domain, LevelScale, Signal } from '../assessments/types';
import type { StaffKind } from '../shared/types';


export type CyclePeriod = { id: number; name: string; startsOn: string; endsOn: string; current: boolean };

export type PlanRef = { id: number; status: PlanStatus; format: PlanFormat };

/** GET /api/groups/:id/group-cycle. */
export type GroupCycle = {
  group: { id: number; name: string; schoolId: number; sector: 'po' | 'vo'; grades: number[] };
  schoolName: string;
  periods: CyclePeriod[];
  settings: GroupCycleSettings;
  planFormat: PlanFormat;
  canEdit: boolean;
  overviews: { id: number; periodId: number; form: OverviewForm; subject: Domain | null; status: OverviewStatus; updatedAt: string; plan: PlanRef | null }[];
};

export type ResultCell = {
  instrumentId: number;
  moment: string;
  takenOn: string;
  level: string | null;
  abilityScore: number | null;
  dle: number | null;
  /** A result without a level or score, e.g. an AVI level ("E4"). */
  textValue: string | null;
  belowNorm: boolean;
};

export type OverviewLine = {
  pupilId: number;
  firstName: string;
  lastName: string;
  version: number;
  cluster: string | null;
  fields: OverviewLineFields;
  /** Per instrument the last moments up to the period end, newest first. */
  results: ResultCell[];
  /** Worded on the page from `reason` (the server leaves out the Dutch `message` and `ruleId`). */
  signals: (Omit<Signal, 'message' | 'ruleId'> & { message?: string })[];
  suggestedCluster: string | null;
  previous: { periodName: string; fields: OverviewLineFields; cluster: string | null } | null;
};

export type ClusterProblem = { level: 'error' | 'warning'; code: string; message: string; pupilIds?: number[] };

/** GET /api/group-overviews/:id. */
export type Overview = {
  id: number;
  version: number;
  status: OverviewStatus;
  form: OverviewForm;
  subject: Domain | null;
  attentionPoints: string;
  updatedAt: string;
  group: { id: number; name: string; sector: 'po' | 'vo'; grades: number[] };
  period: CyclePeriod;
  schoolName: string;
  staff: { userId: number; name: string; kind: StaffKind }[];
  canEdit: boolean;
  settings: { clusters: ClusterDef[]; requiredFields: RequiredField[] };
  instruments: { id: number; name: string; domain: Domain; levelScale: LevelScale | null }[];
  lines: OverviewLine[];
  clusterProblems: ClusterProblem[];
  requirementProblems: RequirementProblem[];
  plan: PlanRef | null;
};

/** PUT /api/group-overviews/:id/lines/:pupilId answers this. */
export type SavedLine = { pupilId: number; version: number; fields: OverviewLineFields };

/** PUT /api/group-overviews/:id/clusters answers this. */
export type SavedClusters = { version: number; clusterProblems: ClusterProblem[] };

/** PUT /api/group-overviews/:id/status answers this. */
export type SavedStatus = { version: number; status: OverviewStatus };

export const overviewPath = (id: number | string) => `/api/group-overviews/${encodeURIComponent(String(id))}`;
export const overviewPdf = (id: number) => `/api/group-overviews/${id}/pdf`;
export const planPdf = (id: number) => `/api/group-plans/${id}/pdf`;
