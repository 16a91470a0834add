// Gathers the facts the access policy needs. One query for any number of pupils.
import { sql, type SQL } from 'drizzle-orm';
import type { GroupRelation, PupilRelation } from '../../domain/access/policy';
import { sessionFromRow, sessionSelect, type LoadedSession, type SessionRow } from '../auth/session';
import { intArray, prepared, rows, type DbOrTx } from '../db/client';

interface RelationRow {
  pupil_id: number;
  school_id: number;
  board_id: number;
  teaches_now: boolean;
  taught_last_year: boolean;
  mentor_now: boolean;
  mentor_last_year: boolean;
  guardian: boolean;
}

/**
 * A route may ask for data of the one pupil it opens together with the relation (`preload`), in the same statement: one
 * round trip instead of two. The data is only handed on after the policy has allowed the action.
 */
export interface Preload {
  /** Statement name: one per preload kind (the SQL text of a name never changes). */
  name: string;
  /** A select of one row with one column `preloaded`, for the pupil whose id is the outer query's column `r.pupil_id`. */
  select: (pupilIdColumn: SQL) => SQL;
}

/** The relation; with a preload, `row` holds the preloaded value, or null. */
export type LoadedRelation = PupilRelation & { row?: unknown };

/** The relation facts of the pupils matching `match` (on `p`), for the user whose id is `userId` (a parameter or a column). */
export function relationSelect(userId: SQL, match: SQL, today: string): SQL {
  return sql`
    select p.id as pupil_id, p.school_id, s.board_id,
      coalesce(bool_or(gs.kind in ('teacher','subject_teacher') and y.starts_on <= ${today}::date and y.ends_on >= ${today}::date), false) as teaches_now,
      coalesce(bool_or(gs.kind in ('teacher','subject_teacher') and y.ends_on < ${today}::date and y.ends_on >= ${today}::date - 365), false) as taught_last_year,
      coalesce(bool_or(gs.kind = 'mentor' and y.starts_on <= ${today}::date and y.ends_on >= ${today}::date), false) as mentor_now,
      coalesce(bool_or(gs.kind = 'mentor' and y.ends_on < ${today}::date and y.ends_on >= ${today}::date - 365), false) as mentor_last_year,
      exists (select 1 from guardians g where g.pupil_id = p.id and g.user_id = ${userId} and g.has_authority) as guardian
    from pupils p
    join schools s on s.id = p.school_id
    left join enrolments e on e.pupil_id = p.id
    left join group_staff gs on gs.group_id = e.group_id and gs.user_id = ${userId}
    left join school_years y on y.id = e.school_year_id and gs.user_id is not null
    where ${match}
    group by p.id, s.board_id`;
}

function toRelation(r: RelationRow, preload: Preload | undefined): LoadedRelation {
  return {
    ...(preload ? { row: (r as { preloaded?: unknown }).preloaded ?? null } : {}),
    pupilId: r.pupil_id,
    schoolId: r.school_id,
    boardId: r.board_id,
    teachesNow: r.teaches_now,
    taughtLastYear: r.taught_last_year,
    mentorNow: r.mentor_now,
    mentorLastYear: r.mentor_last_year,
    guardianWithAuthority: r.guardian,
  };
}

const withPreload = (relation: SQL, preload: Preload) =>
  sql`select r.*, x.preloaded from (${relation}) r left join lateral (${preload.select(sql.raw('r.pupil_id'))}) x on true`;

export async function loadPupilRelations(db: DbOrTx, userId: number, pupilIds: readonly number[], today: string, preload?: Preload): Promise<Map<number, LoadedRelation>> {
  const out = new Map<number, LoadedRelation>();
  if (pupilIds.length === 0) return out;
  if (preload && pupilIds.length !== 1) throw new Error('preload is for one pupil');
  // Ids are a parameter, never SQL text, so the statement text is fixed and can be prepared. One pupil (authorizePupil)
  // gets `p.id = $n`, for which PostgreSQL reuses a generic plan; an array parameter keeps getting custom plans.
  const single = pupilIds.length === 1;
  const match = single ? sql`p.id = ${Math.trunc(pupilIds[0])}` : sql`p.id = any(${intArray(pupilIds)})`;
  const relation = relationSelect(sql`${userId}`, match, today);
  const result = preload
    ? await prepared<RelationRow>(db, `koers_pupil_relation_${preload.name}`, withPreload(relation, preload))
    : await prepared<RelationRow>(db, single ? 'koers_pupil_relation' : 'koers_pupil_relations', relation);
  for (const r of result) out.set(r.pupil_id, toRelation(r, preload));
  return out;
}

/**
 * The hot path of a pupil route in ONE statement: the session (as loadSession reads it), the user's relation to the
 * pupil and the route's preload. Null: no valid session. `relation` null: no such pupil.
 */
export async function loadSessionAndPupil(db: DbOrTx, token: string, pupilId: number, today: string, preload?: Preload): Promise<{ session: LoadedSession; relation: LoadedRelation | null } | null> {
  let relation = relationSelect(sql.raw('sess.user_id'), sql`p.id = ${pupilId}`, today);
  if (preload) relation = withPreload(relation, preload);
  const [row] = await prepared<SessionRow & Partial<RelationRow>>(db, `koers_session_pupil${preload ? `_${preload.name}` : ''}`,
    sql`select sess.*, rel.* from (${sessionSelect(token)}) sess left join lateral (${relation}) rel on true`);
  if (!row) return null;
  const session = await sessionFromRow(db, row);
  return { session, relation: row.pupil_id == null ? null : toRelation(row as RelationRow, preload) };
}

interface GroupRow {
  group_id: number;
  school_id: number;
  board_id: number;
  kinds: string[] | null;
  current: boolean;
  last_year: boolean;
}

/** The user's relation to any number of groups, in one query. */
export async function loadGroupRelations(db: DbOrTx, userId: number, groupIds: readonly number[], today: string): Promise<Map<number, GroupRelation>> {
  const out = new Map<number, GroupRelation>();
  if (groupIds.length === 0) return out;
  const single = groupIds.length === 1;
  const match = single ? sql`g.id = ${Math.trunc(groupIds[0])}` : sql`g.id = any(${intArray(groupIds)})`;
  const result = await prepared<GroupRow>(db, single ? 'koers_group_relation' : 'koers_group_relations', sql`
    select g.id as group_id, g.school_id, s.board_id,
      array(select gs.kind from group_staff gs where gs.group_id = g.id and gs.user_id = ${userId}) as kinds,
      (y.starts_on <= ${today}::date and y.ends_on >= ${today}::date) as current,
      (y.ends_on < ${today}::date and y.ends_on >= ${today}::date - 365) as last_year
    from groups g join schools s on s.id = g.school_id join school_years y on y.id = g.school_year_id
    where ${match}`);
  for (const r of result) {
    out.set(r.group_id, {
      schoolId: r.school_id,
      boardId: r.board_id,
      staffKinds: (r.kinds ?? []) as GroupRelation['staffKinds'],
      current: r.current,
      lastYear: r.last_year,
    });
  }
  return out;
}

export async function loadGroupRelation(db: DbOrTx, userId: number, groupId: number, today: string): Promise<GroupRelation | null> {
  return (await loadGroupRelations(db, userId, [groupId], today)).get(groupId) ?? null;
}

/** Group documents whose routes are authorised through their group (access `via`, see guard.ts groupOfDocument). */
export type GroupDocument = 'overview' | 'plan';

export async function schoolBoard(db: DbOrTx, schoolId: number): Promise<number | null> {
  const [r] = await rows<{ board_id: number }>(db, sql`select board_id from schools where id = ${schoolId}`);
  return r?.board_id ?? null;
}
