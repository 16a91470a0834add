import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { decideSchool, homeFor, ROLES } from '../../domain/access/policy';
import { readSchoolSettings } from '../../domain/school/settings';
import { intArray, rows } from '../db/client';
import type { SessionUser } from '../http/context';

export const meSchema = z.object({
  id: z.number(), name: z.string(), login: z.string(), email: z.string().nullable(), locale: z.enum(['nl', 'en']),
  totpEnabled: z.boolean(), mfa: z.enum(['ok', 'setup_required']), home: z.enum(['teacher', 'care', 'parent', 'admin', 'board']),
  roles: z.array(z.object({ role: z.enum(ROLES), schoolId: z.number().nullable(), schoolName: z.string().nullable(), boardId: z.number().nullable() })),
  schools: z.array(z.object({ id: z.number(), name: z.string(), sector: z.enum(['po', 'vo']), careCoordinatorLabel: z.string(), canManage: z.boolean(), canSeeAllPupils: z.boolean() })),
  groups: z.array(z.object({ id: z.number(), name: z.string(), schoolId: z.number(), schoolYear: z.string() })),
  children: z.array(z.object({ id: z.number(), name: z.string() })),
  /** The server's today (Dutch date; KOERS_TODAY in demos): the web uses it as the default date and for "not in the future". */
  today: z.string(),
});

export async function meOf(app: FastifyInstance, user: SessionUser): Promise<z.infer<typeof meSchema>> {
  const { db, clock } = app.ctx;
  const today = clock.today();
  const [u] = await rows<{ email: string | null }>(db, sql`select email from users where id = ${user.userId}`);
  const schoolIds = user.grants.map((g) => g.schoolId).filter((x): x is number => x != null);
  const boardIds = user.grants.map((g) => g.boardId).filter((x): x is number => x != null);
  const schools = await rows<{ id: number; name: string; sector: 'po' | 'vo'; settings: unknown; board_id: number }>(db, sql`
    select id, name, sector, settings, board_id from schools
    where id = any(${intArray(schoolIds)}) or board_id = any(${intArray(boardIds)})
    order by name`);
  const groups = await rows<{ id: number; name: string; school_id: number; year: string }>(db, sql`
    select distinct g.id, g.name, g.school_id, y.name as year from group_staff gs
    join groups g on g.id = gs.group_id join school_years y on y.id = g.school_year_id
    where gs.user_id = ${user.userId} and y.starts_on <= ${today}::date and y.ends_on >= ${today}::date
    order by g.name`);
  const children = await rows<{ id: number; first_name: string; last_name: string }>(db, sql`
    select p.id, p.first_name, p.last_name from guardians g join pupils p on p.id = g.pupil_id
    where g.user_id = ${user.userId} and g.has_authority order by p.first_name`);
  const nameOf = new Map(schools.map((s) => [s.id, s.name]));
  return {
    id: user.userId,
    name: user.name,
    login: user.login,
    email: u?.email ?? null,
    locale: user.locale,
    today,
    totpEnabled: user.totpEnabled,
    mfa: user.mfaSetupRequired ? 'setup_required' : 'ok',
    home: homeFor(user.grants),
    roles: user.grants.map((g) => ({ role: g.role, schoolId: g.schoolId, boardId: g.boardId, schoolName: g.schoolId ? nameOf.get(g.schoolId) ?? null : null })),
    schools: schools
      .filter((s) => user.grants.some((g) => g.schoolId === s.id || g.boardId === s.board_id))
      .map((s) => ({
        id: s.id, name: s.name, sector: s.sector,
        careCoordinatorLabel: readSchoolSettings(s.sector, s.settings).careCoordinatorLabel,
        canManage: decideSchool(user, 'school.manage', s.id, s.board_id).allow,
        canSeeAllPupils: decideSchool(user, 'school.viewAllPupils', s.id, s.board_id).allow,
      })),
    groups: groups.map((g) => ({ id: g.id, name: g.name, schoolId: g.school_id, schoolYear: g.year })),
    children: children.map((c) => ({ id: c.id, name: `${c.first_name} ${c.last_name}` })),
  };
}
