// The staff of a school: users with a staff role there (not parents, not accounts that only administer).
import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../db/client';

export const STAFF_ROLES = ['teacher', 'mentor', 'subject_teacher', 'care_coordinator', 'director'] as const;

/** Staff of a school, by name (the rota's order; the pickers sort for the reader): for pickers, checks and the rota. */
export async function schoolStaff(db: DbOrTx, schoolId: number): Promise<{ id: number; name: string; roles: string[] }[]> {
  return rows<{ id: number; name: string; roles: string[] }>(db, sql`
    select u.id, u.name, array_agg(distinct r.role order by r.role) as roles from user_roles r join users u on u.id = r.user_id
    where r.school_id = ${schoolId} and r.role = any(${`{${STAFF_ROLES.join(',')}}`}::text[]) and not u.disabled
    group by u.id, u.name order by u.name, u.id`);
}
