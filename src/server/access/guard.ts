// The server side of the access policy: every route that touches pupil data goes through here.
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  decideGroup, decidePupil, decideSchool, type GroupAction, type PupilAction, type PupilRelation, type SchoolAction,
} from '../../domain/access/policy';
import { audit } from '../audit/audit';
import { rows, type DbOrTx } from '../db/client';
import { forbidden, notFound } from '../http/errors';
import { requireUser } from '../http/context';
import { loadGroupRelation, loadPupilRelations, schoolBoard, type GroupDocument, type LoadedRelation, type Preload } from './relations';

export function parseId(raw: unknown): number | null {
  const n = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * Decides one pupil action for the request's user. A refusal is audited too (who tried to open what).
 * An unknown pupil and a forbidden one answer alike (404 vs 403 would tell outsiders which ids exist):
 * both give 403 unless the user has any role at the pupil's school.
 */
export async function authorizePupil(req: FastifyRequest, rawId: unknown, action: PupilAction, db: DbOrTx = req.server.ctx.db, preload?: Preload): Promise<LoadedRelation & { basis: string }> {
  const user = requireUser(req);
  const pupilId = parseId(rawId);
  if (pupilId == null) throw notFound('Deze leerling');
  const rel = (await loadPupilRelations(db, user.userId, [pupilId], req.server.ctx.clock.today(), preload)).get(pupilId);
  return decideLoaded(req, pupilId, rel ?? null, action, db);
}

/** The decision of authorizePupil on a relation that was already loaded (with the session, see loadSessionAndPupil). */
export async function decideLoaded(req: FastifyRequest, pupilId: number, rel: LoadedRelation | null, action: PupilAction, db: DbOrTx = req.server.ctx.db): Promise<LoadedRelation & { basis: string }> {
  const user = requireUser(req);
  if (!rel) throw forbidden();
  const decision = decidePupil(user, action, rel);
  if (!decision.allow) {
    await audit(db, {
      actorId: user.userId, schoolId: rel.schoolId, pupilId, action: 'denied', entity: 'pupil', entityId: pupilId,
      detail: { route: req.routeOptions.url, method: req.method, wanted: action, reason: decision.reason }, ip: req.ip,
    });
    throw forbidden();
  }
  return { ...rel, basis: decision.basis };
}

/** Filters pupil ids to those the user may act on; the rest are silently left out (list views). */
export async function visiblePupils(req: FastifyRequest, pupilIds: readonly number[], action: PupilAction = 'pupil.view'): Promise<Map<number, PupilRelation>> {
  const user = requireUser(req);
  const rels = await loadPupilRelations(req.server.ctx.db, user.userId, pupilIds, req.server.ctx.clock.today());
  for (const [id, rel] of rels) if (!decidePupil(user, action, rel).allow) rels.delete(id);
  return rels;
}

export async function authorizeGroup(req: FastifyRequest, rawId: unknown, action: GroupAction) {
  const user = requireUser(req);
  const groupId = parseId(rawId);
  if (groupId == null) throw notFound('Deze groep');
  const rel = await loadGroupRelation(req.server.ctx.db, user.userId, groupId, req.server.ctx.clock.today());
  if (!rel) throw notFound('Deze groep');
  const decision = decideGroup(user, action, rel);
  if (!decision.allow) throw forbidden();
  return { groupId, ...rel, basis: decision.basis };
}

/** The group of a groepsoverzicht or groepsplan named in a route; an unknown document is a 404 like an unknown group. */
export async function groupOfDocument(db: DbOrTx, kind: GroupDocument, rawId: unknown): Promise<{ id: number; groupId: number }> {
  const id = parseId(rawId);
  const [found] = id == null ? [] : await rows<{ group_id: number }>(db, kind === 'overview'
    ? sql`select group_id from group_overviews where id = ${id}`
    : sql`select group_id from group_plans where id = ${id}`);
  if (!found || id == null) throw notFound(kind === 'overview' ? 'Dit groepsoverzicht' : 'Dit groepsplan');
  return { id, groupId: found.group_id };
}

export async function authorizeSchool(req: FastifyRequest, schoolId: number, action: SchoolAction): Promise<{ schoolId: number; boardId: number }> {
  const user = requireUser(req);
  const boardId = await schoolBoard(req.server.ctx.db, schoolId);
  if (boardId == null) throw forbidden();
  if (!decideSchool(user, action, schoolId, boardId).allow) throw forbidden();
  return { schoolId, boardId };
}

/** Schools where the user holds `action`, for list views scoped by school. */
export async function schoolsWhere(req: FastifyRequest, action: SchoolAction, boards: Map<number, number>): Promise<number[]> {
  const user = requireUser(req);
  return [...boards].filter(([schoolId, boardId]) => decideSchool(user, action, schoolId, boardId).allow).map(([s]) => s);
}
