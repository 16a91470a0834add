// The access policy: the one place that decides who may read or write which pupil data.
// Pure: the server gathers the facts (roles, relation to the pupil, school) and asks here.

export const ROLES = [
  'teacher', 'mentor', 'subject_teacher', 'care_coordinator', 'director', 'admin', 'parent', 'board',
] as const;
export type Role = (typeof ROLES)[number];

/** A role held by a user, scoped to one school or (board roles) to a whole board. */
export interface RoleGrant {
  role: Role;
  schoolId: number | null;
  boardId: number | null;
}

export interface Actor {
  userId: number;
  grants: readonly RoleGrant[];
}

/** Facts about how a user stands to one pupil, gathered by the server. */
export interface PupilRelation {
  pupilId: number;
  schoolId: number;
  boardId: number;
  /** Teaches (groepsleerkracht or vakdocent) a group the pupil is in this school year. */
  teachesNow: boolean;
  /** Taught such a group last school year (handover to the next teacher). */
  taughtLastYear: boolean;
  /** Mentor of the pupil's class this school year. */
  mentorNow: boolean;
  /** Mentor of the pupil's class last school year. */
  mentorLastYear: boolean;
  /** Parent/carer with parental authority (gezag). */
  guardianWithAuthority: boolean;
}

export const PUPIL_ACTIONS = [
  /** Basic record: name, birth date, groups, parents. */
  'pupil.view',
  /** Care content (results, plans, notes, meetings) — whatever later capabilities add. */
  'pupil.viewCare',
  /** Write care content. */
  'pupil.editCare',
  /** What the school has published to parents. */
  'pupil.viewPublished',
  /** Administrative data: create/edit the record, enrolments, parents. */
  'pupil.editAdmin',
  /** The audit log of the pupil's record. */
  'pupil.viewAudit',
  /** Sign, consent to or comment on a published plan version: a parent with gezag only, for themselves. */
  'pupil.sign',
] as const;
export type PupilAction = (typeof PUPIL_ACTIONS)[number];

export type Decision = { allow: true; basis: string } | { allow: false; reason: string };

const allow = (basis: string): Decision => ({ allow: true, basis });
const deny = (reason: string): Decision => ({ allow: false, reason });

function schoolRoles(actor: Actor, schoolId: number): Set<Role> {
  return new Set(actor.grants.filter((g) => g.schoolId === schoolId).map((g) => g.role));
}

function boardRoles(actor: Actor, boardId: number): Set<Role> {
  return new Set(actor.grants.filter((g) => g.boardId === boardId).map((g) => g.role));
}

/** The grounds on which a user may act on a pupil. Each action lists who may do it. */
const RULES: Record<PupilAction, (roles: Set<Role>, board: Set<Role>, rel: PupilRelation) => string | null> = {
  'pupil.view': (roles, board, rel) =>
    (roles.has('care_coordinator') && 'care_coordinator') ||
    (roles.has('director') && 'director') ||
    (roles.has('admin') && 'admin') ||
    teaching(roles, rel, true) ||
    (roles.has('parent') && rel.guardianWithAuthority && 'parent_with_authority') ||
    (board.has('board') && 'board') ||
    null,
  'pupil.viewCare': (roles, _board, rel) =>
    (roles.has('care_coordinator') && 'care_coordinator') ||
    (roles.has('director') && 'director') ||
    teaching(roles, rel, true) ||
    null,
  'pupil.editCare': (roles, _board, rel) =>
    (roles.has('care_coordinator') && 'care_coordinator') ||
    teaching(roles, rel, false) ||
    null,
  'pupil.viewPublished': (roles, _board, rel) =>
    (roles.has('parent') && rel.guardianWithAuthority && 'parent_with_authority') ||
    (roles.has('care_coordinator') && 'care_coordinator') ||
    (roles.has('director') && 'director') ||
    teaching(roles, rel, true) ||
    null,
  'pupil.editAdmin': (roles) => (roles.has('admin') && 'admin') || null,
  'pupil.viewAudit': (roles) =>
    (roles.has('care_coordinator') && 'care_coordinator') || (roles.has('director') && 'director') || null,
  'pupil.sign': (roles, _board, rel) => (roles.has('parent') && rel.guardianWithAuthority && 'parent_with_authority') || null,
};

/** Teachers, subject teachers and mentors act through their relation to the pupil, not through their role alone. */
function teaching(roles: Set<Role>, rel: PupilRelation, includeLastYear: boolean): string | null {
  const teacherRole = roles.has('teacher') || roles.has('subject_teacher');
  if (teacherRole && rel.teachesNow) return 'teaches_pupil';
  if (roles.has('mentor') && rel.mentorNow) return 'mentor_of_pupil';
  if (includeLastYear && teacherRole && rel.taughtLastYear) return 'taught_pupil_last_year';
  if (includeLastYear && roles.has('mentor') && rel.mentorLastYear) return 'mentor_last_year';
  return null;
}

export function decidePupil(actor: Actor, action: PupilAction, rel: PupilRelation): Decision {
  const roles = schoolRoles(actor, rel.schoolId);
  const board = boardRoles(actor, rel.boardId);
  if (roles.size === 0 && board.size === 0) return deny('no_role_at_school');
  const basis = RULES[action](roles, board, rel);
  return basis ? allow(basis) : deny('no_relation');
}

/** Everything the actor may do with a pupil, for the UI to show or hide controls. */
export function pupilPermissions(actor: Actor, rel: PupilRelation): Record<PupilAction, boolean> {
  const out = {} as Record<PupilAction, boolean>;
  for (const a of PUPIL_ACTIONS) out[a] = decidePupil(actor, a, rel).allow;
  return out;
}

// ---- School-level decisions (set-up, group documents) ----

export const SCHOOL_ACTIONS = [
  /** Set up the school: years, periods, groups, accounts, settings. */
  'school.manage',
  /** See every pupil and group of the school. */
  'school.viewAllPupils',
  /** Read the school's outbox (demo and support). */
  'school.viewOutbox',
  /** Manage the school's pupil-monitoring set-up: instruments, norm tables, signal rules, result imports. */
  'school.manageCare',
  /** See school-wide aggregates of care data (the four-year result trend); no individual pupil's data. */
  'school.viewCareOverview',
  /** List the school's staff (names and roles) to invite a colleague or assign an action; no pupil data. */
  'school.viewStaff',
] as const;
export type SchoolAction = (typeof SCHOOL_ACTIONS)[number];

export function decideSchool(actor: Actor, action: SchoolAction, schoolId: number, boardId: number): Decision {
  const roles = schoolRoles(actor, schoolId);
  const board = boardRoles(actor, boardId);
  switch (action) {
    case 'school.manage':
    case 'school.viewOutbox':
      if (roles.has('admin')) return allow('admin');
      if (board.has('admin')) return allow('board_admin');
      return deny('not_admin');
    case 'school.viewAllPupils':
      if (roles.has('care_coordinator')) return allow('care_coordinator');
      if (roles.has('director')) return allow('director');
      if (roles.has('admin')) return allow('admin');
      if (board.has('board')) return allow('board');
      return deny('no_school_wide_role');
    case 'school.manageCare':
      if (roles.has('care_coordinator')) return allow('care_coordinator');
      return deny('no_school_wide_role');
    case 'school.viewCareOverview':
      if (roles.has('care_coordinator')) return allow('care_coordinator');
      if (roles.has('director')) return allow('director');
      if (board.has('board')) return allow('board');
      return deny('no_school_wide_role');
    case 'school.viewStaff':
      if (roles.has('care_coordinator')) return allow('care_coordinator');
      if (roles.has('director')) return allow('director');
      if (roles.has('teacher') || roles.has('mentor') || roles.has('subject_teacher')) return allow('staff');
      if (roles.has('admin')) return allow('admin');
      if (board.has('admin')) return allow('board_admin');
      return deny('not_staff');
  }
}

/** Board-level set-up: create schools under a board. */
export function decideBoard(actor: Actor, boardId: number): Decision {
  return actor.grants.some((g) => g.boardId === boardId && g.role === 'admin') ? allow('board_admin') : deny('not_board_admin');
}

/** Group documents (group list, later groepsoverzicht/groepsplan): staff of the group and school-wide care roles. */
export interface GroupRelation {
  schoolId: number;
  boardId: number;
  /** The user's kinds on this group's staff list. */
  staffKinds: readonly ('teacher' | 'mentor' | 'subject_teacher')[];
  /** The group belongs to the current school year (false for past years). */
  current: boolean;
  /** The group belongs to last school year. */
  lastYear: boolean;
}

/**
 * group.view: the group and its pupil list. group.viewCare: the group's care documents (groepsoverzicht, groepsplan):
 * care coordinator, director and the group's staff (this year, or last year for the handover) — not the administrator,
 * not the board, never parents (the documents hold every pupil's line). group.editCare: write them (care coordinator,
 * staff of the group this year).
 */
export type GroupAction = 'group.view' | 'group.viewCare' | 'group.editCare';

export function decideGroup(actor: Actor, action: GroupAction, rel: GroupRelation): Decision {
  const roles = schoolRoles(actor, rel.schoolId);
  const board = boardRoles(actor, rel.boardId);
  if (roles.has('care_coordinator')) return allow('care_coordinator');
  const staff = rel.staffKinds.length > 0 && (
    (rel.staffKinds.includes('teacher') && roles.has('teacher')) ||
    (rel.staffKinds.includes('subject_teacher') && roles.has('subject_teacher')) ||
    (rel.staffKinds.includes('mentor') && roles.has('mentor')));
  if (action === 'group.editCare') return staff && rel.current ? allow('group_staff') : deny('not_group_staff');
  if (roles.has('director')) return allow('director');
  if (action === 'group.viewCare') return staff && (rel.current || rel.lastYear) ? allow('group_staff') : deny('not_group_staff');
  if (roles.has('admin')) return allow('admin');
  if (board.has('board')) return allow('board');
  if (staff && (rel.current || rel.lastYear)) return allow('group_staff');
  return deny('not_group_staff');
}

/** Where a user lands after login, from their roles. */
export function homeFor(grants: readonly RoleGrant[]): 'teacher' | 'care' | 'parent' | 'admin' | 'board' {
  const roles = new Set(grants.map((g) => g.role));
  if (roles.has('care_coordinator') || roles.has('director')) return 'care';
  if (roles.has('teacher') || roles.has('mentor') || roles.has('subject_teacher')) return 'teacher';
  if (roles.has('admin')) return 'admin';
  if (roles.has('board')) return 'board';
  return 'parent';
}

/** Roles for which a school may make two-factor login compulsory. */
export const CARE_ROLES: readonly Role[] = ['care_coordinator', 'director', 'teacher', 'mentor', 'subject_teacher'];

// ---- Meetings (issue 6) ----

/** Facts about how a user stands to one meeting, gathered by the server (access/meetings.ts). */
export interface MeetingRelation {
  schoolId: number;
  boardId: number;
  kind: 'groupDiscussion' | 'pupilDiscussion' | 'careTeam' | 'bilateral';
  /** Listed as a staff participant. */
  participant: boolean;
  /** Listed as a parent participant (a parent account). */
  parentParticipant: boolean;
  /** Chair or minute-taker of the meeting. */
  runs: boolean;
  /** On the staff of the meeting's group (groepsbespreking), this school year. */
  groupStaff: boolean;
}

/**
 * meeting.view: the meeting itself (date, agenda headings, participants, minutes, actions) — the care coordinator and the
 * director, its staff participants, chair and minute-taker, and for a groepsbespreking the group's staff. A pupil's case
 * inside it is decided per pupil (pupil.viewCare), never by the meeting. A parent participant sees only what
 * is published to them (pupil.viewPublished), not the meeting page.
 * meeting.edit: details, agenda, participants, minutes, actions — the care coordinator, the chair and the minute-taker.
 * meeting.contribute: hand in a question, propose a pupil (who must also have pupil.editCare on that pupil) — anyone who
 * may view the meeting, except the director and the board who watch but do not take part unless listed.
 */
export type MeetingAction = 'meeting.view' | 'meeting.edit' | 'meeting.contribute';

export function decideMeeting(actor: Actor, action: MeetingAction, rel: MeetingRelation): Decision {
  const roles = schoolRoles(actor, rel.schoolId);
  if (roles.size === 0) return deny('no_role_at_school');
  const staffRole = roles.has('teacher') || roles.has('mentor') || roles.has('subject_teacher') || roles.has('care_coordinator') || roles.has('director');
  if (roles.has('care_coordinator')) return allow('care_coordinator');
  if (action === 'meeting.edit') return staffRole && rel.runs ? allow('runs_meeting') : deny('not_running_meeting');
  const involved = staffRole && (rel.runs ? 'runs_meeting' : rel.participant ? 'participant' : rel.groupStaff && rel.kind === 'groupDiscussion' ? 'group_staff' : null);
  if (involved) return allow(involved);
  if (action === 'meeting.view' && roles.has('director')) return allow('director');
  return deny('not_involved');
}

/**
 * Scheduling a meeting: the care coordinator any meeting of the school; a mentor or teacher the groepsbespreking of a
 * group they are on the staff of (seed 003: the mentor plans and leads it).
 */
export function decideMeetingSchedule(actor: Actor, schoolId: number, kind: MeetingRelation['kind'], groupStaffKinds: readonly string[]): Decision {
  const roles = schoolRoles(actor, schoolId);
  if (roles.has('care_coordinator')) return allow('care_coordinator');
  if (kind === 'groupDiscussion' && (
    (groupStaffKinds.includes('mentor') && roles.has('mentor')) ||
    (groupStaffKinds.includes('teacher') && roles.has('teacher')))) return allow('group_staff');
  return deny('not_allowed_to_schedule');
}
