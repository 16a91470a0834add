// School set-up by the administrator: boards and schools, settings, school years and care-cycle periods, accounts, outbox.
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideBoard, decideSchool, ROLES, type Role } from '../../domain/access/policy';
import { checkNewPassword, PASSWORD_PROBLEM_NL } from '../../domain/access/password-rules';
import { checkPeriods, generatePeriods, PERIOD_PATTERNS, type PeriodProblem } from '../../domain/school/periods';
import { defaultSchoolSettings, readSchoolSettings, schoolSettingsSchema } from '../../domain/school/settings';
import { authorizeSchool } from '../access/guard';
import { ensureDefaultInstruments } from '../assessments/defaults';
import { audit } from '../audit/audit';
import { hashPassword } from '../auth/password';
import { sendResetLink } from '../auth/routes';
import { revokeAllSessions } from '../auth/session';
import { intArray, rows, type DbOrTx } from '../db/client';
import { forbidden, HttpError, invalid, notFound } from '../http/errors';
import { requireUser } from '../http/context';
import { isoDate } from '../students/repo';
import { schoolStaff } from './staff';

const schoolSchema = z.object({
  id: z.number(), boardId: z.number(), boardName: z.string(), name: z.string(), brin: z.string(), sector: z.enum(['po', 'vo']),
  settings: schoolSettingsSchema,
});
const periodSchema = z.object({ id: z.number(), seq: z.number(), name: z.string(), startsOn: z.string(), endsOn: z.string() });
const yearSchema = z.object({ id: z.number(), name: z.string(), startsOn: z.string(), endsOn: z.string(), current: z.boolean(), periods: z.array(periodSchema) });
const userSchema = z.object({
  id: z.number(), name: z.string(), login: z.string(), email: z.string().nullable(), disabled: z.boolean(), totpEnabled: z.boolean(),
  roles: z.array(z.object({ role: z.enum(ROLES), schoolId: z.number().nullable(), boardId: z.number().nullable() })),
});

const brin = z.string().trim().toUpperCase().regex(/^\d{2}[A-Z]{2}(\d{2})?$/, 'Een BRIN-nummer bestaat uit 2 cijfers en 2 letters, eventueel gevolgd door 2 cijfers (bijv. 12AB of 12AB00).');
const schoolName = z.string().trim().min(2, 'Een naam heeft minstens 2 tekens.').max(120, 'Een naam heeft hoogstens 120 tekens.');
// Same rule as schoolSettingsSchema (domain), with a message a school administrator can read at the field.
const settingsPatch = schoolSettingsSchema.partial().extend({
  careCoordinatorLabel: z.string().trim().min(2, 'Een benaming heeft minstens 2 tekens.').max(60, 'Een benaming heeft hoogstens 60 tekens.').optional(),
});

async function schoolList(db: DbOrTx, where: ReturnType<typeof sql>) {
  const list = await rows<{ id: number; board_id: number; board_name: string; name: string; brin: string; sector: 'po' | 'vo'; settings: unknown }>(db, sql`
    select s.id, s.board_id, b.name as board_name, s.name, s.brin, s.sector, s.settings from schools s join boards b on b.id = s.board_id
    where ${where} order by s.name`);
  return list.map((s) => ({ id: s.id, boardId: s.board_id, boardName: s.board_name, name: s.name, brin: s.brin, sector: s.sector, settings: readSchoolSettings(s.sector, s.settings) }));
}

async function yearsOf(db: DbOrTx, schoolId: number, today: string, yearId?: number) {
  const list = await rows<{ id: number; name: string; starts_on: string; ends_on: string; periods: z.infer<typeof periodSchema>[] }>(db, sql`
    select y.id, y.name, y.starts_on, y.ends_on,
      coalesce((select json_agg(json_build_object('id', p.id, 'seq', p.seq, 'name', p.name, 'startsOn', p.starts_on, 'endsOn', p.ends_on) order by p.seq)
        from care_periods p where p.school_year_id = y.id), '[]'::json) as periods
    from school_years y where y.school_id = ${schoolId} ${yearId ? sql`and y.id = ${yearId}` : sql``} order by y.starts_on desc`);
  return list.map((y) => ({ id: y.id, name: y.name, startsOn: y.starts_on, endsOn: y.ends_on, current: y.starts_on <= today && today <= y.ends_on, periods: y.periods }));
}

function managedSchoolIds(req: FastifyRequest, all: { id: number; board_id: number }[]) {
  const user = requireUser(req);
  return all.filter((s) => decideSchool(user, 'school.manage', s.id, s.board_id).allow).map((s) => s.id);
}

const PERIOD_PROBLEM_NL: Record<PeriodProblem['code'], string> = {
  empty: 'Geef minstens één periode op.',
  bad_range: 'De einddatum ligt vóór de begindatum.',
  outside_year: 'Deze periode valt buiten het schooljaar.',
  overlap: 'Deze periode overlapt met de vorige.',
  gap: 'Tussen deze en de vorige periode zit een gat.',
};

export async function schoolRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.ctx;

  r.get('/api/boards', {
    config: { access: { kind: 'user' } },
    schema: { tags: ['school set-up'], response: { 200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), canManage: z.boolean(), schools: z.array(z.object({ id: z.number(), name: z.string() })) })) }) } },
  }, async (req) => {
    const user = requireUser(req);
    const schools = await rows<{ id: number; name: string; board_id: number; board_name: string }>(db, sql`select s.id, s.name, s.board_id, b.name as board_name from schools s join boards b on b.id = s.board_id order by b.name, s.name`);
    const byBoard = new Map<number, { id: number; name: string; canManage: boolean; schools: { id: number; name: string }[] }>();
    for (const s of schools) {
      const sees = user.grants.some((g) => g.schoolId === s.id || g.boardId === s.board_id);
      if (!sees) continue;
      const b = byBoard.get(s.board_id) ?? { id: s.board_id, name: s.board_name, canManage: decideBoard(user, s.board_id).allow, schools: [] };
      b.schools.push({ id: s.id, name: s.name });
      byBoard.set(s.board_id, b);
    }
    return { items: [...byBoard.values()] };
  });

  r.get('/api/schools', {
    config: { access: { kind: 'user' } },
    schema: { tags: ['school set-up'], response: { 200: z.object({ items: z.array(schoolSchema) }) } },
  }, async (req) => {
    const user = requireUser(req);
    const all = await schoolList(db, sql`true`);
    return { items: all.filter((s) => user.grants.some((g) => g.schoolId === s.id || g.boardId === s.boardId)) };
  });

  r.post('/api/schools', {
    config: { access: { kind: 'school' } },
    schema: { tags: ['school set-up'], body: z.object({ boardId: z.number().int(), name: schoolName, brin, sector: z.enum(['po', 'vo']) }), response: { 201: schoolSchema } },
  }, async (req, reply) => {
    const user = requireUser(req);
    if (!decideBoard(user, req.body.boardId).allow) throw forbidden();
    const [dup] = await rows<{ id: number }>(db, sql`select id from schools where brin = ${req.body.brin}`);
    if (dup) throw invalid({ brin: 'Er bestaat al een school met dit BRIN-nummer.' });
    const [s] = await rows<{ id: number }>(db, sql`insert into schools (board_id, name, brin, sector, settings)
      values (${req.body.boardId}, ${req.body.name}, ${req.body.brin}, ${req.body.sector}, ${JSON.stringify(defaultSchoolSettings(req.body.sector))}::jsonb) returning id`);
    await ensureDefaultInstruments(db, [s.id]);
    await audit(db, { actorId: user.userId, schoolId: s.id, pupilId: null, action: 'create', entity: 'school', entityId: s.id, detail: req.body, ip: req.ip });
    const [created] = await schoolList(db, sql`s.id = ${s.id}`);
    return reply.status(201).send(created);
  });

  r.patch('/api/schools/:id', {
    config: { access: { kind: 'school' } },
    schema: {
      tags: ['school set-up'], params: z.object({ id: z.coerce.number().int() }),
      body: z.object({ name: schoolName.optional(), brin: brin.optional(), settings: settingsPatch.optional() }),
      response: { 200: schoolSchema },
    },
  }, async (req) => {
    const user = requireUser(req);
    await authorizeSchool(req, req.params.id, 'school.manage');
    const [cur] = await schoolList(db, sql`s.id = ${req.params.id}`);
    if (req.body.brin && req.body.brin !== cur.brin) {
      const [dup] = await rows<{ id: number }>(db, sql`select id from schools where brin = ${req.body.brin}`);
      if (dup) throw invalid({ brin: 'Er bestaat al een school met dit BRIN-nummer.' });
    }
    const settings = { ...cur.settings, ...(req.body.settings ?? {}) };
    await db.execute(sql`update schools set name = ${req.body.name ?? cur.name}, brin = ${req.body.brin ?? cur.brin},
      settings = ${JSON.stringify(settings)}::jsonb where id = ${req.params.id}`);
    await audit(db, { actorId: user.userId, schoolId: req.params.id, pupilId: null, action: 'update', entity: 'school', entityId: req.params.id, detail: req.body, ip: req.ip });
    const [s] = await schoolList(db, sql`s.id = ${req.params.id}`);
    return s;
  });

  r.get('/api/schools/:id/staff', {
    config: { access: { kind: 'school' } },
    schema: {
      tags: ['school set-up'], params: z.object({ id: z.coerce.number().int() }),
      response: { 200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), roles: z.array(z.string()) })) }) },
    },
  }, async (req) => {
    await authorizeSchool(req, req.params.id, 'school.viewStaff');
    return { items: await schoolStaff(db, req.params.id) };
  });

  r.get('/api/schools/:id/years', {
    config: { access: { kind: 'school' } },
    schema: { tags: ['school set-up'], params: z.object({ id: z.coerce.number().int() }), response: { 200: z.object({ items: z.array(yearSchema) }) } },
  }, async (req) => {
    const user = requireUser(req);
    // Years and periods are not pupil data: anyone with a role at the school may read them (planning needs them).
    const [s] = await rows<{ board_id: number }>(db, sql`select board_id from schools where id = ${req.params.id}`);
    if (!s || !user.grants.some((g) => g.schoolId === req.params.id || g.boardId === s.board_id)) throw forbidden();
    return { items: await yearsOf(db, req.params.id, clock.today()) };
  });

  r.post('/api/schools/:id/years', {
    config: { access: { kind: 'school' } },
    schema: {
      tags: ['school set-up'], params: z.object({ id: z.coerce.number().int() }),
      body: z.object({ name: z.string().trim().regex(/^\d{4}-\d{4}$/, 'Noem het schooljaar als 2026-2027.'), startsOn: isoDate, endsOn: isoDate }),
      response: { 201: yearSchema },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    await authorizeSchool(req, req.params.id, 'school.manage');
    const { name, startsOn, endsOn } = req.body;
    if (endsOn <= startsOn) throw invalid({ endsOn: 'De einddatum moet na de begindatum liggen.' });
    const [overlap] = await rows<{ name: string }>(db, sql`select name from school_years where school_id = ${req.params.id}
      and (name = ${name} or (starts_on <= ${endsOn}::date and ends_on >= ${startsOn}::date))`);
    if (overlap) throw invalid({ startsOn: `Dit schooljaar valt samen met ${overlap.name}.` });
    const [y] = await rows<{ id: number }>(db, sql`insert into school_years (school_id, name, starts_on, ends_on) values (${req.params.id}, ${name}, ${startsOn}, ${endsOn}) returning id`);
    await audit(db, { actorId: user.userId, schoolId: req.params.id, pupilId: null, action: 'create', entity: 'school_year', entityId: y.id, detail: req.body, ip: req.ip });
    const [year] = await yearsOf(db, req.params.id, clock.today(), y.id);
    return reply.status(201).send(year);
  });

  r.put('/api/years/:id/periods', {
    config: { access: { kind: 'school' } },
    schema: {
      tags: ['school set-up'], params: z.object({ id: z.coerce.number().int() }),
      body: z.union([
        z.object({ pattern: z.enum(PERIOD_PATTERNS) }),
        z.object({ periods: z.array(z.object({ name: z.string().trim().min(1).max(60), startsOn: isoDate, endsOn: isoDate })).min(1).max(12) }),
      ]),
      response: { 200: yearSchema },
    },
  }, async (req) => {
    const user = requireUser(req);
    const [y] = await rows<{ school_id: number; starts_on: string; ends_on: string }>(db, sql`select school_id, starts_on, ends_on from school_years where id = ${req.params.id}`);
    if (!y) throw notFound('Dit schooljaar');
    await authorizeSchool(req, y.school_id, 'school.manage');
    const year = { startsOn: y.starts_on, endsOn: y.ends_on };
    const periods = 'pattern' in req.body
      ? generatePeriods(year, req.body.pattern, (i, n) => (req.body as { pattern: string }).pattern === 'halves' ? `${i + 1}e helft` : `Periode ${i + 1} van ${n}`)
      : req.body.periods;
    // Checked in the order the client sent them, so `periods.N` names the row the user sees.
    const problems = checkPeriods(year, periods);
    if (problems.length) {
      throw invalid(Object.fromEntries(problems.map((p) => ['index' in p ? `periods.${p.index}` : 'periods', PERIOD_PROBLEM_NL[p.code]])));
    }
    await db.transaction(async (tx) => {
      await tx.execute(sql`delete from care_periods where school_year_id = ${req.params.id}`);
      for (const [i, p] of [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn)).entries()) {
        await tx.execute(sql`insert into care_periods (school_year_id, seq, name, starts_on, ends_on) values (${req.params.id}, ${i + 1}, ${p.name}, ${p.startsOn}, ${p.endsOn})`);
      }
      await audit(tx, { actorId: user.userId, schoolId: y.school_id, pupilId: null, action: 'update', entity: 'care_periods', entityId: req.params.id, detail: { periods }, ip: req.ip });
    });
    const [out] = await yearsOf(db, y.school_id, clock.today(), req.params.id);
    return out;
  });

  // ---- Accounts ----

  async function usersWhere(where: ReturnType<typeof sql>) {
    const list = await rows<{ id: number; name: string; login: string; email: string | null; disabled: boolean; totp_enabled: boolean; roles: { role: Role; schoolId: number | null; boardId: number | null }[] }>(db, sql`
      select u.id, u.name, u.login, u.email, u.disabled, u.totp_enabled,
        coalesce((select json_agg(json_build_object('role', r.role, 'schoolId', r.school_id, 'boardId', r.board_id) order by r.role) from user_roles r where r.user_id = u.id), '[]'::json) as roles
      from users u where ${where} order by u.name collate "und-x-icu"`);
    return list.map((u) => ({ id: u.id, name: u.name, login: u.login, email: u.email, disabled: u.disabled, totpEnabled: u.totp_enabled, roles: u.roles }));
  }

  async function manageableSchools(req: FastifyRequest) {
    const all = await rows<{ id: number; board_id: number }>(db, sql`select id, board_id from schools`);
    return managedSchoolIds(req, all);
  }

  const roleInput = z.object({ role: z.enum(ROLES), schoolId: z.number().int() });

  async function checkRoleScopes(req: FastifyRequest, roles: z.infer<typeof roleInput>[]) {
    const managed = new Set(await manageableSchools(req));
    if (managed.size === 0) throw forbidden();
    const fields: Record<string, string> = {};
    roles.forEach((r, i) => { if (!managed.has(r.schoolId)) fields[`roles.${i}`] = 'U beheert deze school niet.'; });
    if (Object.keys(fields).length) throw invalid(fields);
    return managed;
  }

  r.get('/api/users', {
    config: { access: { kind: 'school' } },
    schema: {
      tags: ['school set-up'],
      querystring: z.object({ schoolId: z.coerce.number().int().optional(), role: z.enum(ROLES).optional() }),
      response: { 200: z.object({ items: z.array(userSchema) }) },
    },
  }, async (req) => {
    const managed = await manageableSchools(req);
    const ids = req.query.schoolId ? managed.filter((m) => m === req.query.schoolId) : managed;
    if (ids.length === 0) throw forbidden();
    const items = await usersWhere(sql`exists (select 1 from user_roles r where r.user_id = u.id
      and r.school_id = any(${intArray(ids)}) ${req.query.role ? sql`and r.role = ${req.query.role}` : sql``})`);
    return { items };
  });

  r.post('/api/users', {
    config: { access: { kind: 'school' } },
    schema: {
      tags: ['school set-up'],
      body: z.object({
        name: z.string().trim().min(2, 'Vul een naam in.').max(200),
        login: z.string().trim().min(3, 'Een gebruikersnaam heeft minstens 3 tekens.').max(200).regex(/^[A-Za-z0-9._@-]+$/, 'Gebruik alleen letters, cijfers en . _ @ -'),
        email: z.email('Vul een geldig e-mailadres in.').nullable().optional(),
        password: z.string().max(500).optional(),
        roles: z.array(roleInput).min(1, 'Kies minstens één rol.').max(20),
      }),
      response: { 201: userSchema },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    await checkRoleScopes(req, req.body.roles);
    const b = req.body;
    if (b.password) {
      const p = checkNewPassword(b.password, b.login);
      if (p) throw invalid({ password: PASSWORD_PROBLEM_NL[p] });
    } else if (!b.email) {
      throw invalid({ email: 'Vul een e-mailadres in, of kies een wachtwoord: anders kan deze persoon niet inloggen.' });
    }
    const [dup] = await rows<{ id: number }>(db, sql`select id from users where lower(login) = lower(${b.login})`);
    if (dup) throw invalid({ login: 'Deze gebruikersnaam is al in gebruik.' });
    const hashed = b.password ? await hashPassword(b.password) : null;
    const id = await db.transaction(async (tx) => {
      const [u] = await rows<{ id: number }>(tx, sql`insert into users (login, name, email, password_hash) values (${b.login}, ${b.name}, ${b.email ?? null}, ${hashed}) returning id`);
      for (const role of uniqueRoles(b.roles)) await tx.execute(sql`insert into user_roles (user_id, role, school_id) values (${u.id}, ${role.role}, ${role.schoolId})`);
      await audit(tx, { actorId: user.userId, schoolId: b.roles[0].schoolId, pupilId: null, action: 'create', entity: 'user', entityId: u.id, detail: { login: b.login, roles: b.roles }, ip: req.ip });
      return u.id;
    });
    if (!b.password) await sendResetLink(app, { id, email: b.email ?? null, name: b.name, school_id: b.roles[0].schoolId }, 'invite');
    const [created] = await usersWhere(sql`u.id = ${id}`);
    return reply.status(201).send(created);
  });

  r.patch('/api/users/:id', {
    config: { access: { kind: 'school' } },
    schema: {
      tags: ['school set-up'], params: z.object({ id: z.coerce.number().int() }),
      body: z.object({
        name: z.string().trim().min(2).max(200).optional(),
        email: z.email('Vul een geldig e-mailadres in.').nullable().optional(),
        disabled: z.boolean().optional(),
        roles: z.array(roleInput).max(20).optional(),
      }),
      response: { 200: userSchema },
    },
  }, async (req) => {
    const user = requireUser(req);
    const managed = new Set(await manageableSchools(req));
    const [target] = await usersWhere(sql`u.id = ${req.params.id}`);
    if (!target) throw notFound('Dit account');
    if (!target.roles.some((r) => r.schoolId != null && managed.has(r.schoolId))) throw forbidden();
    if (req.params.id === user.userId && (req.body.disabled || (req.body.roles && !req.body.roles.some((r) => r.role === 'admin')))) {
      throw new HttpError(422, 'validation', 'U kunt uw eigen beheerdersaccount niet uitschakelen of uw eigen beheerrol afnemen.');
    }
    if (req.body.roles) await checkRoleScopes(req, req.body.roles);
    await db.transaction(async (tx) => {
      await tx.execute(sql`update users set name = coalesce(${req.body.name ?? null}, name),
        email = ${req.body.email === undefined ? sql`email` : sql`${req.body.email}`},
        disabled = coalesce(${req.body.disabled ?? null}::boolean, disabled) where id = ${req.params.id}`);
      if (req.body.roles) {
        // Only the roles at schools this admin manages are replaced; roles elsewhere stay as they are.
        await tx.execute(sql`delete from user_roles where user_id = ${req.params.id} and school_id = any(${intArray([...managed])})`);
        for (const role of uniqueRoles(req.body.roles)) await tx.execute(sql`insert into user_roles (user_id, role, school_id) values (${req.params.id}, ${role.role}, ${role.schoolId})`);
      }
      if (req.body.disabled) await revokeAllSessions(tx, req.params.id);
      await audit(tx, { actorId: user.userId, schoolId: null, pupilId: null, action: 'update', entity: 'user', entityId: req.params.id, detail: req.body, ip: req.ip });
    });
    const [u] = await usersWhere(sql`u.id = ${req.params.id}`);
    return u;
  });

  r.get('/api/outbox', {
    config: { access: { kind: 'school' } },
    schema: {
      tags: ['school set-up'], querystring: z.object({ schoolId: z.coerce.number().int().optional() }),
      response: { 200: z.object({ items: z.array(z.object({ id: z.number(), to: z.string(), subject: z.string(), body: z.string(), createdAt: z.string(), sentAt: z.string().nullable() })) }) },
    },
  }, async (req) => {
    const user = requireUser(req);
    const all = await rows<{ id: number; board_id: number }>(db, sql`select id, board_id from schools`);
    const ids = all.filter((s) => decideSchool(user, 'school.viewOutbox', s.id, s.board_id).allow).map((s) => s.id)
      .filter((id) => !req.query.schoolId || id === req.query.schoolId);
    if (ids.length === 0) throw forbidden();
    const items = await rows<{ id: number; to_address: string; subject: string; body: string; created_at: string | Date; sent_at: string | Date | null }>(db, sql`
      select id, to_address, subject, body, created_at, sent_at from outbox where school_id = any(${intArray(ids)})
      order by id desc limit 200`);
    return { items: items.map((m) => ({ id: m.id, to: m.to_address, subject: m.subject, body: m.body, createdAt: new Date(m.created_at).toISOString(), sentAt: m.sent_at ? new Date(m.sent_at).toISOString() : null })) };
  });
}

function uniqueRoles<T extends { role: string; schoolId: number }>(roles: T[]): T[] {
  const seen = new Set<string>();
  return roles.filter((r) => { const k = `${r.role}@${r.schoolId}`; if (seen.has(k)) return false; seen.add(k); return true; });
}
