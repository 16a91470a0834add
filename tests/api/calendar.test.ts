// The care calendar through the API: settings (template, holidays, rules; 422 per field, stale version), the preview
// that stores nothing, generation and its idempotence (edited items are kept), editing with warnings and optimistic
// concurrency, per-role visibility (care coordinator, teacher of another group, parent, another school), the derived
// plan dates (only the viewer's own pupils), and the private iCal feed (create, fetch, parse, no pupil names, revoke).
import ICAL from 'ical.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLIDAYS } from '../../src/domain/calendar/test-fixtures';
import { seedDemoCalendar } from '../../src/server/calendar/demo';
import { loginDemoRoles, testApp, TODAY, type DemoRole, type TestApp } from '../support/app';

let t: TestApp;
let C: Record<DemoRole, string>;
const G = {} as { school: number; vo: number; year: number; g5: number; g3: number };

const one = async <T = number>(q: ReturnType<typeof sql>, key = 'id') => ((await t.q<Record<string, T>>(q))[0])[key];
const calendarUrl = (schoolId = G.school) => `/api/calendar?schoolId=${schoolId}&schoolYearId=${G.year}`;
type Item = { id: string; source: string; eventId: number | null; meetingId: number | null; version: number | null; kind: string; title: string; startsOn: string; endsOn: string; group: { id: number } | null; grades: number[]; audience: string; templateKey: string | null; edited: boolean; pupil: { id: number; name: string } | null; warnings: { code: string; message: string }[] };
const items = async (cookie: string): Promise<Item[]> => {
  const res = await t.request('GET', calendarUrl(), cookie);
  expect(res.status).toBe(200);
  return res.body.items;
};
const counts = async () => ({
  events: await one(sql`select count(*)::int as n from calendar_events where school_id = ${G.school}`, 'n'),
  meetings: await one(sql`select count(*)::int as n from meetings where school_id = ${G.school}`, 'n'),
});

beforeAll(async () => {
  t = await testApp();
  G.school = await one(sql`select id from schools where brin = '99KA'`);
  G.vo = await one(sql`select id from schools where brin = '99KB00'`);
  G.year = await one(sql`select id from school_years where school_id = ${G.school} and name = '2026-2027'`);
  G.g5 = await one(sql`select id from groups where school_year_id = ${G.year} and name = '5'`);
  G.g3 = await one(sql`select id from groups where school_year_id = ${G.year} and name = '3'`);
  // The lead's demo seeder may have generated the year already: the tests start from an empty calendar.
  await t.q(sql`delete from calendar_events where school_id = ${G.school}`);
  await t.q(sql`delete from meetings where school_id = ${G.school} and template_key is not null`);
  // The demo's groepsbesprekingen planned by hand would stand in for generated ones of their period (tested below).
  await t.q(sql`update meetings set status = 'cancelled' where school_id = ${G.school} and template_key is null and kind = 'groupDiscussion'`);
  C = await loginDemoRoles(t, G.g3);
}, 120_000);

afterAll(async () => t?.close());

describe('settings: template, holidays and rules', () => {
  it('the care coordinator reads the default (seed 001 for PO) with every preset; others may not', async () => {
    const res = await t.request('GET', `/api/calendar/settings?schoolId=${G.school}`, C.ib);
    expect(res.status).toBe(200);
    expect(res.body.settings.preset).toBe('seed001');
    expect(res.body.settings.rules).toEqual({ noReadingTestOnMonday: true, noTestOnMondayAfterHoliday: true });
    expect(Object.keys(res.body.presets)).toEqual(['seed000', 'seed001', 'seed002', 'seed003', 'seed004', 'custom']);
    expect(res.body.presets.seed004.map((i: { key: string }) => i.key)).toContain('leerlingenkaart');
    expect((await t.request('GET', `/api/calendar/settings?schoolId=${G.school}`, C.teacher5)).status).toBe(403);
    expect((await t.request('GET', `/api/calendar/settings?schoolId=${G.school}`, C.zorg)).status).toBe(403);
  });

  it('refuses bad settings per field with a Dutch message and changes nothing; a stale version is a 409', async () => {
    const cur = (await t.request('GET', `/api/calendar/settings?schoolId=${G.school}`, C.ib)).body;
    const bad = await t.request('PUT', `/api/calendar/settings?schoolId=${G.school}`, C.ib, {
      version: cur.version,
      settings: { ...cur.settings, holidays: [{ name: 'Kerst', startsOn: '2027-01-03', endsOn: '2026-12-19' }], template: [...cur.settings.template, cur.settings.template[0]] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.fields['holidays.0.endsOn']).toMatch(/eindigt vóór/);
    expect(bad.body.fields.template).toMatch(/eigen sleutel/);
    const again = (await t.request('GET', `/api/calendar/settings?schoolId=${G.school}`, C.ib)).body;
    expect(again.version).toBe(cur.version);

    const ok = await t.request('PUT', `/api/calendar/settings?schoolId=${G.school}`, C.ib, { version: cur.version, settings: { ...cur.settings, holidays: HOLIDAYS } });
    expect(ok.status).toBe(200);
    expect(ok.body.settings.holidays).toHaveLength(HOLIDAYS.length);
    expect(ok.body.version).not.toBe(cur.version);
    const stale = await t.request('PUT', `/api/calendar/settings?schoolId=${G.school}`, C.ib, { version: cur.version, settings: cur.settings });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('stale_version');
    expect((await t.request('GET', `/api/calendar/settings?schoolId=${G.school}`, C.ib)).body.settings.holidays).toHaveLength(HOLIDAYS.length);
  });
});

describe('preview and generation', () => {
  it('the preview shows the drafts with warnings and stores nothing', async () => {
    const before = await counts();
    const res = await t.request('GET', `/api/calendar/preview?schoolId=${G.school}&schoolYearId=${G.year}`, C.ib);
    expect(res.status).toBe(200);
    const gb = res.body.drafts.filter((d: { kind: string }) => d.kind === 'groupDiscussion');
    expect(gb).toHaveLength(3 * 8); // three groepsbesprekingen for each of the eight groups
    expect(res.body.drafts.find((d: { templateKey: string }) => d.templateKey === 'm-toetsen')).toMatchObject({ startsOn: '2027-01-12', meeting: false, warnings: [] });
    expect(await counts()).toEqual(before);
    expect((await t.request('GET', `/api/calendar/preview?schoolId=${G.school}&schoolYearId=${G.year}`, C.teacher5)).status).toBe(403);
  });

  it('generates events and meetings, and reads them back', async () => {
    const res = await t.request('POST', '/api/calendar/generate', C.ib, { schoolId: G.school, schoolYearId: G.year });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ meetings: 3 * 8 + 6, keptEdited: 0, removed: 0 });
    expect(res.body.events).toBeGreaterThan(15);
    const list = await items(C.ib);
    const gb5 = list.filter((i) => i.kind === 'groupDiscussion' && i.group?.id === G.g5 && i.templateKey !== null);
    expect(gb5.map((i) => i.startsOn)).toEqual(['2026-09-16', '2027-02-24', '2027-06-16']);
    expect(gb5.every((i) => i.source === 'meeting' && i.meetingId !== null)).toBe(true);
    const [meeting] = await t.q<{ duration_minutes: number; chair_id: number; agenda: unknown[]; period_id: number | null }>(sql`select duration_minutes, chair_id, agenda, period_id from meetings where id = ${gb5[0].meetingId}`);
    expect(meeting.duration_minutes).toBe(60);
    expect(meeting.chair_id).toBe(await one(sql`select id from users where login = 'ib'`));
    expect(meeting.agenda.length).toBeGreaterThan(3);
    expect(meeting.period_id).not.toBeNull();
    expect(list.find((i) => i.title.startsWith('KO-MT: terugblik'))).toMatchObject({ audience: 'care', startsOn: '2026-09-01' });
    expect(await one(sql`select count(*)::int as n from audit_log where entity = 'calendar' and action = 'generate' and school_id = ${G.school}`, 'n')).toBe(1);
  });

  it('is idempotent: generating again replaces untouched items and keeps edited ones', async () => {
    const before = await counts();
    const list = await items(C.ib);
    const reading = list.find((i) => i.templateKey === 'm-leestoetsen#1')!;
    // Moving the reading test to a Monday: it is kept as edited, and the rule warns.
    const moved = await t.request('PATCH', `/api/calendar/events/${reading.eventId}`, C.ib, { version: reading.version, startsOn: '2027-01-25', endsOn: '2027-01-28' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ startsOn: '2027-01-25', edited: true, version: reading.version! + 1 });
    expect(moved.body.warnings.map((w: { code: string }) => w.code)).toEqual(['readingTestOnMonday']);
    expect(moved.body.warnings[0].message).toContain('25-01-2027');

    const again = await t.request('POST', '/api/calendar/generate', C.ib, { schoolId: G.school, schoolYearId: G.year });
    expect(again.status).toBe(200);
    expect(again.body.keptEdited).toBe(1);
    expect(await counts()).toEqual(before);
    const after = await items(C.ib);
    expect(after.filter((i) => i.templateKey === 'm-leestoetsen#1').map((i) => i.startsOn)).toEqual(['2027-01-25']);
  });
});

describe('a groepsbespreking planned by hand', () => {
  it('stands for the generated one of its group and period nearest in date: generating again does not add a second', async () => {
    const g3Generated = async () => (await items(C.ib)).filter((i) => i.kind === 'groupDiscussion' && i.group?.id === G.g3 && i.templateKey !== null)
      .map((i) => i.startsOn);
    expect(await g3Generated()).toEqual(['2026-09-16', '2027-02-24', '2027-06-16']);
    const planned = await t.request('POST', '/api/meetings', C.ib, { schoolId: G.school, kind: 'groupDiscussion', groupId: G.g3, heldOn: '2027-03-09' });
    expect(planned.status).toBe(201);
    const again = await t.request('POST', '/api/calendar/generate', C.ib, { schoolId: G.school, schoolYearId: G.year });
    expect(again.status).toBe(200);
    // 9 March lies in the second half, whose only groepsbespreking (June) it replaces.
    expect(await g3Generated()).toEqual(['2026-09-16', '2027-02-24']);
    expect((await items(C.ib)).some((i) => i.meetingId === planned.body.id)).toBe(true);
    // 10 February lies in the first half with two: it replaces the nearer one (24 February), not September's.
    const february = await t.request('POST', '/api/meetings', C.ib, { schoolId: G.school, kind: 'groupDiscussion', groupId: G.g3, heldOn: '2027-02-10' });
    expect(february.status).toBe(201);
    expect((await t.request('POST', '/api/calendar/generate', C.ib, { schoolId: G.school, schoolYearId: G.year })).status).toBe(200);
    expect(await g3Generated()).toEqual(['2026-09-16']);
  });
});

describe('editing items', () => {
  it('a stale version is a 409 and bad input a 422, and nothing changes', async () => {
    const item = (await items(C.ib)).find((i) => i.templateKey === 'e-toetsen#1')!;
    const stale = await t.request('PATCH', `/api/calendar/events/${item.eventId}`, C.ib, { version: item.version! - 1 + 5, title: 'Iets anders' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('stale_version');
    expect(stale.body.message).toMatch(/intussen gewijzigd/);
    const backwards = await t.request('PATCH', `/api/calendar/events/${item.eventId}`, C.ib, { version: item.version, startsOn: '2027-06-10', endsOn: '2027-06-01' });
    expect(backwards.status).toBe(422);
    expect(backwards.body.fields.endsOn).toMatch(/vóór de begindatum/);
    const outside = await t.request('PATCH', `/api/calendar/events/${item.eventId}`, C.ib, { version: item.version, startsOn: '2027-09-01', endsOn: '2027-09-02' });
    expect(outside.status).toBe(422);
    expect(outside.body.fields.startsOn).toMatch(/binnen het schooljaar 2026-2027/);
    const noDate = await t.request('PATCH', `/api/calendar/events/${item.eventId}`, C.ib, { version: item.version, startsOn: '2027-02-30' });
    expect(noDate.status).toBe(422);
    const otherGroup = await t.request('PATCH', `/api/calendar/events/${item.eventId}`, C.ib, { version: item.version, groupId: 999999 });
    expect(otherGroup.status).toBe(422);
    const now = (await items(C.ib)).find((i) => i.eventId === item.eventId)!;
    expect(now).toMatchObject({ startsOn: item.startsOn, endsOn: item.endsOn, title: item.title, version: item.version, edited: false });
  });

  it('adds an item for one group and deletes it with its version', async () => {
    const created = await t.request('POST', '/api/calendar/events', C.ib, {
      schoolId: G.school, schoolYearId: G.year, kind: 'other', title: 'Studiemiddag groep 5', startsOn: '2026-12-05', endsOn: '2026-12-05', groupId: G.g5,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'other', group: { id: G.g5 }, edited: true, version: 1 });
    expect(created.body.warnings.map((w: { code: string }) => w.code)).toEqual(['weekend']);
    expect((await t.request('DELETE', `/api/calendar/events/${created.body.eventId}?version=7`, C.ib)).status).toBe(409);
    expect((await t.request('DELETE', `/api/calendar/events/${created.body.eventId}?version=1`, C.ib)).status).toBe(204);
    expect((await items(C.ib)).some((i) => i.eventId === created.body.eventId)).toBe(false);
  });

  it('only the care coordinator edits; another school does not learn the item exists', async () => {
    const item = (await items(C.ib)).find((i) => i.templateKey === 'e-toetsen#1')!;
    expect((await t.request('PATCH', `/api/calendar/events/${item.eventId}`, C.teacher5, { version: item.version, title: 'Andere titel' })).status).toBe(403);
    expect((await t.request('PATCH', `/api/calendar/events/${item.eventId}`, C.zorg, { version: item.version, title: 'Andere titel' })).status).toBe(404);
    expect((await t.request('DELETE', `/api/calendar/events/${item.eventId}?version=${item.version}`, C.director)).status).toBe(403);
    expect((await t.request('POST', '/api/calendar/generate', C.director, { schoolId: G.school, schoolYearId: G.year })).status).toBe(403);
    expect((await t.request('POST', '/api/calendar/events', C.teacher5, { schoolId: G.school, schoolYearId: G.year, kind: 'other', title: 'Mijn item', startsOn: '2026-12-07', endsOn: '2026-12-07' })).status).toBe(403);
  });
});

describe('who sees what', () => {
  it('a teacher sees school-wide items, their own group and the meetings they may view — not other groups or care-only items', async () => {
    const mine = await items(C.teacher5);
    expect(mine.some((i) => i.templateKey === 'm-toetsen#1')).toBe(true);
    expect(mine.filter((i) => i.kind === 'groupDiscussion').every((i) => i.group?.id === G.g5)).toBe(true);
    expect(mine.filter((i) => i.kind === 'groupDiscussion')).toHaveLength(3);
    expect(mine.some((i) => i.audience === 'care')).toBe(false);
    expect(mine.some((i) => i.kind === 'careTeam')).toBe(false); // SOT: not a participant
    const other = await items(C.teacher3);
    expect(other.filter((i) => i.kind === 'groupDiscussion').map((i) => i.group?.id)).toEqual([G.g3, G.g3, G.g3]);
  });

  it('the derived plan dates show only pupils the viewer may edit, with the name in the app', async () => {
    const ib = (await items(C.ib)).filter((i) => i.source === 'derived');
    expect(ib.length).toBeGreaterThan(0);
    expect(ib.every((i) => i.pupil && i.pupil.name.length > 3)).toBe(true);
    const teacher = (await items(C.teacher5)).filter((i) => i.source === 'derived');
    const g5 = new Set((await t.q<{ pupil_id: number }>(sql`select pupil_id from enrolments where group_id = ${G.g5}`)).map((r) => r.pupil_id));
    expect(teacher.every((i) => g5.has(i.pupil!.id))).toBe(true);
    expect((await items(C.director)).some((i) => i.source === 'derived')).toBe(false);
    const audited = await one(sql`select count(*)::int as n from audit_log where entity = 'support_plan' and action = 'list' and detail->>'route' = '/api/calendar'`, 'n');
    expect(audited).toBeGreaterThanOrEqual(ib.length);
  });

  it('a parent sees only what is published to everyone for their child’s grade; no meetings, no plan dates', async () => {
    const parent = await items(C.parent);
    expect(parent.length).toBeGreaterThan(0);
    expect(parent.every((i) => i.audience === 'everyone' && i.source === 'event')).toBe(true);
    expect(parent.some((i) => i.title === 'Voorlopig schooladvies groep 8')).toBe(false);
    expect(parent.some((i) => i.title === 'Rapport 1')).toBe(true);
    const view = (await t.request('GET', calendarUrl(), C.parent)).body;
    expect(view.groups).toEqual([]);
    expect(view.can.manage).toBe(false);
  });

  it('another school’s staff and the board get nothing; an unknown year is a 404', async () => {
    expect((await t.request('GET', calendarUrl(), C.zorg)).status).toBe(403);
    expect((await t.request('GET', calendarUrl(), C.board)).status).toBe(403);
    expect((await t.request('GET', `/api/calendar?schoolId=${G.school}&schoolYearId=999999`, C.ib)).status).toBe(404);
    expect((await t.request('GET', `/api/calendar?schoolId=abc`, C.ib)).status).toBe(422);
    const zorg = await t.request('GET', `/api/calendar?schoolId=${G.vo}`, C.zorg);
    expect(zorg.status).toBe(200);
    expect(zorg.body.sector).toBe('vo');
  });
});

describe('the private iCal feed', () => {
  const fetchFeed = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
    return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body };
  };

  it('creates a link, serves the user’s part as text/calendar without pupil names, and revokes it', async () => {
    expect((await t.request('GET', '/api/calendar/feed', C.teacher5)).body).toEqual({ active: false, createdAt: null, lastUsedAt: null });
    const created = await t.request('POST', '/api/calendar/feed', C.teacher5, {});
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/\/ical\/[A-Za-z0-9_-]{32}\.ics$/);
    const stored = await one<string>(sql`select token_hash from calendar_feeds f join users u on u.id = f.user_id where u.login = 'leerkracht'`, 'token_hash');
    expect(created.body.url).not.toContain(stored);

    const userId = await one(sql`select id from users where login = 'leerkracht'`);
    const before = await one(sql`select coalesce(max(id), 0)::int as n from audit_log`, 'n');
    const feed = await fetchFeed(created.body.url);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(feed.body));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const summaries = events.map((e) => e.summary);
    expect(summaries).toEqual(expect.arrayContaining(['M-toetsen (Cito LOVS)', 'Groepsbespreking groep 5']));
    expect(summaries).toContain('Evaluatie handelingsplan');
    expect(summaries.some((s) => /groep 3$/.test(s))).toBe(false);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const test = events.find((e) => e.summary === 'M-toetsen (Cito LOVS)')!;
    expect(test.startDate.isDate).toBe(true);
    expect(test.startDate.toString()).toBe('2027-01-12');
    expect(test.endDate.toString()).toBe('2027-01-16');
    // The fetch is audited: a read of the feed per school (with the number of items) and a list entry per plan date shown.
    const reads = await t.q<{ school_id: number; items: number }>(sql`select school_id, (detail->>'items')::int as items from audit_log
      where id > ${before} and actor_id = ${userId} and entity = 'calendar_feed' and action = 'read' and entity_id = ${String(userId)}`);
    expect(reads.map((r) => r.school_id)).toContain(G.school);
    expect(reads.reduce((n, r) => n + r.items, 0)).toBe(events.length);
    const planDates = summaries.filter((s) => s === 'Evaluatie handelingsplan' || s === 'Jaarlijkse evaluatie OPP met ouders').length;
    const listed = await t.q<{ pupil_id: number | null }>(sql`select pupil_id from audit_log
      where id > ${before} and actor_id = ${userId} and entity = 'support_plan' and action = 'list' and detail->>'route' = '/ical'`);
    expect(listed.length).toBe(planDates);
    expect(listed.every((r) => r.pupil_id !== null)).toBe(true);
    // No pupil's name anywhere in the feed (the teacher's own pupils included).
    const names = await t.q<{ first_name: string; last_name: string }>(sql`select p.first_name, p.last_name from pupils p join enrolments e on e.pupil_id = p.id where e.group_id = ${G.g5}`);
    for (const n of names) expect(feed.body).not.toContain(`${n.first_name} ${n.last_name}`);
    expect((await t.request('GET', '/api/calendar/feed', C.teacher5)).body).toMatchObject({ active: true, lastUsedAt: expect.any(String) });

    // A new link revokes the old one; revoking ends the new one too.
    const renewed = await t.request('POST', '/api/calendar/feed', C.teacher5, {});
    expect((await fetchFeed(created.body.url)).status).toBe(404);
    expect((await fetchFeed(renewed.body.url)).status).toBe(200);
    expect((await t.request('DELETE', '/api/calendar/feed', C.teacher5)).status).toBe(204);
    expect((await fetchFeed(renewed.body.url)).status).toBe(404);
    expect((await t.request('GET', '/api/calendar/feed', C.teacher5)).body.active).toBe(false);
  });

  it('a parent’s feed holds only their published part; a made-up token is a 404', async () => {
    const created = await t.request('POST', '/api/calendar/feed', C.parent, {});
    const feed = await fetchFeed(created.body.url);
    expect(feed.status).toBe(200);
    const summaries = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('summary')));
    expect(summaries).toContain('Rapport 1');
    expect(summaries.some((s) => s.startsWith('Groepsbespreking') || s.startsWith('KO-MT'))).toBe(false);
    expect((await fetchFeed('http://x/ical/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).status).toBe(404);
    expect((await fetchFeed('http://x/ical/kort.ics')).status).toBe(404);
  });
});

describe('the demo seeder', () => {
  it('gives the VO demo school holidays and a generated year: a groepsbespreking per class each cycle chaired by the mentor, weekly IZO', async () => {
    await t.q(sql`delete from calendar_events where school_id = ${G.vo}`);
    await t.q(sql`delete from meetings where school_id = ${G.vo} and template_key is not null`);
    const created = await seedDemoCalendar(t.database.db, G.vo, TODAY);
    expect(created).toBeGreaterThan(40);
    expect(await seedDemoCalendar(t.database.db, G.vo, TODAY)).toBe(0); // once
    const view = await t.request('GET', `/api/calendar?schoolId=${G.vo}`, C.zorg);
    expect(view.status).toBe(200);
    expect(view.body.holidays.length).toBeGreaterThanOrEqual(6);
    const items: Item[] = view.body.items;
    expect(items.filter((i) => i.warnings.some((w) => w.code === 'inHoliday'))).toEqual([]);
    expect(items.filter((i) => i.title.startsWith('IZO')).length).toBeGreaterThan(30);
    const [gb] = await t.q<{ chair_kind: string | null; starts_at: string }>(sql`select (select gs.kind from group_staff gs where gs.group_id = m.group_id and gs.user_id = m.chair_id limit 1) as chair_kind, m.starts_at
      from meetings m where m.school_id = ${G.vo} and m.kind = 'groupDiscussion' and m.template_key is not null order by m.held_on limit 1`);
    expect(gb).toEqual({ chair_kind: 'mentor', starts_at: '15:45' });
    const mentor = await t.login('mentor');
    const mine = (await t.request('GET', `/api/calendar?schoolId=${G.vo}`, mentor)).body.items as Item[];
    expect(new Set(mine.filter((i) => i.kind === 'groupDiscussion').map((i) => i.title))).toEqual(new Set(['Groepsbespreking klas 2H']));
  });
});
