// The care calendar (jaarplanning / toetskalender, issue 6): the year as the user may see it, the care coordinator's
// generation from the school's template (preview first), events added and edited by hand, the template/holiday/rule
// settings, and every user's private iCalendar feed (a random token in the URL, stored hashed; a new one revokes the old).
// Access: lists filtered through the policy in the handlers (`list`); the feed itself is public by its secret token and
// carries no pupil names or care content.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../domain/access/policy';
import { DOMAINS } from '../../domain/assessments/instruments';
import { buildFeed, type FeedItem } from '../../domain/calendar/ical';
import { CALENDAR_AUDIENCES, CALENDAR_EVENT_KINDS, CALENDAR_PRESETS, type CalendarSettings } from '../../domain/calendar/model';
import { calendarSettingsSchema, templateOf } from '../../domain/calendar/settings';
import type {
  CalendarFeedCreated, CalendarFeedView, CalendarGenerateResult, CalendarItem, CalendarPreviewView, CalendarSettingsView, CalendarView,
  SchoolYearRef,
} from '../../domain/calendar/views';
import { isValidIsoDate } from '../../domain/school/periods';
import { readSchoolSettings } from '../../domain/school/settings';
import { audit, type AuditEntry } from '../audit/audit';
import { rows, type DbOrTx } from '../db/client';
import { requireUser } from '../http/context';
import { forbidden, HttpError, invalid, notFound } from '../http/errors';
import {
  draftsOf, generateYear, generationCounts, grantsOf, groupsOf, loadCalendar, meetingKindLabel, periodsOf, pickYear, schoolFacts,
  viewerOf, yearsOf, type DerivedPlan, type SchoolFacts,
} from './repo';

const staleVersion = () => new HttpError(409, 'stale_version', 'Iemand anders heeft dit item intussen gewijzigd. Laad de jaarplanning opnieuw en probeer het nog eens.');
const staleSettings = () => new HttpError(409, 'stale_version', 'Iemand anders heeft de instellingen van de jaarplanning intussen gewijzigd. Laad de pagina opnieuw.');

const id = z.coerce.number().int().positive().max(2_147_483_647);
const schoolQuery = z.object({ schoolId: id, schoolYearId: id.optional() });
const isoDate = z.string().refine(isValidIsoDate, { message: 'Gebruik een bestaande datum als 2026-11-24.' });
const title = z.string().trim().min(2, 'Geef een titel van minstens 2 tekens.').max(120, 'De titel mag hooguit 120 tekens hebben.');
const eventFields = {
  kind: z.enum(CALENDAR_EVENT_KINDS, { message: 'Kies een soort uit de lijst.' }),
  title,
  startsOn: isoDate,
  endsOn: isoDate,
  groupId: id.nullable(),
  grades: z.array(z.number().int().min(0, 'Een groep of leerjaar loopt van 0 tot 8.').max(8, 'Een groep of leerjaar loopt van 0 tot 8.')).max(10),
  domain: z.enum(DOMAINS, { message: 'Kies een domein uit de lijst.' }).nullable(),
  audience: z.enum(CALENDAR_AUDIENCES, { message: 'Kies voor wie het zichtbaar is.' }),
  note: z.string().max(500, 'Een notitie mag hooguit 500 tekens hebben.'),
};
const createBody = z.object({
  schoolId: id, schoolYearId: id, ...eventFields,
  groupId: eventFields.groupId.default(null), grades: eventFields.grades.default([]), domain: eventFields.domain.default(null),
  audience: eventFields.audience.default('staff'), note: eventFields.note.default(''),
});
const patchBody = z.object({
  version: z.number().int().positive(),
  kind: eventFields.kind.optional(), title: title.optional(), startsOn: isoDate.optional(), endsOn: isoDate.optional(),
  groupId: eventFields.groupId.optional(), grades: eventFields.grades.optional(), domain: eventFields.domain.optional(),
  audience: eventFields.audience.optional(), note: eventFields.note.optional(),
});

/** Short, stable version of the calendar settings (optimistic concurrency; schools have no version column). */
const settingsVersion = (s: CalendarSettings) => createHash('sha256').update(JSON.stringify(s)).digest('hex').slice(0, 16);
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Dutch messages for the settings' own rules (zod's Dutch locale covers types and bounds). */
function settingsFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || 'settings';
    const msg = issue.message === 'duplicate key' ? 'Elke regel van het sjabloon heeft een eigen sleutel nodig; deze sleutel komt twee keer voor.'
      : issue.message === 'ends before it starts' ? 'De vakantie eindigt vóór ze begint.'
      : issue.message === 'not a date' ? 'Gebruik een bestaande datum als 2026-11-24.'
      : path.endsWith('.key') ? 'Een sleutel bestaat uit kleine letters, cijfers en streepjes (zoals m-toetsen).'
      : path.endsWith('.title') || path.endsWith('.name') ? 'Vul een naam in van 2 tot 120 tekens.'
      : issue.message;
    fields[path] ??= msg;
  }
  return fields;
}

const FEED_KIND_LABELS: Record<string, string> = {
  testWeek: 'Toetsweek', analysis: 'Analyse', handIn: 'Inleveren', reportWeek: 'Rapport', parentTalks: 'Oudergesprekken',
  transfer: 'Overdracht', careMeeting: 'Zorgoverleg', other: 'Overig', groupDiscussion: 'Groepsbespreking', pupilDiscussion: 'Leerlingbespreking',
  careTeam: 'Zorgteam', bilateral: 'Bilateraal overleg', planEvaluation: 'Evaluatie handelingsplan', oppEvaluation: 'Evaluatie OPP',
};

export async function calendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, config } = app.ctx;

  const baseUrl = (req: FastifyRequest) => (config.PUBLIC_URL ?? `${req.protocol}://${req.headers.host ?? `${config.HOST}:${config.PORT}`}`).replace(/\/$/, '');

  /** The school and year of a request; 404 for an unknown school or a year of another school; 403 without a role there. */
  async function scope(req: FastifyRequest, schoolId: number, schoolYearId: number | undefined) {
    const user = requireUser(req);
    const school = await schoolFacts(db, schoolId);
    if (!school) throw notFound('Deze school');
    if (!user.grants.some((g) => g.schoolId === schoolId || g.boardId === school.boardId)) throw forbidden();
    const years = await yearsOf(db, schoolId);
    const year = pickYear(years, schoolYearId, clock.today());
    if (!year) throw notFound('Dit schooljaar');
    return { user, school, years, year };
  }

  const isCareCoordinator = (actor: Actor, schoolId: number) => actor.grants.some((g) => g.schoolId === schoolId && g.role === 'care_coordinator');
  const requireManage = (actor: Actor, schoolId: number) => { if (!isCareCoordinator(actor, schoolId)) throw forbidden(); };

  function derivedAudit(actor: Actor, schoolId: number, derived: DerivedPlan[], route: string, ip: string | null): AuditEntry[] {
    return derived.map((d) => ({ actorId: actor.userId, schoolId, pupilId: d.pupilId, action: 'list', entity: 'support_plan', entityId: d.planId, detail: { route }, ip }));
  }

  async function calendarView(req: FastifyRequest, s: Awaited<ReturnType<typeof scope>>): Promise<CalendarView> {
    const { user, school, years, year } = s;
    const viewer = await viewerOf(db, user, school.id, year.id);
    if (!viewer) throw forbidden();
    const periods = await periodsOf(db, year.id);
    const loaded = await loadCalendar(db, { actor: user, school, year, viewer, today: clock.today(), periods });
    await audit(db, derivedAudit(user, school.id, loaded.derived, '/api/calendar', req.ip));
    return {
      schoolId: school.id, sector: school.sector, today: clock.today(), schoolYear: year, years,
      periods: periods.map(({ id: _id, ...p }) => p), groups: viewer.kind === 'parent' ? [] : await groupsOf(db, year.id),
      holidays: school.settings.calendar.holidays, items: loaded.items, can: { manage: viewer.kind === 'care' && viewer.manage },
    };
  }

  r.get('/api/calendar', {
    config: { access: { kind: 'list' } },
    schema: { tags: ['calendar'], querystring: schoolQuery },
  }, async (req): Promise<CalendarView> => calendarView(req, await scope(req, req.query.schoolId, req.query.schoolYearId)));

  r.get('/api/calendar/preview', {
    config: { access: { kind: 'list' } },
    schema: { tags: ['calendar'], querystring: schoolQuery },
  }, async (req): Promise<CalendarPreviewView> => {
    const { user, school, year } = await scope(req, req.query.schoolId, req.query.schoolYearId);
    requireManage(user, school.id);
    const { drafts } = await draftsOf(db, school, year);
    const counts = await generationCounts(db, school.id, year.id);
    return {
      schoolId: school.id, schoolYear: year,
      drafts: drafts.map(({ occurrenceKey: _k, ...d }) => d), replaced: counts.replaced, keptEdited: counts.keptEdited,
    };
  });

  r.post('/api/calendar/generate', {
    config: { access: { kind: 'list' } },
    schema: { tags: ['calendar'], body: z.object({ schoolId: id, schoolYearId: id }) },
  }, async (req): Promise<CalendarGenerateResult> => {
    const { user, school, year } = await scope(req, req.body.schoolId, req.body.schoolYearId);
    requireManage(user, school.id);
    if (school.settings.calendar.template.length === 0) throw invalid({ template: 'Het sjabloon is leeg.' }, 'Het sjabloon van de jaarplanning is leeg: kies eerst een voorbeeld of voeg regels toe.');
    return db.transaction(async (tx) => {
      // One generation of a year at a time.
      await tx.execute(sql`select id from school_years where id = ${year.id} for update`);
      const result = await generateYear(tx, { school, year, userId: user.userId, careCoordinatorId: user.userId });
      await audit(tx, { actorId: user.userId, schoolId: school.id, pupilId: null, action: 'generate', entity: 'calendar', entityId: year.id, detail: { ...result }, ip: req.ip });
      return result;
    });
  });

  // ---- Events added or edited by hand (the care coordinator) ----

  async function eventItem(req: FastifyRequest, school: SchoolFacts, year: SchoolYearRef, eventId: number): Promise<CalendarItem> {
    const user = requireUser(req);
    // Only the stored event is returned: no derived plan dates (which would read pupil data and need audit entries).
    const loaded = await loadCalendar(db, {
      actor: user, school, year, viewer: { kind: 'care', manage: true }, today: clock.today(), periods: await periodsOf(db, year.id), derived: false,
    });
    const item = loaded.items.find((i) => i.eventId === eventId);
    if (!item) throw notFound('Dit item');
    return item;
  }

  async function checkEvent(tx: DbOrTx, schoolId: number, year: SchoolYearRef, e: { startsOn: string; endsOn: string; groupId: number | null }) {
    if (e.endsOn < e.startsOn) throw invalid({ endsOn: 'De einddatum ligt vóór de begindatum.' });
    if (e.startsOn < year.startsOn || e.endsOn > year.endsOn) {
      const field = e.startsOn < year.startsOn || e.startsOn > year.endsOn ? 'startsOn' : 'endsOn';
      throw invalid({ [field]: `Kies een datum binnen het schooljaar ${year.name}.` });
    }
    if (e.groupId !== null) {
      const [g] = await rows<{ id: number }>(tx, sql`select id from groups where id = ${e.groupId} and school_id = ${schoolId} and school_year_id = ${year.id}`);
      if (!g) throw invalid({ groupId: 'Deze groep hoort niet bij dit schooljaar van de school.' });
    }
  }

  /** The event of a route with its school and year; 404 unknown (or another school without a role there), 403 not the care coordinator. */
  async function eventScope(req: FastifyRequest, rawId: number) {
    const user = requireUser(req);
    const [e] = await rows<{ id: number; school_id: number; school_year_id: number }>(db, sql`select id, school_id, school_year_id from calendar_events where id = ${rawId}`);
    if (!e || !user.grants.some((g) => g.schoolId === e.school_id)) throw notFound('Dit item');
    requireManage(user, e.school_id);
    const school = (await schoolFacts(db, e.school_id))!;
    const year = (await yearsOf(db, e.school_id)).find((y) => y.id === e.school_year_id)!;
    return { user, school, year, eventId: e.id };
  }

  r.post('/api/calendar/events', {
    config: { access: { kind: 'list' } },
    schema: { tags: ['calendar'], body: createBody },
  }, async (req, reply) => {
    const { user, school, year } = await scope(req, req.body.schoolId, req.body.schoolYearId);
    requireManage(user, school.id);
    const b = req.body;
    const created = await db.transaction(async (tx) => {
      await checkEvent(tx, school.id, year, b);
      const [row] = await rows<{ id: number }>(tx, sql`insert into calendar_events (school_id, school_year_id, kind, title, starts_on, ends_on, group_id, grades, domain, audience, note, edited, created_by)
        values (${school.id}, ${year.id}, ${b.kind}, ${b.title}, ${b.startsOn}::date, ${b.endsOn}::date, ${b.groupId}, ${`{${b.grades.join(',')}}`}::smallint[], ${b.domain},
          ${b.audience}, ${b.note.trim()}, true, ${user.userId}) returning id`);
      await audit(tx, { actorId: user.userId, schoolId: school.id, pupilId: null, action: 'create', entity: 'calendar_event', entityId: row.id, detail: { kind: b.kind, startsOn: b.startsOn }, ip: req.ip });
      return row.id;
    });
    return reply.status(201).send(await eventItem(req, school, year, created));
  });

  r.patch('/api/calendar/events/:id', {
    config: { access: { kind: 'list' } },
    schema: { tags: ['calendar'], params: z.object({ id }), body: patchBody },
  }, async (req): Promise<CalendarItem> => {
    const { user, school, year, eventId } = await eventScope(req, req.params.id);
    const b = req.body;
    await db.transaction(async (tx) => {
      const [cur] = await rows<{ starts_on: string; ends_on: string; group_id: number | null; version: number }>(tx, sql`
        select starts_on::text, ends_on::text, group_id, version from calendar_events where id = ${eventId} for update`);
      if (cur.version !== b.version) throw staleVersion();
      const next = { startsOn: b.startsOn ?? cur.starts_on, endsOn: b.endsOn ?? cur.ends_on, groupId: b.groupId === undefined ? cur.group_id : b.groupId };
      // A start moved past the old end drags a one-day item's end along.
      if (b.startsOn && !b.endsOn && cur.starts_on === cur.ends_on) next.endsOn = b.startsOn;
      await checkEvent(tx, school.id, year, next);
      const set = [
        sql`starts_on = ${next.startsOn}::date`, sql`ends_on = ${next.endsOn}::date`, sql`group_id = ${next.groupId}`,
        ...(b.kind !== undefined ? [sql`kind = ${b.kind}`] : []),
        ...(b.title !== undefined ? [sql`title = ${b.title}`] : []),
        ...(b.grades !== undefined ? [sql`grades = ${`{${b.grades.join(',')}}`}::smallint[]`] : []),
        ...(b.domain !== undefined ? [sql`domain = ${b.domain}`] : []),
        ...(b.audience !== undefined ? [sql`audience = ${b.audience}`] : []),
        ...(b.note !== undefined ? [sql`note = ${b.note.trim()}`] : []),
      ];
      await tx.execute(sql`update calendar_events set ${sql.join(set, sql`, `)}, edited = true, version = version + 1 where id = ${eventId}`);
      const { version: _v, ...detail } = b;
      await audit(tx, { actorId: user.userId, schoolId: school.id, pupilId: null, action: 'update', entity: 'calendar_event', entityId: eventId, detail, ip: req.ip });
    });
    return eventItem(req, school, year, eventId);
  });

  r.delete('/api/calendar/events/:id', {
    config: { access: { kind: 'list' } },
    schema: { tags: ['calendar'], params: z.object({ id }), querystring: z.object({ version: z.coerce.number().int().positive() }) },
  }, async (req, reply) => {
    const { user, school, eventId } = await eventScope(req, req.params.id);
    await db.transaction(async (tx) => {
      const [gone] = await rows<{ id: number }>(tx, sql`delete from calendar_events where id = ${eventId} and version = ${req.query.version} returning id`);
      if (!gone) throw staleVersion();
      await audit(tx, { actorId: user.userId, schoolId: school.id, pupilId: null, action: 'delete', entity: 'calendar_event', entityId: eventId, ip: req.ip });
    });
    return reply.status(204).send();
  });

  // ---- Settings: template, holidays, rules (the care coordinator) ----

  const presets = (sector: 'po' | 'vo') => Object.fromEntries(CALENDAR_PRESETS.map((p) => [p, templateOf(p, sector)])) as CalendarSettingsView['presets'];

  r.get('/api/calendar/settings', {
    config: { access: { kind: 'list' } },
    schema: { tags: ['calendar'], querystring: z.object({ schoolId: id }) },
  }, async (req): Promise<CalendarSettingsView & { version: string }> => {
    const { user, school } = await scope(req, req.query.schoolId, undefined);
    requireManage(user, school.id);
    return { schoolId: school.id, sector: school.sector, settings: school.settings.calendar, presets: presets(school.sector), version: settingsVersion(school.settings.calendar) };
  });

  r.put('/api/calendar/settings', {
    config: { access: { kind: 'list' } },
    schema: { tags: ['calendar'], querystring: z.object({ schoolId: id }), body: z.object({ version: z.string().max(64), settings: z.unknown() }) },
  }, async (req): Promise<CalendarSettingsView & { version: string }> => {
    const { user, school } = await scope(req, req.query.schoolId, undefined);
    requireManage(user, school.id);
    const parsed = calendarSettingsSchema.safeParse(req.body.settings);
    if (!parsed.success) throw invalid(settingsFieldErrors(parsed.error), 'Controleer de instellingen van de jaarplanning.');
    const settings = parsed.data;
    await db.transaction(async (tx) => {
      const [cur] = await rows<{ sector: 'po' | 'vo'; settings: unknown }>(tx, sql`select sector, settings from schools where id = ${school.id} for update`);
      const current = readSchoolSettings(cur.sector, cur.settings).calendar;
      if (settingsVersion(current) !== req.body.version) throw staleSettings();
      const stored = { ...(typeof cur.settings === 'object' && cur.settings ? cur.settings : {}), calendar: settings };
      await tx.execute(sql`update schools set settings = ${JSON.stringify(stored)}::jsonb where id = ${school.id}`);
      await audit(tx, { actorId: user.userId, schoolId: school.id, pupilId: null, action: 'update', entity: 'school', entityId: school.id, detail: { part: 'calendar', preset: settings.preset, template: settings.template.length, holidays: settings.holidays.length, rules: settings.rules }, ip: req.ip });
    });
    return { schoolId: school.id, sector: school.sector, settings, presets: presets(school.sector), version: settingsVersion(settings) };
  });

  // ---- The private iCalendar feed ----

  const feedView = async (userId: number): Promise<CalendarFeedView> => {
    const [f] = await rows<{ created_at: string; last_used_at: string | null }>(db, sql`select
      to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
      to_char(last_used_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as last_used_at from calendar_feeds where user_id = ${userId}`);
    return f ? { active: true, createdAt: f.created_at, lastUsedAt: f.last_used_at } : { active: false, createdAt: null, lastUsedAt: null };
  };

  r.get('/api/calendar/feed', {
    config: { access: { kind: 'list' } },
    schema: { tags: ['calendar'] },
  }, async (req): Promise<CalendarFeedView> => feedView(requireUser(req).userId));

  r.post('/api/calendar/feed', {
    config: { access: { kind: 'list' } },
    schema: { tags: ['calendar'] },
  }, async (req, reply) => {
    const user = requireUser(req);
    const token = randomBytes(24).toString('base64url');
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into calendar_feeds (user_id, token_hash) values (${user.userId}, ${hashToken(token)})
        on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = now(), last_used_at = null`);
      await audit(tx, { actorId: user.userId, schoolId: null, pupilId: null, action: 'create', entity: 'calendar_feed', entityId: user.userId, ip: req.ip });
    });
    const view: CalendarFeedCreated = { ...(await feedView(user.userId)), url: `${baseUrl(req)}/ical/${token}.ics` };
    return reply.status(201).send(view);
  });

  r.delete('/api/calendar/feed', {
    config: { access: { kind: 'list' } },
    schema: { tags: ['calendar'] },
  }, async (req, reply) => {
    const user = requireUser(req);
    await db.transaction(async (tx) => {
      await tx.execute(sql`delete from calendar_feeds where user_id = ${user.userId}`);
      await audit(tx, { actorId: user.userId, schoolId: null, pupilId: null, action: 'delete', entity: 'calendar_feed', entityId: user.userId, ip: req.ip });
    });
    return reply.status(204).send();
  });

  r.get('/ical/:file', {
    config: { access: { kind: 'public' } },
    schema: { hide: true, params: z.object({ file: z.string().max(200) }) },
  }, async (req, reply) => {
    const m = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(req.params.file);
    const [feed] = m ? await rows<{ user_id: number }>(db, sql`update calendar_feeds f set last_used_at = now() from users u
      where f.token_hash = ${hashToken(m[1])} and u.id = f.user_id and not u.disabled returning f.user_id`) : [];
    if (!feed) return reply.status(404).type('text/plain; charset=utf-8').send('Deze agenda bestaat niet (meer).');
    const actor: Actor = { userId: feed.user_id, grants: await grantsOf(db, feed.user_id) };
    const today = clock.today();
    const base = baseUrl(req);
    const items: FeedItem[] = [];
    const entries: AuditEntry[] = [];
    const schoolIds = [...new Set(actor.grants.map((g) => g.schoolId).filter((s): s is number => s !== null))].sort((a, b) => a - b);
    const names: string[] = [];
    for (const schoolId of schoolIds) {
      const school = await schoolFacts(db, schoolId);
      if (!school) continue;
      const years = (await yearsOf(db, schoolId)).filter((y) => y.endsOn >= today).slice(0, 2); // the current and the next year
      let shown = 0;
      for (const year of years) {
        const viewer = await viewerOf(db, actor, schoolId, year.id);
        if (!viewer) continue;
        const loaded = await loadCalendar(db, { actor, school, year, viewer, today, periods: await periodsOf(db, year.id) });
        for (const item of loaded.items) {
          // No pupil names or care content: meetings by their kind (and group), plan dates without the plan's title.
          const feedTitle = item.source === 'meeting' ? meetingKindLabel(item.kind as 'groupDiscussion', school.settings, school.sector, item.group?.name ?? null)
            : item.source === 'derived' ? (item.kind === 'planEvaluation' ? 'Evaluatie handelingsplan' : 'Jaarlijkse evaluatie OPP met ouders')
            : item.title;
          items.push({
            uid: `${item.id}@koers-${schoolId}`, title: feedTitle, startsOn: item.startsOn, endsOn: item.endsOn, startsAt: item.startsAt,
            durationMinutes: item.durationMinutes, location: item.source === 'meeting' ? item.note : '',
            url: `${base}${item.source === 'meeting' ? item.link : item.source === 'derived' ? '/taken' : `/jaarplanning?school=${schoolId}`}`,
            category: FEED_KIND_LABELS[item.kind] ?? 'Overig',
          });
          shown++;
        }
        entries.push(...derivedAudit(actor, schoolId, loaded.derived, '/ical', req.ip));
      }
      if (years.length > 0) names.push(school.name);
      entries.push({ actorId: actor.userId, schoolId, pupilId: null, action: 'read', entity: 'calendar_feed', entityId: actor.userId, detail: { items: shown }, ip: req.ip });
    }
    await audit(db, entries);
    const text = buildFeed({ name: `Koers – ${names.join(', ') || 'jaarplanning'}`, items, now: new Date() });
    return reply
      .header('cache-control', 'private, max-age=300')
      .header('content-disposition', 'inline; filename="koers.ics"')
      .type('text/calendar; charset=utf-8')
      .send(text);
  });
}
