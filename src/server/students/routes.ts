// Pupils (leerlingen): list, record, administrative edits, enrolments, parents, and the record's audit log.
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decidePupil } from '../../domain/access/policy';
import { authorizeSchool, visiblePupils } from '../access/guard';
import { audit } from '../audit/audit';
import { sendResetLink } from '../auth/routes';
import { intArray, rows, type DbOrTx } from '../db/client';
import { conflict, forbidden, HttpError, invalid, notFound } from '../http/errors';
import { requireUser } from '../http/context';
import { detailSelect, isoDate, pupilDetail, pupilDetailSchema, toPupilDetail, type DetailRow } from './repo';

const pupilSummary = z.object({
  id: z.number(), firstName: z.string(), lastName: z.string(), birthDate: z.string(), schoolId: z.number(),
  group: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** Visible only through last year's group (handover to the next teacher), not taught now. */
  handover: z.boolean(),
});

const idParams = z.object({ id: z.string() });

/** The pupil's record, fetched in the same statement as the access check (GET /api/pupils/:id). */
const detailPreload = { name: 'detail', select: detailSelect };

async function detailFor(req: FastifyRequest, db: DbOrTx, pupilId: number, usePreloaded = false) {
  const user = requireUser(req);
  const { clock } = req.server.ctx;
  const scope = req.pupilScope!;
  const can = {
    editAdmin: decidePupil(user, 'pupil.editAdmin', scope.relation).allow,
    viewAudit: decidePupil(user, 'pupil.viewAudit', scope.relation).allow,
  };
  const detail = usePreloaded
    ? (scope.preloaded ? toPupilDetail(scope.preloaded as DetailRow, clock.today(), can) : null)
    : await pupilDetail(db, pupilId, clock.today(), can);
  if (!detail) throw notFound('Deze leerling');
  if (scope.basis === 'parent_with_authority') {
    // A parent sees the other parent's name and relation, not their contact details.
    detail.guardians = detail.guardians.map((g) => (g.userId === user.userId ? g : { ...g, email: null, phone: null }));
  }
  return detail;
}

export async function studentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.ctx;

  r.get('/api/pupils', {
    config: { access: { kind: 'list' } },
    schema: {
      tags: ['pupils'],
      querystring: z.object({ q: z.string().max(100).optional(), schoolId: z.coerce.number().int().optional(), groupId: z.coerce.number().int().optional() }),
      response: { 200: z.object({ items: z.array(pupilSummary) }) },
    },
  }, async (req) => {
    const user = requireUser(req);
    const today = clock.today();
    const schoolIds = user.grants.map((g) => g.schoolId).filter((x): x is number => x != null);
    const boardIds = user.grants.map((g) => g.boardId).filter((x): x is number => x != null);
    const q = req.query.q?.trim();
    // Candidates: pupils of the schools/boards where the user holds a role; the policy then decides row by row.
    const candidates = await rows<{ id: number; first_name: string; last_name: string; birth_date: string; school_id: number; group_id: number | null; group_name: string | null }>(db, sql`
      select p.id, p.first_name, p.last_name, p.birth_date, p.school_id, g.id as group_id, g.name as group_name
      from pupils p
      join schools s on s.id = p.school_id
      left join school_years y on y.school_id = p.school_id and y.starts_on <= ${today}::date and y.ends_on >= ${today}::date
      left join enrolments e on e.pupil_id = p.id and e.school_year_id = y.id
      left join groups g on g.id = e.group_id
      where (p.school_id = any(${intArray(schoolIds)}) or s.board_id = any(${intArray(boardIds)}))
        ${req.query.schoolId ? sql`and p.school_id = ${req.query.schoolId}` : sql``}
        ${req.query.groupId ? sql`and g.id = ${req.query.groupId}` : sql``}
        ${q ? sql`and (p.first_name || ' ' || p.last_name) ilike ${'%' + q.replace(/[%_\\]/g, '\\$&') + '%'}` : sql``}
      order by p.last_name collate "und-x-icu", p.first_name collate "und-x-icu"
      limit 2000`);
    const visible = await visiblePupils(req, candidates.map((c) => c.id));
    const items = candidates.filter((c) => visible.has(c.id));
    const handover = (id: number) => {
      const rel = visible.get(id)!;
      return decidePupil(user, 'pupil.view', rel).allow && !decidePupil(user, 'pupil.editCare', rel).allow && (rel.taughtLastYear || rel.mentorLastYear);
    };
    await audit(db, items.map((c) => ({ actorId: user.userId, schoolId: c.school_id, pupilId: c.id, action: 'list', entity: 'pupil', entityId: c.id, detail: { route: '/api/pupils' }, ip: req.ip })));
    return {
      items: items.map((c) => ({
        id: c.id, firstName: c.first_name, lastName: c.last_name, birthDate: c.birth_date, schoolId: c.school_id,
        group: c.group_id ? { id: c.group_id, name: c.group_name! } : null,
        handover: handover(c.id),
      })),
    };
  });

  r.get('/api/pupils/:id', {
    config: { access: { kind: 'pupil', action: 'pupil.view', preload: detailPreload } },
    schema: { tags: ['pupils'], params: idParams, response: { 200: pupilDetailSchema } },
  }, async (req) => {
    const user = requireUser(req);
    const { pupilId, schoolId, basis } = req.pupilScope!;
    const detail = await detailFor(req, db, pupilId, true);
    await audit(db, { actorId: user.userId, schoolId, pupilId, action: 'read', entity: 'pupil', entityId: pupilId, detail: { basis }, ip: req.ip });
    return detail;
  });

  const pupilFields = {
    firstName: z.string().trim().min(1, 'Vul een voornaam in.').max(100),
    lastName: z.string().trim().min(1, 'Vul een achternaam in.').max(100),
    birthDate: isoDate,
    entryDate: isoDate,
  };

  function checkDates(p: { birthDate?: string; entryDate?: string; leaveDate?: string | null }, today: string) {
    const fields: Record<string, string> = {};
    if (p.birthDate && p.birthDate > today) fields.birthDate = 'De geboortedatum ligt in de toekomst.';
    if (p.birthDate && p.birthDate < '1990-01-01') fields.birthDate = 'Deze geboortedatum is te lang geleden voor een leerling.';
    if (p.birthDate && p.entryDate && p.entryDate < p.birthDate) fields.entryDate = 'De instroomdatum ligt vóór de geboortedatum.';
    if (p.leaveDate && p.entryDate && p.leaveDate < p.entryDate) fields.leaveDate = 'De uitstroomdatum ligt vóór de instroomdatum.';
    if (Object.keys(fields).length) throw invalid(fields);
  }

  r.post('/api/pupils', {
    config: { access: { kind: 'school' } },
    schema: { tags: ['pupils'], body: z.object({ schoolId: z.number().int(), ...pupilFields }), response: { 201: pupilDetailSchema } },
  }, async (req, reply) => {
    const user = requireUser(req);
    const { boardId } = await authorizeSchool(req, req.body.schoolId, 'school.manage');
    const b = req.body;
    const relation = { pupilId: 0, schoolId: b.schoolId, boardId, teachesNow: false, taughtLastYear: false, mentorNow: false, mentorLastYear: false, guardianWithAuthority: false };
    // Whoever registers a pupil must be able to administer the record afterwards (the same policy as every pupil route).
    if (!decidePupil(user, 'pupil.editAdmin', relation).allow) throw forbidden();
    checkDates(req.body, clock.today());
    const id = await db.transaction(async (tx) => {
      const [p] = await rows<{ id: number }>(tx, sql`insert into pupils (school_id, first_name, last_name, birth_date, entry_date)
        values (${b.schoolId}, ${b.firstName}, ${b.lastName}, ${b.birthDate}, ${b.entryDate}) returning id`);
      await audit(tx, { actorId: user.userId, schoolId: b.schoolId, pupilId: p.id, action: 'create', entity: 'pupil', entityId: p.id, detail: { firstName: b.firstName, lastName: b.lastName }, ip: req.ip });
      return p.id;
    });
    req.pupilScope = {
      pupilId: id, schoolId: b.schoolId, basis: 'admin',
      relation: { ...relation, pupilId: id },
    };
    return reply.status(201).send(await detailFor(req, db, id));
  });

  r.patch('/api/pupils/:id', {
    config: { access: { kind: 'pupil', action: 'pupil.editAdmin' } },
    schema: {
      tags: ['pupils'], params: idParams,
      body: z.object({ version: z.number().int(), ...z.object(pupilFields).partial().shape, leaveDate: isoDate.nullable().optional() }),
      response: { 200: pupilDetailSchema },
    },
  }, async (req) => {
    const user = requireUser(req);
    const { pupilId, schoolId } = req.pupilScope!;
    const { version, ...changes } = req.body;
    return db.transaction(async (tx) => {
      const [cur] = await rows<{ birth_date: string; entry_date: string; leave_date: string | null; version: number }>(tx,
        sql`select birth_date, entry_date, leave_date, version from pupils where id = ${pupilId} for update`);
      if (cur.version !== version) throw conflict();
      checkDates({ birthDate: changes.birthDate ?? cur.birth_date, entryDate: changes.entryDate ?? cur.entry_date, leaveDate: changes.leaveDate === undefined ? cur.leave_date : changes.leaveDate }, clock.today());
      await tx.execute(sql`update pupils set
        first_name = coalesce(${changes.firstName ?? null}, first_name), last_name = coalesce(${changes.lastName ?? null}, last_name),
        birth_date = coalesce(${changes.birthDate ?? null}::date, birth_date), entry_date = coalesce(${changes.entryDate ?? null}::date, entry_date),
        leave_date = ${changes.leaveDate === undefined ? sql`leave_date` : sql`${changes.leaveDate}::date`},
        version = version + 1 where id = ${pupilId}`);
      await audit(tx, { actorId: user.userId, schoolId, pupilId, action: 'update', entity: 'pupil', entityId: pupilId, detail: { changed: Object.keys(changes) }, ip: req.ip });
      return detailFor(req, tx, pupilId);
    });
  });

  r.post('/api/pupils/:id/enrolments', {
    config: { access: { kind: 'pupil', action: 'pupil.editAdmin' } },
    schema: {
      tags: ['pupils'], params: idParams,
      body: z.object({ groupId: z.number().int(), grade: z.number().int().min(1).max(8).nullable().optional() }),
      response: { 201: pupilDetailSchema },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    const { pupilId, schoolId } = req.pupilScope!;
    const [g] = await rows<{ school_id: number; school_year_id: number; grades: number[] }>(db,
      sql`select school_id, school_year_id, grades from groups where id = ${req.body.groupId}`);
    if (!g || g.school_id !== schoolId) throw invalid({ groupId: 'Kies een groep van de school van deze leerling.' });
    const grade = req.body.grade ?? (g.grades.length === 1 ? g.grades[0] : null);
    if (grade != null && !g.grades.includes(grade)) throw invalid({ grade: `Deze groep heeft leerjaar ${g.grades.join('/')}.` });
    if (grade == null) throw invalid({ grade: `Kies het leerjaar van de leerling in deze combinatiegroep (${g.grades.join('/')}).` });
    const detail = await db.transaction(async (tx) => {
      // One place per school year: enrolling again in the same year moves the pupil.
      await tx.execute(sql`delete from enrolments where pupil_id = ${pupilId} and school_year_id = ${g.school_year_id}`);
      const [e] = await rows<{ id: number }>(tx, sql`insert into enrolments (pupil_id, group_id, school_year_id, grade)
        values (${pupilId}, ${req.body.groupId}, ${g.school_year_id}, ${grade}) returning id`);
      await audit(tx, { actorId: user.userId, schoolId, pupilId, action: 'create', entity: 'enrolment', entityId: e.id, detail: { groupId: req.body.groupId, grade }, ip: req.ip });
      return detailFor(req, tx, pupilId);
    });
    return reply.status(201).send(detail);
  });

  r.delete('/api/pupils/:id/enrolments/:enrolmentId', {
    config: { access: { kind: 'pupil', action: 'pupil.editAdmin' } },
    schema: { tags: ['pupils'], params: z.object({ id: z.string(), enrolmentId: z.coerce.number().int() }), response: { 200: pupilDetailSchema } },
  }, async (req) => {
    const user = requireUser(req);
    const { pupilId, schoolId } = req.pupilScope!;
    return db.transaction(async (tx) => {
      const gone = await rows<{ id: number }>(tx, sql`delete from enrolments where id = ${req.params.enrolmentId} and pupil_id = ${pupilId} returning id`);
      if (gone.length === 0) throw notFound('Deze inschrijving');
      await audit(tx, { actorId: user.userId, schoolId, pupilId, action: 'delete', entity: 'enrolment', entityId: req.params.enrolmentId, ip: req.ip });
      return detailFor(req, tx, pupilId);
    });
  });

  r.post('/api/pupils/:id/guardians', {
    config: { access: { kind: 'pupil', action: 'pupil.editAdmin' } },
    schema: {
      tags: ['pupils'], params: idParams,
      body: z.object({
        name: z.string().trim().min(2, 'Vul een naam in.').max(200),
        email: z.email('Vul een geldig e-mailadres in.').nullable().optional(),
        phone: z.string().trim().max(40).nullable().optional(),
        relation: z.string().trim().min(2, 'Vul de relatie in (bijv. moeder, vader, voogd).').max(60),
        hasAuthority: z.boolean(),
        userId: z.number().int().optional(),
      }),
      response: { 201: pupilDetailSchema },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    const { pupilId, schoolId } = req.pupilScope!;
    const b = req.body;
    const { detail, invite } = await db.transaction(async (tx) => {
      let parentId = b.userId;
      let invite: { id: number; email: string | null; name: string; school_id: number } | null = null;
      if (parentId != null) {
        const [u] = await rows<{ id: number }>(tx, sql`select u.id from users u join user_roles r on r.user_id = u.id and r.role = 'parent' and r.school_id = ${schoolId} where u.id = ${parentId}`);
        if (!u) throw invalid({ userId: 'Dit is geen ouderaccount van deze school.' });
      } else {
        const login = (b.email ?? `${b.name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${Date.now().toString(36)}`).toLowerCase();
        const [exists] = await rows<{ id: number }>(tx, sql`select id from users where lower(login) = ${login}`);
        if (exists) throw invalid({ email: 'Er bestaat al een account met dit e-mailadres. Koppel dat account.' });
        const [u] = await rows<{ id: number }>(tx, sql`insert into users (login, name, email, phone) values (${login}, ${b.name}, ${b.email ?? null}, ${b.phone ?? null}) returning id`);
        await tx.execute(sql`insert into user_roles (user_id, role, school_id) values (${u.id}, 'parent', ${schoolId})`);
        parentId = u.id;
        invite = { id: u.id, email: b.email ?? null, name: b.name, school_id: schoolId };
      }
      const inserted = await rows<{ user_id: number }>(tx, sql`insert into guardians (pupil_id, user_id, relation, has_authority)
        values (${pupilId}, ${parentId}, ${b.relation}, ${b.hasAuthority}) on conflict do nothing returning user_id`);
      if (inserted.length === 0) throw new HttpError(409, 'duplicate', 'Deze ouder is al aan de leerling gekoppeld.');
      await audit(tx, { actorId: user.userId, schoolId, pupilId, action: 'create', entity: 'guardian', entityId: parentId, detail: { relation: b.relation, hasAuthority: b.hasAuthority }, ip: req.ip });
      return { detail: await detailFor(req, tx, pupilId), invite };
    });
    if (invite) await sendResetLink(app, invite, 'invite');
    return reply.status(201).send(detail);
  });

  const guardianParams = z.object({ id: z.string(), userId: z.coerce.number().int() });

  r.patch('/api/pupils/:id/guardians/:userId', {
    config: { access: { kind: 'pupil', action: 'pupil.editAdmin' } },
    schema: {
      tags: ['pupils'], params: guardianParams,
      body: z.object({ relation: z.string().trim().min(2).max(60).optional(), hasAuthority: z.boolean().optional() }),
      response: { 200: pupilDetailSchema },
    },
  }, async (req) => {
    const user = requireUser(req);
    const { pupilId, schoolId } = req.pupilScope!;
    return db.transaction(async (tx) => {
      const changed = await rows<{ user_id: number }>(tx, sql`update guardians set
        relation = coalesce(${req.body.relation ?? null}, relation), has_authority = coalesce(${req.body.hasAuthority ?? null}::boolean, has_authority)
        where pupil_id = ${pupilId} and user_id = ${req.params.userId} returning user_id`);
      if (changed.length === 0) throw notFound('Deze ouder');
      await audit(tx, { actorId: user.userId, schoolId, pupilId, action: 'update', entity: 'guardian', entityId: req.params.userId, detail: req.body, ip: req.ip });
      return detailFor(req, tx, pupilId);
    });
  });

  r.delete('/api/pupils/:id/guardians/:userId', {
    config: { access: { kind: 'pupil', action: 'pupil.editAdmin' } },
    schema: { tags: ['pupils'], params: guardianParams, response: { 200: pupilDetailSchema } },
  }, async (req) => {
    const user = requireUser(req);
    const { pupilId, schoolId } = req.pupilScope!;
    return db.transaction(async (tx) => {
      const gone = await rows<{ user_id: number }>(tx, sql`delete from guardians where pupil_id = ${pupilId} and user_id = ${req.params.userId} returning user_id`);
      if (gone.length === 0) throw notFound('Deze ouder');
      await audit(tx, { actorId: user.userId, schoolId, pupilId, action: 'delete', entity: 'guardian', entityId: req.params.userId, ip: req.ip });
      return detailFor(req, tx, pupilId);
    });
  });

  r.get('/api/pupils/:id/audit', {
    config: { access: { kind: 'pupil', action: 'pupil.viewAudit' } },
    schema: {
      tags: ['audit'], params: idParams,
      querystring: z.object({ before: z.coerce.number().int().optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }),
      response: { 200: z.object({ items: z.array(z.object({
        id: z.number(), at: z.string(), actor: z.object({ id: z.number(), name: z.string() }).nullable(),
        action: z.string(), entity: z.string(), entityId: z.string().nullable(), detail: z.unknown(), ip: z.string().nullable(),
      })) }) },
    },
  }, async (req) => {
    const user = requireUser(req);
    const { pupilId, schoolId } = req.pupilScope!;
    // Viewing the audit log is itself audited.
    await audit(db, { actorId: user.userId, schoolId, pupilId, action: 'read', entity: 'audit_log', entityId: pupilId, ip: req.ip });
    const items = await rows<{ id: number; at: string | Date; actor_id: number | null; actor_name: string | null; action: string; entity: string; entity_id: string | null; detail: unknown; ip: string | null }>(db, sql`
      select a.id, a.at, a.actor_id, u.name as actor_name, a.action, a.entity, a.entity_id, a.detail, a.ip
      from audit_log a left join users u on u.id = a.actor_id
      where a.pupil_id = ${pupilId} ${req.query.before ? sql`and a.id < ${req.query.before}` : sql``}
      order by a.id desc limit ${req.query.limit}`);
    return {
      items: items.map((a) => ({
        id: a.id, at: new Date(a.at).toISOString(), actor: a.actor_id ? { id: a.actor_id, name: a.actor_name ?? '?' } : null,
        action: a.action, entity: a.entity, entityId: a.entity_id, detail: a.detail, ip: a.ip,
      })),
    };
  });
}
