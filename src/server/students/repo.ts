import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ageOn } from '../../domain/students/age';
import { rows, type DbOrTx } from '../db/client';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Gebruik een datum als 2026-11-24.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Deze datum bestaat niet.');

export const pupilDetailSchema = z.object({
  id: z.number(), firstName: z.string(), lastName: z.string(), birthDate: z.string(), entryDate: z.string(),
  leaveDate: z.string().nullable(), age: z.number(), version: z.number(),
  school: z.object({ id: z.number(), name: z.string() }),
  currentGroup: z.object({ id: z.number(), name: z.string() }).nullable(),
  groupHistory: z.array(z.object({
    enrolmentId: z.number(), schoolYear: z.string(), schoolYearId: z.number(), groupId: z.number(), groupName: z.string(), grade: z.number().nullable(),
  })),
  guardians: z.array(z.object({
    userId: z.number(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), relation: z.string(), hasAuthority: z.boolean(),
  })),
  can: z.object({ editAdmin: z.boolean(), viewAudit: z.boolean() }),
});
export type PupilDetail = z.infer<typeof pupilDetailSchema>;

interface DetailRow {
  id: number; first_name: string; last_name: string; birth_date: string; entry_date: string; leave_date: string | null; version: number;
  school_id: number; school_name: string;
  history: { enrolmentId: number; schoolYear: string; schoolYearId: number; groupId: number; groupName: string; grade: number | null; startsOn: string; endsOn: string }[];
  guardians: PupilDetail['guardians'];
}

/** The pupil's basic record in one query. `showContacts` is false for those who may not see parents' contact details. */
export async function pupilDetail(db: DbOrTx, pupilId: number, today: string, can: PupilDetail['can']): Promise<PupilDetail | null> {
  const [r] = await rows<DetailRow>(db, sql`
    select p.id, p.first_name, p.last_name, p.birth_date, p.entry_date, p.leave_date, p.version, s.id as school_id, s.name as school_name,
      coalesce((select json_agg(json_build_object('enrolmentId', e.id, 'schoolYear', y.name, 'schoolYearId', y.id, 'groupId', g.id,
                 'groupName', g.name, 'grade', e.grade, 'startsOn', y.starts_on, 'endsOn', y.ends_on) order by y.starts_on desc)
                from enrolments e join groups g on g.id = e.group_id join school_years y on y.id = e.school_year_id
                where e.pupil_id = p.id), '[]'::json) as history,
      coalesce((select json_agg(json_build_object('userId', u.id, 'name', u.name, 'email', u.email, 'phone', u.phone,
                 'relation', gd.relation, 'hasAuthority', gd.has_authority) order by u.name)
                from guardians gd join users u on u.id = gd.user_id where gd.pupil_id = p.id), '[]'::json) as guardians
    from pupils p join schools s on s.id = p.school_id where p.id = ${pupilId}`);
  if (!r) return null;
  const current = r.history.find((h) => h.startsOn <= today && today <= h.endsOn);
  return {
    id: r.id, firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date, entryDate: r.entry_date, leaveDate: r.leave_date,
    age: ageOn(r.birth_date, today), version: r.version,
    school: { id: r.school_id, name: r.school_name },
    currentGroup: current ? { id: current.groupId, name: current.groupName } : null,
    groupHistory: r.history.map(({ startsOn: _s, endsOn: _e, ...h }) => h),
    guardians: r.guardians,
    can,
  };
}
