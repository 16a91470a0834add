// The server side of the meeting policy (domain/access/policy decideMeeting): gathers the relation facts of a user to
// meetings in one statement, and answers which meetings of a school a user may see (lists, calendar, iCal feed).
import { sql, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { decideMeeting, type Actor, type MeetingAction, type MeetingRelation } from '../../domain/access/policy';
import { intArray, rows, type DbOrTx } from '../db/client';
import { requireUser } from '../http/context';
import { forbidden, notFound } from '../http/errors';
import { parseId } from './guard';

interface Row {
  id: number; school_id: number; board_id: number; kind: MeetingRelation['kind'];
  participant: boolean; parent_participant: boolean; runs: boolean; group_staff: boolean;
}

/** The relation facts of `userId` to the meetings matching `match` (on `m`). */
function relationSelect(userId: number, match: SQL, today: string): SQL {
  return sql`
    select m.id, m.school_id, s.board_id, m.kind,
      exists (select 1 from meeting_participants mp where mp.meeting_id = m.id and mp.user_id = ${userId} and mp.kind = 'staff') as participant,
      exists (select 1 from meeting_participants mp where mp.meeting_id = m.id and mp.user_id = ${userId} and mp.kind = 'parent') as parent_participant,
      (m.chair_id = ${userId} or m.minute_taker_id = ${userId}) is true as runs,
      exists (select 1 from group_staff gs join groups g on g.id = gs.group_id join school_years y on y.id = g.school_year_id
        where gs.group_id = m.group_id and gs.user_id = ${userId}
          and y.starts_on <= ${today}::date and y.ends_on >= ${today}::date) as group_staff
    from meetings m join schools s on s.id = m.school_id
    where ${match}`;
}

const toRelation = (r: Row): MeetingRelation => ({
  schoolId: r.school_id, boardId: r.board_id, kind: r.kind, participant: r.participant, parentParticipant: r.parent_participant,
  runs: r.runs, groupStaff: r.group_staff,
});

export async function meetingRelations(db: DbOrTx, userId: number, meetingIds: readonly number[], today: string): Promise<Map<number, MeetingRelation>> {
  if (meetingIds.length === 0) return new Map();
  const found = await rows<Row>(db, relationSelect(userId, sql`m.id = any(${intArray(meetingIds)})`, today));
  return new Map(found.map((r) => [r.id, toRelation(r)]));
}

/**
 * Decides one meeting action for the request's user. An unknown meeting and a forbidden one answer alike (404) unless
 * the user has a role at the meeting's school, who then gets a 403.
 */
export async function authorizeMeeting(req: FastifyRequest, rawId: unknown, action: MeetingAction, db: DbOrTx = req.server.ctx.db): Promise<{ meetingId: number; relation: MeetingRelation; basis: string }> {
  const user = requireUser(req);
  const meetingId = parseId(rawId);
  if (meetingId == null) throw notFound('Dit overleg');
  const rel = (await meetingRelations(db, user.userId, [meetingId], req.server.ctx.clock.today())).get(meetingId);
  if (!rel || !user.grants.some((g) => g.schoolId === rel.schoolId || g.boardId === rel.boardId)) throw notFound('Dit overleg');
  const decision = decideMeeting(user, action, rel);
  if (!decision.allow) throw forbidden();
  return { meetingId, relation: rel, basis: decision.basis };
}

/** The ids of a school's meetings (optionally within dates) that `actor` may view. */
export async function visibleMeetingIds(db: DbOrTx, actor: Actor, schoolId: number, today: string, range?: { from: string; to: string }): Promise<number[]> {
  const match = range
    ? sql`m.school_id = ${schoolId} and m.held_on >= ${range.from}::date and m.held_on <= ${range.to}::date`
    : sql`m.school_id = ${schoolId}`;
  const found = await rows<Row>(db, relationSelect(actor.userId, match, today));
  return found.filter((r) => decideMeeting(actor, 'meeting.view', toRelation(r)).allow).map((r) => r.id);
}
