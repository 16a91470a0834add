// Groups as other capabilities read them: the group with its school year and sector, and its pupils.
import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../db/client';
import { notFound } from '../http/errors';

export interface GroupInfo {
  id: number; name: string; schoolId: number; schoolYearId: number; startsOn: string; endsOn: string; sector: 'po' | 'vo'; grades: number[];
}

export async function groupInfo(db: DbOrTx, groupId: number): Promise<GroupInfo> {
  const [g] = await rows<{ id: number; name: string; school_id: number; school_year_id: number; starts_on: string; ends_on: string; sector: 'po' | 'vo'; grades: number[] }>(db, sql`
    select g.id, g.name, g.school_id, g.school_year_id, y.starts_on, y.ends_on, s.sector, g.grades
    from groups g join school_years y on y.id = g.school_year_id join schools s on s.id = g.school_id where g.id = ${groupId}`);
  if (!g) throw notFound('Deze groep');
  return { id: g.id, name: g.name, schoolId: g.school_id, schoolYearId: g.school_year_id, startsOn: g.starts_on, endsOn: g.ends_on, sector: g.sector, grades: g.grades };
}

/** Pupils of a group (enrolled in it), in name order. */
export async function groupPupils(db: DbOrTx, groupId: number) {
  return rows<{ id: number; first_name: string; last_name: string; grade: number | null }>(db, sql`
    select p.id, p.first_name, p.last_name, e.grade from enrolments e join pupils p on p.id = e.pupil_id
    where e.group_id = ${groupId} order by p.last_name collate "und-x-icu", p.first_name collate "und-x-icu", p.id`);
}
