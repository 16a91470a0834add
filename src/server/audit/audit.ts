import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

export interface AuditEntry {
  actorId: number | null;
  schoolId: number | null;
  pupilId: number | null;
  /** read, list, create, update, delete, denied, login, ... */
  action: string;
  /** pupil, enrolment, guardian, group, ... */
  entity: string;
  entityId?: string | number | null;
  detail?: unknown;
  ip?: string | null;
}

/** Appends audit entries in one statement. Awaited before a response is sent, so no served read goes unrecorded. */
export async function audit(db: DbOrTx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const values = list.map((e) => sql`(${e.actorId}, ${e.schoolId}, ${e.pupilId}, ${e.action}, ${e.entity}, ${
    e.entityId == null ? null : String(e.entityId)}, ${e.detail === undefined ? null : JSON.stringify(e.detail)}::jsonb, ${e.ip ?? null})`);
  await db.execute(sql`insert into audit_log (actor_id, school_id, pupil_id, action, entity, entity_id, detail, ip)
    values ${sql.join(values, sql`, `)}`);
}
