// Groups (groepen / klassen): list, a group with its pupils, and set-up by the administrator.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideGroup } from '../../domain/access/policy';
import { checkGroup, type GroupProblem } from '../../domain/school/groups';
import { authorizeSchool, visiblePupils } from '../access/guard';
import { loadGroupRelations } from '../access/relations';
import { audit } from '../audit/audit';
import { intArray, rows, type DbOrTx } from '../db/client';
import { conflict, invalid, notFound } from '../http/errors';
import { requireUser } from '../http/context';

const staffKind = z.enum(['teacher', 'mentor', 'subject_teacher']);
export const groupSummary = z.object({
  id: z.number(), name: z.string(), schoolId: z.number(), version: z.number(),
  schoolYear: z.object({ id: z.number(), name: z.string(), current: z.boolean() }),
  grades: z.array(z.number()), level: z.string().nullable(), pupilCount: z.number(),
  staff: z.array(z.object({ userId: z.number(), name: z.string(), kind: staffKind })),
});
type GroupSummary = z.infer<typeof groupSummary>;

interface GroupRow {
  id: number; name: string; school_id: number; version: number; year_id: number; year_name: string; current: boolean;
  grades: number[]; level: string | null; pupil_count: number; staff: GroupSummary['staff'];
}

async function groupRows(db: DbOrTx, today: string, where: ReturnType<typeof sql>): Promise<GroupSummary[]> {
  const list = await rows<GroupRow>(db, sql`
    select g.id, g.name, g.school_id, g.version, y.id as year_id, y.name as year_name,
      (y.starts_on <= ${today}::date and y.ends_on >= ${today}::date) as current, g.grades, g.level,
      (select count(*)::int from enrolments e where e.group_id = g.id) as pupil_count,
      coalesce((select json_agg(json_build_object('userId', u.id, 'name', u.name, 'kind', gs.kind) order by gs.kind, u.name)
                from group_staff gs join users u on u.id = gs.user_id where gs.group_id = g.id), '[]'::json) as staff
    from groups g join school_years y on y.id = g.school_year_id
    where ${where}
    order by y.starts_on desc, g.grades[1], g.name`);
  return list.map((g) => ({
    id: g.id, name: g.name, schoolId: g.school_id, version: g.version,
    schoolYear: { id: g.year_id, name: g.year_name, current: g.current },
    grades: g.grades, level: g.level, pupilCount: g.pupil_count, staff: g.staff,
  }));
}

const GROUP_PROBLEM_NL: Record<GroupProblem, [string, string]> = {
  no_grades: ['grades', 'Kies minstens één leerjaar.'],
  grade_out_of_range: ['grades', 'Een leerjaar ligt buiten het bereik van dit schooltype (PO: groep 1–8, VO: leerjaar 1–6).'],
  grades_not_adjacent: ['grades', 'Een combinatiegroep bestaat uit opeenvolgende leerjaren (bijv. 4/5).'],
  level_required: ['level', 'Kies het niveau van de klas (bijv. havo).'],
  level_not_allowed: ['level', 'Een groep in het primair onderwijs heeft geen niveau.'],
};

function groupProblems(problems: GroupProblem[]) {
  if (problems.length) throw invalid(Object.fromEntries(problems.map((p) => GROUP_PROBLEM_NL[p])));
}

export async function groupRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.ctx;

  r.get('/api/groups', {
    config: { access: { kind: 'list' } },
    schema: {
      tags: ['groups'],
      querystring: z.object({ schoolId: z.coerce.number().int().optional(), schoolYearId: z.coerce.number().int().optional() }),
      response: { 200: z.object({ items: z.array(groupSummary) }) },
    },
  }, async (req) => {
    const user = requireUser(req);
    const today = clock.today();
    const schoolIds = user.grants.map((g) => g.schoolId).filter((x): x is number => x != null);
    const boardIds = user.grants.map((g) => g.boardId).filter((x): x is number => x != null);
    const candidates = await groupRows(db, today, sql`(g.school_id = any(${intArray(schoolIds)})
        or g.school_id in (select id from schools where board_id = any(${intArray(boardIds)})))
      ${req.query.schoolId ? sql`and g.school_id = ${req.query.schoolId}` : sql``}
      ${req.query.schoolYearId ? sql`and g.school_year_id = ${req.query.schoolYearId}` : sql``}`);
    const rels = await loadGroupRelations(db, user.userId, candidates.map((g) => g.id), today);
    const items = candidates.filter((g) => {
      const rel = rels.get(g.id);
      return rel != null && decideGroup(user, 'group.view', rel).allow;
    });
    return { items };
  });

  r.get('/api/groups/:id', {
    config: { access: { kind: 'group', action: 'group.view' } },
    schema: {
      tags: ['groups'], params: z.object({ id: z.string() }),
      response: { 200: groupSummary.extend({ pupils: z.array(z.object({ id: z.number(), firstName: z.string(), lastName: z.string(), birthDate: z.string(), grade: z.number().nullable() })) }) },
    },
  }, async (req) => {
    const user = requireUser(req);
    const { groupId, schoolId } = req.groupScope!;
    const [group] = await groupRows(db, clock.today(), sql`g.id = ${groupId}`);
    const pupils = await rows<{ id: number; first_name: string; last_name: string; birth_date: string; grade: number | null }>(db, sql`
      select p.id, p.first_name, p.last_name, p.birth_date, e.grade from enrolments e join pupils p on p.id = e.pupil_id
      where e.group_id = ${groupId} order by p.last_name collate "und-x-icu", p.first_name collate "und-x-icu"`);
    // The group view lists pupils: each one passes the pupil policy too, and each listed pupil is audited.
    const visible = await visiblePupils(req, pupils.map((p) => p.id));
    const shown = pupils.filter((p) => visible.has(p.id));
    await audit(db, shown.map((p) => ({ actorId: user.userId, schoolId, pupilId: p.id, action: 'list', entity: 'pupil', entityId: p.id, detail: { route: '/api/groups/:id', groupId }, ip: req.ip })));
    return { ...group, pupils: shown.map((p) => ({ id: p.id, firstName: p.first_name, lastName: p.last_name, birthDate: p.birth_date, grade: p.grade })) };
  });

  r.post('/api/schools/:schoolId/groups', {
    config: { access: { kind: 'school' } },
    schema: {
      tags: ['school set-up'], params: z.object({ schoolId: z.coerce.number().int() }),
      body: z.object({ schoolYearId: z.number().int(), name: z.string().trim().min(1, 'Vul een naam in.').max(40), grades: z.array(z.number().int()).max(8), level: z.string().trim().max(40).nullable().optional() }),
      response: { 201: groupSummary },
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    const schoolId = req.params.schoolId;
    await authorizeSchool(req, schoolId, 'school.manage');
    const [school] = await rows<{ sector: 'po' | 'vo' }>(db, sql`select sector from schools where id = ${schoolId}`);
    groupProblems(checkGroup(school.sector, req.body.grades, req.body.level ?? null));
    const [year] = await rows<{ id: number }>(db, sql`select id from school_years where id = ${req.body.schoolYearId} and school_id = ${schoolId}`);
    if (!year) throw invalid({ schoolYearId: 'Kies een schooljaar van deze school.' });
    const [dup] = await rows<{ id: number }>(db, sql`select id from groups where school_year_id = ${year.id} and lower(name) = lower(${req.body.name})`);
    if (dup) throw invalid({ name: 'Er is dit schooljaar al een groep met deze naam.' });
    const grades = [...new Set(req.body.grades)].sort((a, b) => a - b);
    const [g] = await rows<{ id: number }>(db, sql`insert into groups (school_id, school_year_id, name, grades, level)
      values (${schoolId}, ${year.id}, ${req.body.name}, ${intArray(grades, 'smallint')}, ${req.body.level ?? null}) returning id`);
    await audit(db, { actorId: user.userId, schoolId, pupilId: null, action: 'create', entity: 'group', entityId: g.id, detail: { name: req.body.name }, ip: req.ip });
    const [created] = await groupRows(db, clock.today(), sql`g.id = ${g.id}`);
    return reply.status(201).send(created);
  });

  r.patch('/api/groups/:id', {
    config: { access: { kind: 'school' } },
    schema: {
      tags: ['school set-up'], params: z.object({ id: z.coerce.number().int() }),
      body: z.object({ version: z.number().int(), name: z.string().trim().min(1).max(40).optional(), grades: z.array(z.number().int()).max(8).optional(), level: z.string().trim().max(40).nullable().optional() }),
      response: { 200: groupSummary },
    },
  }, async (req) => {
    const user = requireUser(req);
    const [cur] = await rows<{ school_id: number; sector: 'po' | 'vo'; grades: number[]; level: string | null; version: number }>(db, sql`
      select g.school_id, s.sector, g.grades, g.level, g.version from groups g join schools s on s.id = g.school_id where g.id = ${req.params.id}`);
    if (!cur) throw notFound('Deze groep');
    await authorizeSchool(req, cur.school_id, 'school.manage');
    if (cur.version !== req.body.version) throw conflict();
    const grades = req.body.grades ? [...new Set(req.body.grades)].sort((a, b) => a - b) : cur.grades;
    const level = req.body.level === undefined ? cur.level : req.body.level;
    groupProblems(checkGroup(cur.sector, grades, level));
    const updated = await rows<{ id: number }>(db, sql`update groups set name = coalesce(${req.body.name ?? null}, name),
      grades = ${intArray(grades, 'smallint')}, level = ${level}, version = version + 1
      where id = ${req.params.id} and version = ${req.body.version} returning id`);
    if (updated.length === 0) throw conflict();
    await audit(db, { actorId: user.userId, schoolId: cur.school_id, pupilId: null, action: 'update', entity: 'group', entityId: req.params.id, detail: { changed: Object.keys(req.body) }, ip: req.ip });
    const [g] = await groupRows(db, clock.today(), sql`g.id = ${req.params.id}`);
    return g;
  });

  r.put('/api/groups/:id/staff', {
    config: { access: { kind: 'school' } },
    schema: {
      tags: ['school set-up'], params: z.object({ id: z.coerce.number().int() }),
      body: z.object({ staff: z.array(z.object({ userId: z.number().int(), kind: staffKind })).max(40) }),
      response: { 200: groupSummary },
    },
  }, async (req) => {
    const user = requireUser(req);
    const [cur] = await rows<{ school_id: number }>(db, sql`select school_id from groups where id = ${req.params.id}`);
    if (!cur) throw notFound('Deze groep');
    await authorizeSchool(req, cur.school_id, 'school.manage');
    const ids = [...new Set(req.body.staff.map((s) => s.userId))];
    const staffUsers = await rows<{ user_id: number; roles: string[] }>(db, sql`
      select user_id, array_agg(role) as roles from user_roles where school_id = ${cur.school_id}
        and user_id = any(${intArray(ids)}) group by user_id`);
    const rolesOf = new Map(staffUsers.map((s) => [s.user_id, s.roles]));
    const fields: Record<string, string> = {};
    req.body.staff.forEach((s, i) => {
      if (!rolesOf.get(s.userId)?.includes(s.kind)) fields[`staff.${i}`] = 'Deze medewerker heeft op deze school niet de rol die bij deze taak hoort.';
    });
    if (Object.keys(fields).length) throw invalid(fields);
    await db.transaction(async (tx) => {
      await tx.execute(sql`delete from group_staff where group_id = ${req.params.id}`);
      for (const s of req.body.staff) {
        await tx.execute(sql`insert into group_staff (group_id, user_id, kind) values (${req.params.id}, ${s.userId}, ${s.kind}) on conflict do nothing`);
      }
      await audit(tx, { actorId: user.userId, schoolId: cur.school_id, pupilId: null, action: 'update', entity: 'group_staff', entityId: req.params.id, detail: { staff: req.body.staff }, ip: req.ip });
    });
    const [g] = await groupRows(db, clock.today(), sql`g.id = ${req.params.id}`);
    return g;
  });
}
