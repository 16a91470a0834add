// The user's in-app notifications: the count for the header, the list, and marking them read. A notification holds
// no pupil content (see domain/notifications), so these are plain user routes.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationsView } from '../../domain/notifications/model';
import { intArray, rows } from '../db/client';
import { requireUser } from '../http/context';

/** How many notifications the list shows (newest first); older ones stay in the database. */
const LIST_LIMIT = 100;

const KINDS = new Set<string>(NOTIFICATION_KINDS);

export async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;

  r.get('/api/notifications/count', {
    config: { access: { kind: 'user' } },
    schema: { tags: ['notifications'], response: { 200: z.object({ unread: z.number() }) } },
  }, async (req) => {
    const user = requireUser(req);
    const [c] = await rows<{ n: number }>(db, sql`select count(*)::int as n from notifications where user_id = ${user.userId} and read_at is null`);
    return { unread: c.n };
  });

  r.get('/api/notifications', {
    config: { access: { kind: 'user' } },
    schema: { tags: ['notifications'] },
  }, async (req): Promise<NotificationsView> => {
    const user = requireUser(req);
    const list = await rows<{ id: number; kind: string; params: Record<string, string>; link: string; created_at: Date | string; read_at: Date | string | null }>(db, sql`
      select id, kind, params, link, created_at, read_at from notifications where user_id = ${user.userId}
      order by id desc limit ${LIST_LIMIT}`);
    const [c] = await rows<{ n: number }>(db, sql`select count(*)::int as n from notifications where user_id = ${user.userId} and read_at is null`);
    return {
      unread: c.n,
      notifications: list.filter((n) => KINDS.has(n.kind)).map((n) => ({
        id: Number(n.id), kind: n.kind as NotificationKind, params: n.params ?? {}, link: n.link,
        createdAt: new Date(n.created_at).toISOString(), read: n.read_at !== null,
      })),
    };
  });

  r.post('/api/notifications/read', {
    config: { access: { kind: 'user' } },
    schema: {
      tags: ['notifications'],
      body: z.union([z.object({ all: z.literal(true) }), z.object({ ids: z.array(z.number().int().positive()).min(1).max(LIST_LIMIT) })]),
      response: { 200: z.object({ unread: z.number() }) },
    },
  }, async (req) => {
    const user = requireUser(req);
    const body = req.body;
    // Only the user's own notifications are touched, whatever ids are sent.
    await db.execute('all' in body
      ? sql`update notifications set read_at = now() where user_id = ${user.userId} and read_at is null`
      : sql`update notifications set read_at = now() where user_id = ${user.userId} and read_at is null and id = any(${intArray(body.ids)})`);
    const [c] = await rows<{ n: number }>(db, sql`select count(*)::int as n from notifications where user_id = ${user.userId} and read_at is null`);
    return { unread: c.n };
  });
}
