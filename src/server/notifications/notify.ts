// Notify users: one in-app notification each and, for users with an e-mail address, one message in the outbox that
// says only *that* something waits (domain/notifications notificationMail). Runs inside the caller's transaction.
import { sql } from 'drizzle-orm';
import { notificationMail, type NotificationKind, type NotificationParams } from '../../domain/notifications/model';
import { intArray, rows, type DbOrTx } from '../db/client';
import { enqueueMail } from '../outbox/outbox';

export interface Notice {
  /** Recipients; duplicates and the actor (`except`) are left out. */
  userIds: readonly number[];
  except?: number | null;
  schoolId: number | null;
  kind: NotificationKind;
  params?: NotificationParams;
  /** A path inside Koers ('/overleg/12'). */
  link: string;
}

export async function notify(db: DbOrTx, baseUrl: string, n: Notice): Promise<void> {
  const ids = [...new Set(n.userIds)].filter((id) => id !== n.except);
  if (ids.length === 0) return;
  const users = await rows<{ id: number; email: string | null }>(db, sql`
    select id, email from users where id = any(${intArray(ids)}) and not disabled order by id`);
  const params = JSON.stringify(n.params ?? {});
  for (const u of users) {
    await db.execute(sql`insert into notifications (user_id, school_id, kind, params, link)
      values (${u.id}, ${n.schoolId}, ${n.kind}, ${params}::jsonb, ${n.link})`);
    if (u.email) {
      const mail = notificationMail(n.kind, `${baseUrl.replace(/\/$/, '')}${n.link}`);
      await enqueueMail(db, { schoolId: n.schoolId, to: u.email, ...mail });
    }
  }
}

/** The base URL for links in e-mail: PUBLIC_URL, else the address the server listens on. */
export function baseUrlOf(config: { PUBLIC_URL?: string; HOST: string; PORT: number }): string {
  return config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`;
}
