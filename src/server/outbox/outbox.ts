// The e-mail outbox: every message is stored first; when SMTP_URL is set, a job sends what is unsent.
// Messages tell only *that* something waits, never pupil content.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { rows, type Db, type DbOrTx } from '../db/client';

export async function enqueueMail(db: DbOrTx, m: { schoolId: number | null; to: string; subject: string; body: string }) {
  await db.execute(sql`insert into outbox (school_id, to_address, subject, body) values (${m.schoolId}, ${m.to}, ${m.subject}, ${m.body})`);
}

/** Sends unsent messages over SMTP; returns how many were sent. */
export async function flushOutbox(db: Db, smtpUrl: string, from: string): Promise<number> {
  const nodemailer = await import('nodemailer');
  const transport = nodemailer.createTransport(smtpUrl);
  const pending = await rows<{ id: number; to_address: string; subject: string; body: string }>(db,
    sql`select id, to_address, subject, body from outbox where sent_at is null order by id limit 50`);
  let sent = 0;
  for (const m of pending) {
    try {
      await transport.sendMail({ from, to: m.to_address, subject: m.subject, text: m.body });
      await db.execute(sql`update outbox set sent_at = now(), error = null where id = ${m.id}`);
      sent++;
    } catch (e) {
      await db.execute(sql`update outbox set error = ${String((e as Error).message).slice(0, 500)} where id = ${m.id}`);
    }
  }
  return sent;
}

export function startOutboxJob(app: FastifyInstance): () => void {
  const { SMTP_URL, SMTP_FROM } = app.ctx.config;
  if (!SMTP_URL) return () => {};
  const timer = setInterval(() => {
    flushOutbox(app.ctx.db, SMTP_URL, SMTP_FROM).catch((e) => app.log.error(e));
  }, 30_000);
  timer.unref();
  return () => clearInterval(timer);
}
