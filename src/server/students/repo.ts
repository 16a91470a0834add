import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { ageOn } from '../../domain/students/age';
import { prepared, type DbOrTx } from '../db/client';

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

/** The pupil's record as the database builds it (one JSON value: one column to decode, not eleven). */
export interface DetailRow {
  id: number; firstName: string; lastName: string; birthDate: string; entryDate: string; leaveDate: string | null; version: number;
  schoolId: number; schoolName: string;
  history: { enrolmentId: number; schoolYear: string; schoolYearId: number; groupId: number; groupName: string; grade: number | null; startsOn: string; endsOn: string }[];
  guardians: PupilDetail['guardians'];
}

/**
 * The select behind a pupil's basic record, one column `preloaded` (see Preload in access/relations.ts); `pupilId` is a
 * parameter or a column of an outer query.
 */
export function detailSelect(pupilId: SQL): SQL {
  return sql`
    select json_build_object('id', p.id, 'firstName', p.first_name, 'lastName', p.last_name, 'birthDate', p.birth_date,
      'entryDate', p.entry_date, 'leaveDate', p.leave_date, 'version', p.version, 'schoolId', s.id, 'schoolName', s.name,
      'history', coalesce((select json_agg(json_build_object('enrolmentId', e.id, 'schoolYear', y.name, 'schoolYearId', y.id, 'groupId', g.id,
                 'groupName', g.name, 'grade', e.grade, 'startsOn', y.starts_on, 'endsOn', y.ends_on) order by y.starts_on desc)
                from enrolments e join groups g on g.id = e.group_id join school_years y on y.id = e.school_year_id
                where e.pupil_id = p.id), '[]'::json),
      'guardians', coalesce((select json_agg(json_build_object('userId', u.id, 'name', u.name, 'email', u.email, 'phone', u.phone,
                 'relation', gd.relation, 'hasAuthority', gd.has_authority) order by u.name)
                from guardians gd join users u on u.id = gd.user_id where gd.pupil_id = p.id), '[]'::json)) as preloaded
    from pupils p join schools s on s.id = p.school_id where p.id = ${pupilId}`;
}

/** The pupil's basic record in one query. */
export async function pupilDetail(db: DbOrTx, pupilId: number, today: string, can: PupilDetail['can']): Promise<PupilDetail | null> {
  const [r] = await prepared<{ preloaded: DetailRow }>(db, 'koers_pupil_detail', detailSelect(sql`${pupilId}`));
  return r ? toPupilDetail(r.preloaded, today, can) : null;
}

export function toPupilDetail(r: DetailRow, today: string, can: PupilDetail['can']): PupilDetail {
  const current = r.history.find((h) => h.startsOn <= today && today <= h.endsOn);
  const { history, schoolId, schoolName, ...basics } = r;
  return {
    ...basics,
    age: ageOn(r.birthDate, today),
    school: { id: schoolId, name: schoolName },
    currentGroup: current ? { id: current.groupId, name: current.groupName } : null,
    groupHistory: history.map(({ startsOn: _s, endsOn: _e, ...h }) => h),
    guardians: r.guardians,
    can,
  };
}
