// Types of the HTTP API as described in docs/api-contract.md.
// The web client does not import server code; keep these in step with the contract.

export type Role =
  | 'teacher'
  | 'mentor'
  | 'subject_teacher'
  | 'care_coordinator'
  | 'director'
  | 'admin'
  | 'parent'
  | 'board';

export const ROLES: Role[] = [
  'teacher',
  'mentor',
  'subject_teacher',
  'care_coordinator',
  'director',
  'admin',
  'parent',
  'board',
];

export type Locale = 'nl' | 'en';
export type Home = 'teacher' | 'care' | 'parent' | 'admin' | 'board';
export type Sector = 'po' | 'vo';
export type StaffKind = 'teacher' | 'mentor' | 'subject_teacher';
export const STAFF_KINDS: StaffKind[] = ['teacher', 'mentor', 'subject_teacher'];

export type MeSchool = {
  id: number;
  name: string;
  sector: Sector;
  careCoordinatorLabel: string;
  canManage: boolean;
  canSeeAllPupils: boolean;
};

export type Me = {
  id: number;
  name: string;
  login: string;
  email: string | null;
  locale: Locale;
  totpEnabled: boolean;
  mfa: 'ok' | 'setup_required';
  home: Home;
  roles: { role: Role; schoolId: number | null; schoolName: string | null; boardId: number | null }[];
  schools: MeSchool[];
  groups: { id: number; name: string; schoolId: number; schoolYear: string }[];
  children: { id: number; name: string }[];
  /** The server's today (YYYY-MM-DD). */
  today: string;
};

export type LoginStatus = 'ok' | 'mfa_required' | 'mfa_setup_required';

export type GroupRef = { id: number; name: string };

export type PupilSummary = {
  id: number;
  firstName: string;
  lastName: string;
  birthDate: string;
  schoolId: number;
  group: GroupRef | null;
  /** Visible only through last school year's group (handover to the next teacher). */
  handover?: boolean;
};

export type GroupHistoryEntry = {
  enrolmentId: number;
  schoolYear: string;
  schoolYearId: number;
  groupId: number;
  groupName: string;
  grade: number | null;
};

export type Guardian = {
  userId: number;
  name: string;
  email: string | null;
  phone: string | null;
  relation: string;
  hasAuthority: boolean;
};

export type PupilDetail = {
  id: number;
  firstName: string;
  lastName: string;
  birthDate: string;
  entryDate: string;
  leaveDate: string | null;
  age: number;
  version: number;
  school: { id: number; name: string };
  currentGroup: GroupRef | null;
  groupHistory: GroupHistoryEntry[];
  guardians: Guardian[];
  can: { editAdmin: boolean; viewAudit: boolean };
};

export type AuditEntry = {
  id: number;
  at: string;
  actor: { id: number; name: string } | null;
  action: string;
  entity: string;
  detail: unknown;
  ip: string | null;
};

export type StaffMember = { userId: number; name: string; kind: StaffKind };

export type GroupSummary = {
  id: number;
  name: string;
  schoolId: number;
  /** For PATCH /api/groups/{id} (optimistic concurrency). */
  version: number;
  schoolYear: { id: number; name: string; current: boolean };
  grades: number[];
  level: string | null;
  pupilCount: number;
  staff: StaffMember[];
};

export type GroupDetail = GroupSummary & {
  pupils: { id: number; firstName: string; lastName: string; birthDate: string; grade: number | null }[];
};

export type Board = { id: number; name: string; canManage?: boolean; schools: { id: number; name: string }[] };

export type SchoolSettings = {
  careCoordinatorLabel: string;
  requireTotpForCareRoles: boolean;
  publishResultsToParents: boolean;
  resultNorm: { scale: 'AE' | 'IV'; level: string; percent: number };
};

export type School = {
  id: number;
  boardId: number;
  boardName: string;
  name: string;
  brin: string;
  sector: Sector;
  settings: SchoolSettings;
};

export type Period = { id: number; seq: number; name: string; startsOn: string; endsOn: string };

export type SchoolYear = {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
  current: boolean;
  periods: Period[];
};

export type PeriodPattern = 'halves' | 'three_cycles' | 'four_ten_weeks';
export const PERIOD_PATTERNS: PeriodPattern[] = ['halves', 'three_cycles', 'four_ten_weeks'];

export type UserRole = { role: Role; schoolId: number | null; boardId: number | null };

export type User = {
  id: number;
  name: string;
  login: string;
  email: string | null;
  disabled: boolean;
  totpEnabled?: boolean;
  roles: UserRole[];
};

export type OutboxMessage = {
  id: number;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
};

export type Items<T> = { items: T[] };
