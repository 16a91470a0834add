// The access policy, tested as a hand-written matrix (actor × relation × action) plus properties over random
// actors and relations. The expectations below are written from the rules, not computed from the code.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CARE_ROLES,
  PUPIL_ACTIONS,
  ROLES,
  SCHOOL_ACTIONS,
  decideBoard,
  decideGroup,
  decidePupil,
  decideSchool,
  homeFor,
  pupilPermissions,
  type Actor,
  type GroupRelation,
  type PupilAction,
  type PupilRelation,
  type Role,
  type RoleGrant,
} from './policy';

// ---- Fixtures ----

/** The pupil of the matrix goes to school 1 of board 1. School 3 is another school of board 1; school 2 is of board 2. */
const PUPIL_SCHOOL = 1;
const PUPIL_BOARD = 1;

const RELATIONS = ['teachesNow', 'taughtLastYear', 'mentorNow', 'mentorLastYear', 'guardianWithAuthority', 'none'] as const;
type RelationName = (typeof RELATIONS)[number];

function relation(name: RelationName, over: Partial<PupilRelation> = {}): PupilRelation {
  return {
    pupilId: 42,
    schoolId: PUPIL_SCHOOL,
    boardId: PUPIL_BOARD,
    teachesNow: name === 'teachesNow',
    taughtLastYear: name === 'taughtLastYear',
    mentorNow: name === 'mentorNow',
    mentorLastYear: name === 'mentorLastYear',
    guardianWithAuthority: name === 'guardianWithAuthority',
    ...over,
  };
}

const atSchool = (role: Role, schoolId: number): RoleGrant => ({ role, schoolId, boardId: null });
const atBoard = (role: Role, boardId: number): RoleGrant => ({ role, schoolId: null, boardId });
const actor = (...grants: RoleGrant[]): Actor => ({ userId: 7, grants });

type Short = 'view' | 'viewCare' | 'editCare' | 'viewPublished' | 'editAdmin' | 'viewAudit' | 'sign';
const SHORT: Record<Short, PupilAction> = {
  view: 'pupil.view',
  viewCare: 'pupil.viewCare',
  editCare: 'pupil.editCare',
  viewPublished: 'pupil.viewPublished',
  editAdmin: 'pupil.editAdmin',
  viewAudit: 'pupil.viewAudit',
  sign: 'pupil.sign',
};

// ---- The expected matrix, by hand ----

const TEACH_NOW: Short[] = ['view', 'viewCare', 'editCare', 'viewPublished'];
const HANDOVER: Short[] = ['view', 'viewCare', 'viewPublished'];
const CARE: Short[] = ['view', 'viewCare', 'editCare', 'viewPublished', 'viewAudit'];
const DIRECTOR: Short[] = ['view', 'viewCare', 'viewPublished', 'viewAudit'];
const ADMIN: Short[] = ['view', 'editAdmin'];
const PARENT: Short[] = ['view', 'viewPublished', 'sign'];
const BOARD: Short[] = ['view'];
const NOTHING: Short[] = [];

/** What a role held at the pupil's own school (board role: at the pupil's own board) allows, per relation. */
const OWN_SCHOOL: Record<Role, Record<RelationName, Short[]>> = {
  teacher: {
    teachesNow: TEACH_NOW, taughtLastYear: HANDOVER, mentorNow: NOTHING, mentorLastYear: NOTHING, guardianWithAuthority: NOTHING, none: NOTHING,
  },
  subject_teacher: {
    teachesNow: TEACH_NOW, taughtLastYear: HANDOVER, mentorNow: NOTHING, mentorLastYear: NOTHING, guardianWithAuthority: NOTHING, none: NOTHING,
  },
  mentor: {
    teachesNow: NOTHING, taughtLastYear: NOTHING, mentorNow: TEACH_NOW, mentorLastYear: HANDOVER, guardianWithAuthority: NOTHING, none: NOTHING,
  },
  care_coordinator: {
    teachesNow: CARE, taughtLastYear: CARE, mentorNow: CARE, mentorLastYear: CARE, guardianWithAuthority: CARE, none: CARE,
  },
  director: {
    teachesNow: DIRECTOR, taughtLastYear: DIRECTOR, mentorNow: DIRECTOR, mentorLastYear: DIRECTOR, guardianWithAuthority: DIRECTOR, none: DIRECTOR,
  },
  admin: {
    teachesNow: ADMIN, taughtLastYear: ADMIN, mentorNow: ADMIN, mentorLastYear: ADMIN, guardianWithAuthority: ADMIN, none: ADMIN,
  },
  parent: {
    teachesNow: NOTHING, taughtLastYear: NOTHING, mentorNow: NOTHING, mentorLastYear: NOTHING, guardianWithAuthority: PARENT, none: NOTHING,
  },
  board: {
    teachesNow: BOARD, taughtLastYear: BOARD, mentorNow: BOARD, mentorLastYear: BOARD, guardianWithAuthority: BOARD, none: BOARD,
  },
};

interface Placement {
  label: string;
  /** The grant, or null where the placement does not apply to the role (a board role has no school). */
  grant: (role: Role) => RoleGrant | null;
  own: boolean;
}

/** Where an actor's single grant sits. The board role is a board-level grant; every other role a school-level one. */
const PLACEMENTS: Placement[] = [
  { label: 'school 1 / board 1 (the pupil’s)', grant: (r) => (r === 'board' ? atBoard(r, 1) : atSchool(r, 1)), own: true },
  { label: 'school 3 (other school, same board 1)', grant: (r) => (r === 'board' ? null : atSchool(r, 3)), own: false },
  { label: 'school 2 / board 2 (other board)', grant: (r) => (r === 'board' ? atBoard(r, 2) : atSchool(r, 2)), own: false },
];

interface Row {
  role: Role;
  place: string;
  rel: RelationName;
  action: PupilAction;
  grant: RoleGrant;
  expected: boolean;
}

/** Every (role, placement) pair that exists: 7 school roles × 3 placements + the board role × 2. */
const ACTORS = ROLES.flatMap((role) =>
  PLACEMENTS.flatMap((p) => {
    const grant = p.grant(role);
    return grant ? [{ role, place: p.label, own: p.own, grant }] : [];
  }),
);

const MATRIX: Row[] = ACTORS.flatMap(({ role, place, own, grant }) =>
  RELATIONS.flatMap((rel) =>
    (Object.keys(SHORT) as Short[]).map((s) => ({
      role,
      place,
      rel,
      action: SHORT[s],
      grant,
      expected: own && OWN_SCHOOL[role][rel].includes(s),
    })),
  ),
);

describe('pupil access matrix', () => {
  it('covers every pupil action and every role', () => {
    // If an action or role is added, this matrix has to be extended by hand.
    expect([...PUPIL_ACTIONS].sort()).toEqual(Object.values(SHORT).sort());
    expect([...ROLES].sort()).toEqual(Object.keys(OWN_SCHOOL).sort());
    expect(ACTORS.length).toBe((ROLES.length - 1) * 3 + 2);
    expect(MATRIX.length).toBe(ACTORS.length * RELATIONS.length * PUPIL_ACTIONS.length);
  });

  it.each(MATRIX)('$role at $place, relation $rel, $action → $expected', ({ grant, rel, action, expected }) => {
    const d = decidePupil(actor(grant), action, relation(rel));
    expect(d.allow).toBe(expected);
    if (d.allow) expect(d.basis).toMatch(/\S/);
    else expect(d.reason).toMatch(/\S/);
  });

  it.each(ACTORS.flatMap((x) => RELATIONS.map((rel) => ({ ...x, rel }))))(
    'pupilPermissions agrees with the matrix: $role at $place, $rel',
    ({ role, own, grant, rel }) => {
      const perms = pupilPermissions(actor(grant), relation(rel));
      const want = Object.fromEntries((Object.keys(SHORT) as Short[]).map((s) => [SHORT[s], own && OWN_SCHOOL[role][rel].includes(s)]));
      expect(perms).toEqual(want);
    },
  );
});

describe('decidePupil: details', () => {
  it('an actor without any grant is refused with no_role_at_school', () => {
    for (const a of PUPIL_ACTIONS) {
      expect(decidePupil(actor(), a, relation('teachesNow'))).toEqual({ allow: false, reason: 'no_role_at_school' });
    }
  });

  it('a role at another school is refused as no_role_at_school, even when the relation facts say otherwise', () => {
    const d = decidePupil(actor(atSchool('teacher', 2)), 'pupil.view', relation('teachesNow'));
    expect(d).toEqual({ allow: false, reason: 'no_role_at_school' });
  });

  it('a role at the school without the matching relation is refused as no_relation', () => {
    expect(decidePupil(actor(atSchool('teacher', 1)), 'pupil.view', relation('mentorNow'))).toEqual({ allow: false, reason: 'no_relation' });
    expect(decidePupil(actor(atSchool('mentor', 1)), 'pupil.view', relation('teachesNow'))).toEqual({ allow: false, reason: 'no_relation' });
    expect(decidePupil(actor(atSchool('parent', 1)), 'pupil.view', relation('none'))).toEqual({ allow: false, reason: 'no_relation' });
  });

  it('names the basis of an allowed decision (shown in the audit log)', () => {
    const basis = (g: RoleGrant, a: PupilAction, rel: PupilRelation) => {
      const d = decidePupil(actor(g), a, rel);
      return d.allow ? d.basis : `denied:${d.reason}`;
    };
    expect(basis(atSchool('care_coordinator', 1), 'pupil.editCare', relation('none'))).toBe('care_coordinator');
    expect(basis(atSchool('director', 1), 'pupil.viewAudit', relation('none'))).toBe('director');
    expect(basis(atSchool('admin', 1), 'pupil.editAdmin', relation('none'))).toBe('admin');
    expect(basis(atSchool('teacher', 1), 'pupil.editCare', relation('teachesNow'))).toBe('teaches_pupil');
    expect(basis(atSchool('subject_teacher', 1), 'pupil.viewCare', relation('teachesNow'))).toBe('teaches_pupil');
    expect(basis(atSchool('teacher', 1), 'pupil.viewCare', relation('taughtLastYear'))).toBe('taught_pupil_last_year');
    expect(basis(atSchool('mentor', 1), 'pupil.editCare', relation('mentorNow'))).toBe('mentor_of_pupil');
    expect(basis(atSchool('mentor', 1), 'pupil.view', relation('mentorLastYear'))).toBe('mentor_last_year');
    expect(basis(atSchool('parent', 1), 'pupil.viewPublished', relation('guardianWithAuthority'))).toBe('parent_with_authority');
    expect(basis(atBoard('board', 1), 'pupil.view', relation('none'))).toBe('board');
  });

  it('a current relation is named before a last-year one when both hold', () => {
    const rel = relation('teachesNow', { taughtLastYear: true });
    const d = decidePupil(actor(atSchool('teacher', 1)), 'pupil.view', rel);
    expect(d).toEqual({ allow: true, basis: 'teaches_pupil' });
  });

  it('handover (last year only) never allows writing care content, also with both last-year relations', () => {
    const rel = relation('none', { taughtLastYear: true, mentorLastYear: true });
    const a = actor(atSchool('teacher', 1), atSchool('mentor', 1), atSchool('subject_teacher', 1));
    expect(pupilPermissions(a, rel)).toEqual({
      'pupil.view': true, 'pupil.viewCare': true, 'pupil.editCare': false,
      'pupil.viewPublished': true, 'pupil.editAdmin': false, 'pupil.viewAudit': false, 'pupil.sign': false,
    });
  });

  it('a board role sees pupils of every school of its own board, and none of another board', () => {
    const board1 = actor(atBoard('board', 1));
    expect(decidePupil(board1, 'pupil.view', relation('none', { schoolId: 1, boardId: 1 })).allow).toBe(true);
    expect(decidePupil(board1, 'pupil.view', relation('none', { schoolId: 3, boardId: 1 })).allow).toBe(true);
    expect(decidePupil(board1, 'pupil.view', relation('none', { schoolId: 2, boardId: 2 })).allow).toBe(false);
    // Ids of schools and boards are different number spaces: school 1 of board 2 is not board 1's.
    expect(decidePupil(board1, 'pupil.view', relation('none', { schoolId: 1, boardId: 2 })).allow).toBe(false);
  });

  it('a school-level grant does not reach a pupil whose board id happens to equal that school id', () => {
    const a = actor(atSchool('care_coordinator', 2));
    expect(decidePupil(a, 'pupil.view', relation('none', { schoolId: 1, boardId: 2 })).allow).toBe(false);
  });

  it('a teacher who is also a parent with gezag at the school gets the union of both', () => {
    const a = actor(atSchool('teacher', 1), atSchool('parent', 1));
    expect(pupilPermissions(a, relation('guardianWithAuthority'))).toEqual({
      'pupil.view': true, 'pupil.viewCare': false, 'pupil.editCare': false,
      'pupil.viewPublished': true, 'pupil.editAdmin': false, 'pupil.viewAudit': false, 'pupil.sign': true,
    });
  });

  it('a role at another school does not combine with a role at the pupil’s school', () => {
    // Admin at school 1 and care coordinator at school 2: only the admin rights apply to a pupil of school 1.
    const a = actor(atSchool('admin', 1), atSchool('care_coordinator', 2));
    expect(pupilPermissions(a, relation('none'))).toEqual({
      'pupil.view': true, 'pupil.viewCare': false, 'pupil.editCare': false,
      'pupil.viewPublished': false, 'pupil.editAdmin': true, 'pupil.viewAudit': false, 'pupil.sign': false,
    });
  });
});

// ---- Properties over random actors and relations ----

const ids = fc.integer({ min: 1, max: 4 });
const grantArb: fc.Arbitrary<RoleGrant> = fc.oneof(
  fc.record({ role: fc.constantFrom(...ROLES), schoolId: ids, boardId: fc.constant(null) }),
  fc.record({ role: fc.constantFrom(...ROLES), schoolId: fc.constant(null), boardId: ids }),
);
const relArb: fc.Arbitrary<PupilRelation> = fc.record({
  pupilId: fc.integer({ min: 1, max: 1000 }),
  schoolId: ids,
  boardId: ids,
  teachesNow: fc.boolean(),
  taughtLastYear: fc.boolean(),
  mentorNow: fc.boolean(),
  mentorLastYear: fc.boolean(),
  guardianWithAuthority: fc.boolean(),
});
const actorArb = fc.array(grantArb, { maxLength: 5 }).map((grants) => actor(...grants));

describe('pupil access properties', () => {
  it('no actor without a grant at the pupil’s school or board is ever allowed anything', () => {
    fc.assert(
      fc.property(relArb, fc.array(grantArb, { maxLength: 6 }), (rel, raw) => {
        const grants = raw.filter((g) => g.schoolId !== rel.schoolId && g.boardId !== rel.boardId);
        for (const a of PUPIL_ACTIONS) {
          expect(decidePupil(actor(...grants), a, rel)).toEqual({ allow: false, reason: 'no_role_at_school' });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('permissions of several grants are the union of the permissions of each grant (no interplay between roles)', () => {
    fc.assert(
      fc.property(relArb, fc.array(grantArb, { minLength: 1, maxLength: 5 }), (rel, grants) => {
        const together = pupilPermissions(actor(...grants), rel);
        for (const a of PUPIL_ACTIONS) {
          expect(together[a]).toBe(grants.some((g) => pupilPermissions(actor(g), rel)[a]));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('an extra relation fact never takes a permission away', () => {
    const flags = ['teachesNow', 'taughtLastYear', 'mentorNow', 'mentorLastYear', 'guardianWithAuthority'] as const;
    fc.assert(
      fc.property(actorArb, relArb, fc.constantFrom(...flags), (a, rel, flag) => {
        const before = pupilPermissions(a, { ...rel, [flag]: false });
        const after = pupilPermissions(a, { ...rel, [flag]: true });
        for (const x of PUPIL_ACTIONS) if (before[x]) expect(after[x]).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('stronger actions imply weaker ones', () => {
    fc.assert(
      fc.property(actorArb, relArb, (a, rel) => {
        const p = pupilPermissions(a, rel);
        if (p['pupil.editCare']) expect(p['pupil.viewCare']).toBe(true);
        if (p['pupil.viewCare']) expect(p['pupil.view']).toBe(true);
        if (p['pupil.viewPublished']) expect(p['pupil.view']).toBe(true);
        if (p['pupil.editAdmin']) expect(p['pupil.view']).toBe(true);
        if (p['pupil.viewAudit']) expect(p['pupil.viewCare']).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('editAdmin exactly for a school admin; viewAudit exactly for care coordinator or director at the pupil’s school', () => {
    fc.assert(
      fc.property(actorArb, relArb, (a, rel) => {
        const here = (r: Role) => a.grants.some((g) => g.role === r && g.schoolId === rel.schoolId);
        const p = pupilPermissions(a, rel);
        expect(p['pupil.editAdmin']).toBe(here('admin'));
        expect(p['pupil.viewAudit']).toBe(here('care_coordinator') || here('director'));
      }),
      { numRuns: 1000 },
    );
  });

  it('care content is only for care coordinators, directors and teaching staff with a relation at the pupil’s school', () => {
    fc.assert(
      fc.property(actorArb, relArb, (a, rel) => {
        const here = (r: Role) => a.grants.some((g) => g.role === r && g.schoolId === rel.schoolId);
        const teacherRole = here('teacher') || here('subject_teacher');
        const editCare = here('care_coordinator') || (teacherRole && rel.teachesNow) || (here('mentor') && rel.mentorNow);
        const viewCare = editCare || here('director') || (teacherRole && rel.taughtLastYear) || (here('mentor') && rel.mentorLastYear);
        const p = pupilPermissions(a, rel);
        expect(p['pupil.editCare']).toBe(editCare);
        expect(p['pupil.viewCare']).toBe(viewCare);
      }),
      { numRuns: 1000 },
    );
  });

  it('grants at board level never give more than viewing the basic record', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ role: fc.constantFrom(...ROLES), schoolId: fc.constant(null), boardId: ids }), { maxLength: 5 }), relArb, (grants, rel) => {
        const p = pupilPermissions(actor(...grants), rel);
        expect(p['pupil.view']).toBe(grants.some((g) => g.role === 'board' && g.boardId === rel.boardId));
        for (const x of PUPIL_ACTIONS) if (x !== 'pupil.view') expect(p[x]).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

// ---- School-level decisions ----

describe('decideSchool', () => {
  // Expected per grant held, for school 1 of board 1. Written out by hand.
  const cases: { who: string; grant: RoleGrant; manage: boolean; viewAllPupils: boolean; manageCare: boolean; careOverview: boolean; staff: boolean }[] = [
    { who: 'admin at the school', grant: atSchool('admin', 1), manage: true, viewAllPupils: true, manageCare: false, careOverview: false , staff: true },
    { who: 'admin of the board', grant: atBoard('admin', 1), manage: true, viewAllPupils: false, manageCare: false, careOverview: false , staff: true },
    { who: 'care coordinator', grant: atSchool('care_coordinator', 1), manage: false, viewAllPupils: true, manageCare: true, careOverview: true , staff: true },
    { who: 'director', grant: atSchool('director', 1), manage: false, viewAllPupils: true, manageCare: false, careOverview: true , staff: true },
    { who: 'board role', grant: atBoard('board', 1), manage: false, viewAllPupils: true, manageCare: false, careOverview: true , staff: false },
    { who: 'teacher', grant: atSchool('teacher', 1), manage: false, viewAllPupils: false, manageCare: false, careOverview: false , staff: true },
    { who: 'mentor', grant: atSchool('mentor', 1), manage: false, viewAllPupils: false, manageCare: false, careOverview: false , staff: true },
    { who: 'subject teacher', grant: atSchool('subject_teacher', 1), manage: false, viewAllPupils: false, manageCare: false, careOverview: false , staff: true },
    { who: 'parent', grant: atSchool('parent', 1), manage: false, viewAllPupils: false, manageCare: false, careOverview: false , staff: false },
    { who: 'admin at another school of the board', grant: atSchool('admin', 3), manage: false, viewAllPupils: false, manageCare: false, careOverview: false , staff: false },
    { who: 'admin at a school of another board', grant: atSchool('admin', 2), manage: false, viewAllPupils: false, manageCare: false, careOverview: false , staff: false },
    { who: 'admin of another board', grant: atBoard('admin', 2), manage: false, viewAllPupils: false, manageCare: false, careOverview: false , staff: false },
    { who: 'care coordinator at another school', grant: atSchool('care_coordinator', 3), manage: false, viewAllPupils: false, manageCare: false, careOverview: false , staff: false },
    { who: 'board role of another board', grant: atBoard('board', 2), manage: false, viewAllPupils: false, manageCare: false, careOverview: false , staff: false },
  ];

  it('lists exactly the six school actions', () => {
    expect([...SCHOOL_ACTIONS].sort()).toEqual(['school.manage', 'school.manageCare', 'school.viewAllPupils', 'school.viewCareOverview', 'school.viewOutbox', 'school.viewStaff']);
  });

  it.each(cases)('$who: manage/outbox $manage, all pupils $viewAllPupils, care set-up $manageCare, care overview $careOverview, staff list $staff', ({ grant, manage, viewAllPupils, manageCare, careOverview, staff }) => {
    const a = actor(grant);
    expect(decideSchool(a, 'school.viewStaff', 1, 1).allow).toBe(staff);
    expect(decideSchool(a, 'school.manageCare', 1, 1).allow).toBe(manageCare);
    expect(decideSchool(a, 'school.viewCareOverview', 1, 1).allow).toBe(careOverview);
    expect(decideSchool(a, 'school.manage', 1, 1).allow).toBe(manage);
    expect(decideSchool(a, 'school.viewOutbox', 1, 1).allow).toBe(manage);
    expect(decideSchool(a, 'school.viewAllPupils', 1, 1).allow).toBe(viewAllPupils);
  });

  it('gives the basis and reasons', () => {
    expect(decideSchool(actor(atSchool('admin', 1)), 'school.manage', 1, 1)).toEqual({ allow: true, basis: 'admin' });
    expect(decideSchool(actor(atBoard('admin', 1)), 'school.manage', 1, 1)).toEqual({ allow: true, basis: 'board_admin' });
    expect(decideSchool(actor(atSchool('teacher', 1)), 'school.manage', 1, 1)).toEqual({ allow: false, reason: 'not_admin' });
    expect(decideSchool(actor(atSchool('teacher', 1)), 'school.viewAllPupils', 1, 1)).toEqual({ allow: false, reason: 'no_school_wide_role' });
    expect(decideSchool(actor(atSchool('care_coordinator', 1)), 'school.manageCare', 1, 1)).toEqual({ allow: true, basis: 'care_coordinator' });
    expect(decideSchool(actor(atSchool('admin', 1)), 'school.manageCare', 1, 1)).toEqual({ allow: false, reason: 'no_school_wide_role' });
    expect(decideSchool(actor(atBoard('board', 1)), 'school.viewCareOverview', 1, 1)).toEqual({ allow: true, basis: 'board' });
    expect(decideSchool(actor(atSchool('teacher', 1)), 'school.viewCareOverview', 1, 1)).toEqual({ allow: false, reason: 'no_school_wide_role' });
  });

  it('nobody without a grant at the school or its board may do anything at school level', () => {
    fc.assert(
      fc.property(fc.array(grantArb, { maxLength: 6 }), ids, ids, fc.constantFrom(...SCHOOL_ACTIONS), (raw, schoolId, boardId, action) => {
        const grants = raw.filter((g) => g.schoolId !== schoolId && g.boardId !== boardId);
        expect(decideSchool(actor(...grants), action, schoolId, boardId).allow).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('decideBoard', () => {
  it('allows only an admin grant on that very board', () => {
    expect(decideBoard(actor(atBoard('admin', 1)), 1)).toEqual({ allow: true, basis: 'board_admin' });
    expect(decideBoard(actor(atBoard('admin', 2)), 1)).toEqual({ allow: false, reason: 'not_board_admin' });
    expect(decideBoard(actor(atBoard('board', 1)), 1).allow).toBe(false);
    expect(decideBoard(actor(atSchool('admin', 1)), 1).allow).toBe(false);
    expect(decideBoard(actor(), 1).allow).toBe(false);
    expect(decideBoard(actor(atSchool('admin', 3), atBoard('admin', 1)), 1).allow).toBe(true);
  });
});

// ---- Group documents ----

describe('decideGroup', () => {
  const group = (over: Partial<GroupRelation> = {}): GroupRelation => ({
    schoolId: 1, boardId: 1, staffKinds: [], current: true, lastYear: false, ...over,
  });
  const CURRENT = { current: true, lastYear: false };
  const LAST = { current: false, lastYear: true };
  const OLDER = { current: false, lastYear: false };

  type Case = { who: string; grants: RoleGrant[]; staff: GroupRelation['staffKinds']; when: typeof CURRENT; view: boolean; viewCare: boolean; editCare: boolean };
  const cases: Case[] = [
    // School-wide roles.
    { who: 'care coordinator, current group', grants: [atSchool('care_coordinator', 1)], staff: [], when: CURRENT, view: true, viewCare: true, editCare: true },
    { who: 'care coordinator, older group', grants: [atSchool('care_coordinator', 1)], staff: [], when: OLDER, view: true, viewCare: true, editCare: true },
    { who: 'director', grants: [atSchool('director', 1)], staff: [], when: CURRENT, view: true, viewCare: true, editCare: false },
    { who: 'admin', grants: [atSchool('admin', 1)], staff: [], when: CURRENT, view: true, viewCare: false, editCare: false },
    { who: 'board role of the board', grants: [atBoard('board', 1)], staff: [], when: CURRENT, view: true, viewCare: false, editCare: false },
    { who: 'parent', grants: [atSchool('parent', 1)], staff: [], when: CURRENT, view: false, viewCare: false, editCare: false },
    // Staff of the group, by kind and year.
    { who: 'teacher on the staff, current', grants: [atSchool('teacher', 1)], staff: ['teacher'], when: CURRENT, view: true, viewCare: true, editCare: true },
    { who: 'teacher on the staff, last year', grants: [atSchool('teacher', 1)], staff: ['teacher'], when: LAST, view: true, viewCare: true, editCare: false },
    { who: 'teacher on the staff, older year', grants: [atSchool('teacher', 1)], staff: ['teacher'], when: OLDER, view: false, viewCare: false, editCare: false },
    { who: 'mentor on the staff, current', grants: [atSchool('mentor', 1)], staff: ['mentor'], when: CURRENT, view: true, viewCare: true, editCare: true },
    { who: 'mentor on the staff, last year', grants: [atSchool('mentor', 1)], staff: ['mentor'], when: LAST, view: true, viewCare: true, editCare: false },
    { who: 'subject teacher on the staff, current', grants: [atSchool('subject_teacher', 1)], staff: ['subject_teacher'], when: CURRENT, view: true, viewCare: true, editCare: true },
    { who: 'subject teacher on the staff, last year', grants: [atSchool('subject_teacher', 1)], staff: ['subject_teacher'], when: LAST, view: true, viewCare: true, editCare: false },
    // Role without the matching place on the staff, or staff without the role.
    { who: 'teacher not on the staff', grants: [atSchool('teacher', 1)], staff: [], when: CURRENT, view: false, viewCare: false, editCare: false },
    { who: 'teacher role, on the staff as mentor', grants: [atSchool('teacher', 1)], staff: ['mentor'], when: CURRENT, view: false, viewCare: false, editCare: false },
    { who: 'mentor role, on the staff as teacher', grants: [atSchool('mentor', 1)], staff: ['teacher'], when: CURRENT, view: false, viewCare: false, editCare: false },
    { who: 'on the staff without any role', grants: [], staff: ['teacher'], when: CURRENT, view: false, viewCare: false, editCare: false },
    // Roles elsewhere.
    { who: 'teacher at another school, on the staff', grants: [atSchool('teacher', 3)], staff: ['teacher'], when: CURRENT, view: false, viewCare: false, editCare: false },
    { who: 'care coordinator at another school', grants: [atSchool('care_coordinator', 3)], staff: [], when: CURRENT, view: false, viewCare: false, editCare: false },
    { who: 'director at another board', grants: [atSchool('director', 2)], staff: [], when: CURRENT, view: false, viewCare: false, editCare: false },
    { who: 'board role of another board', grants: [atBoard('board', 2)], staff: [], when: CURRENT, view: false, viewCare: false, editCare: false },
    { who: 'admin of the board (board-level grant)', grants: [atBoard('admin', 1)], staff: [], when: CURRENT, view: false, viewCare: false, editCare: false },
  ];

  it.each(cases)('$who: view $view, viewCare $viewCare, editCare $editCare', ({ grants, staff, when, view, viewCare, editCare }) => {
    const rel = group({ staffKinds: staff, ...when });
    expect(decideGroup(actor(...grants), 'group.view', rel).allow).toBe(view);
    expect(decideGroup(actor(...grants), 'group.viewCare', rel).allow).toBe(viewCare);
    expect(decideGroup(actor(...grants), 'group.editCare', rel).allow).toBe(editCare);
  });

  it('names group_staff as the basis for staff, and not_group_staff as the reason otherwise', () => {
    const rel = group({ staffKinds: ['teacher'] });
    expect(decideGroup(actor(atSchool('teacher', 1)), 'group.editCare', rel)).toEqual({ allow: true, basis: 'group_staff' });
    expect(decideGroup(actor(atSchool('parent', 1)), 'group.view', rel)).toEqual({ allow: false, reason: 'not_group_staff' });
  });

  it('nobody without a grant at the group’s school or board sees or edits it', () => {
    const kinds = fc.subarray(['teacher', 'mentor', 'subject_teacher'] as const);
    fc.assert(
      fc.property(fc.array(grantArb, { maxLength: 6 }), ids, ids, kinds, fc.boolean(), fc.boolean(), fc.constantFrom('group.view' as const, 'group.viewCare' as const, 'group.editCare' as const),
        (raw, schoolId, boardId, staffKinds, current, lastYear, action) => {
          const grants = raw.filter((g) => g.schoolId !== schoolId && g.boardId !== boardId);
          expect(decideGroup(actor(...grants), action, { schoolId, boardId, staffKinds, current, lastYear }).allow).toBe(false);
        }),
      { numRuns: 500 },
    );
  });

  it('editing care content of a group implies seeing it', () => {
    const kinds = fc.subarray(['teacher', 'mentor', 'subject_teacher'] as const);
    fc.assert(
      fc.property(actorArb, ids, ids, kinds, fc.boolean(), fc.boolean(), (a, schoolId, boardId, staffKinds, current, lastYear) => {
        const rel = { schoolId, boardId, staffKinds, current, lastYear };
        if (decideGroup(a, 'group.editCare', rel).allow) expect(decideGroup(a, 'group.view', rel).allow).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

// ---- Landing page ----

describe('homeFor', () => {
  it.each([
    { grants: [atSchool('care_coordinator', 1)], home: 'care' },
    { grants: [atSchool('director', 1)], home: 'care' },
    { grants: [atSchool('teacher', 1)], home: 'teacher' },
    { grants: [atSchool('mentor', 1)], home: 'teacher' },
    { grants: [atSchool('subject_teacher', 1)], home: 'teacher' },
    { grants: [atSchool('admin', 1)], home: 'admin' },
    { grants: [atBoard('admin', 1)], home: 'admin' },
    { grants: [atBoard('board', 1)], home: 'board' },
    { grants: [atSchool('parent', 1)], home: 'parent' },
    { grants: [], home: 'parent' },
    // Several roles: care before teaching before admin before board before parent.
    { grants: [atSchool('teacher', 1), atSchool('care_coordinator', 2)], home: 'care' },
    { grants: [atSchool('admin', 1), atSchool('director', 1)], home: 'care' },
    { grants: [atSchool('admin', 1), atSchool('teacher', 1)], home: 'teacher' },
    { grants: [atSchool('parent', 1), atSchool('mentor', 1)], home: 'teacher' },
    { grants: [atBoard('board', 1), atBoard('admin', 1)], home: 'admin' },
    { grants: [atSchool('parent', 1), atBoard('board', 1)], home: 'board' },
  ] as { grants: RoleGrant[]; home: ReturnType<typeof homeFor> }[])('$grants.length grant(s) → $home', ({ grants, home }) => {
    expect(homeFor(grants)).toBe(home);
  });
});

describe('CARE_ROLES', () => {
  it('are the roles that work with care content: staff and care roles, not admin, parent or board', () => {
    expect([...CARE_ROLES].sort()).toEqual(['care_coordinator', 'director', 'mentor', 'subject_teacher', 'teacher']);
  });
});
