// The HGW group cycle through the API: who may read and write group documents (roles × documents, other schools),
// the prefilled overview, lines with hulpzinnen, clustering, required fields, the plan with SMART findings, adjustments
// that keep the earlier version, notes, evaluation with evidence from new results, roll forward, checklists and PDFs.
// Every refusal changes nothing; every read and write leaves audit entries per pupil line.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollOverviewLine } from '../../src/domain/group-cycle/rollforward';
import { loginDemoRoles, testApp, type TestApp } from '../support/app';
import { pdfPageSizes, pdfText } from '../support/pdf-text';

let t: TestApp;
const C = {} as Record<'teacher5' | 'teacher3' | 'ib' | 'director' | 'parent' | 'admin' | 'zorg' | 'board', string>;
const G = {} as { g5: number; g3: number; period1: number; period2: number; lastYearPeriod: number; school: number };
let pupils5: number[] = [];
let overviewId = 0;
let planId = 0;

const one = async <T = number>(q: ReturnType<typeof sql>, key = 'id') => ((await t.q<Record<string, T>>(q))[0])[key];
const auditCount = (entity: string, id: number) => one(sql`select count(*)::int as n from audit_log where entity = ${entity} and entity_id = ${String(id)}`, 'n');

async function raw(url: string, cookie: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  return { status: res.statusCode, type: String(res.headers['content-type']), disposition: String(res.headers['content-disposition'] ?? ''), body: res.rawPayload };
}

beforeAll(async () => {
  t = await testApp();
  G.school = await one(sql`select id from schools where brin = '99KA'`);
  const year = await one(sql`select id from school_years where school_id = ${G.school} and name = '2026-2027'`);
  const lastYear = await one(sql`select id from school_years where school_id = ${G.school} and name = '2025-2026'`);
  G.g5 = await one(sql`select id from groups where school_year_id = ${year} and name = '5'`);
  G.g3 = await one(sql`select id from groups where school_year_id = ${year} and name = '3'`);
  G.period1 = await one(sql`select id from care_periods where school_year_id = ${year} and seq = 1`);
  G.period2 = await one(sql`select id from care_periods where school_year_id = ${year} and seq = 2`);
  G.lastYearPeriod = await one(sql`select id from care_periods where school_year_id = ${lastYear} and seq = 2`);
  pupils5 = (await t.q<{ id: number }>(sql`select pupil_id as id from enrolments where group_id = ${G.g5}`)).map((r) => r.id);
  Object.assign(C, await loginDemoRoles(t, G.g3));
}, 120_000);

afterAll(async () => t?.close());

describe('the overview: created prefilled, one per group, period and form', () => {
  it('lists the periods of the group’s year and the school’s settings', async () => {
    const res = await t.request('GET', `/api/groups/${G.g5}/group-cycle`, C.teacher5);
    expect(res.status).toBe(200);
    expect(res.body.periods.map((p: { name: string; current: boolean }) => [p.name, p.current])).toEqual([['1e helft', true], ['2e helft', false]]);
    expect(res.body.settings.clusters.map((c: { label: string }) => c.label)).toEqual(['Intensief', 'Basis', 'Verrijkt']);
    expect(res.body).toMatchObject({ planFormat: 'convergent', canEdit: true, overviews: [] });
  });

  it('refuses a form the school does not use, a period of another year, and changes nothing', async () => {
    const subject = await t.request('POST', `/api/groups/${G.g5}/overviews`, C.teacher5, { periodId: G.period1, form: 'subject', subject: 'spelling' });
    expect(subject.status).toBe(422);
    expect(subject.body.fields.form).toMatch(/gebruikt dit soort groepsoverzicht niet/);
    const other = await t.request('POST', `/api/groups/${G.g5}/overviews`, C.teacher5, { periodId: G.lastYearPeriod, form: 'crossSubject' });
    expect(other.status).toBe(422);
    expect(other.body.fields.periodId).toMatch(/periode van het schooljaar/);
    expect(await one(sql`select count(*)::int as n from group_overviews where group_id = ${G.g5}`, 'n')).toBe(0);
  });

  it('creates the overview with a line per pupil, results and signals, signalled pupils and suggested clusters', async () => {
    const res = await t.request('POST', `/api/groups/${G.g5}/overviews`, C.teacher5, { periodId: G.period1, form: 'crossSubject' });
    expect(res.status).toBe(201);
    overviewId = res.body.id;
    const again = await t.request('POST', `/api/groups/${G.g5}/overviews`, C.teacher5, { periodId: G.period1, form: 'crossSubject' });
    expect(again.status).toBe(409);
    const view = await t.request('GET', `/api/group-overviews/${overviewId}`, C.teacher5);
    expect(view.status).toBe(200);
    expect(view.body.lines.map((l: { pupilId: number }) => l.pupilId).sort()).toEqual([...pupils5].sort());
    expect(view.body.instruments.map((i: { domain: string }) => i.domain)).toEqual(expect.arrayContaining(['spelling', 'rekenen-wiskunde']));
    const withConcern = view.body.lines.filter((l: { signals: { tone: string }[] }) => l.signals.some((s) => s.tone === 'concern'));
    expect(withConcern.length).toBeGreaterThan(0);
    // The demo has last year's second period walked for most of these pupils: their lines start from it.
    const carried = view.body.lines.filter((l: { previous: unknown }) => l.previous);
    expect(carried.length).toBeGreaterThan(pupils5.length / 2);
    for (const l of view.body.lines) {
      if (l.previous) {
        expect(l.previous.periodName).toBe('2e helft');
        expect(l.fields).toEqual(rollOverviewLine(l.previous.fields));
        expect(l.cluster).toBe(l.previous.cluster);
      } else {
        // Without an earlier line: signalled exactly when the rules signal a concern, in the suggested instruction group.
        expect(l.fields.signalled).toBe(l.signals.some((s: { tone: string }) => s.tone === 'concern'));
        expect(l.cluster).toBe(l.suggestedCluster);
      }
      for (const cell of l.results) expect(cell.takenOn <= view.body.period.endsOn).toBe(true);
    }
    // The overview reads only the latest results the rules look at; its signals are those of the full history.
    const full = await t.request('GET', `/api/groups/${G.g5}/signals`, C.teacher5);
    const shown = new Set(view.body.instruments.map((i: { domain: string }) => i.domain).concat(['seo', 'technisch-lezen', 'begrijpend-lezen', 'spelling', 'rekenen-wiskunde']));
    for (const item of full.body.items) {
      const line = view.body.lines.find((l: { pupilId: number }) => l.pupilId === item.pupilId);
      const wanted = item.signals.filter((sig: { domain: string }) => shown.has(sig.domain)).map(({ message: _m, ruleId: _r, ...sig }: { message: string; ruleId: number }) => sig);
      expect(line.signals, `${item.firstName}`).toEqual(wanted);
    }
    const withNeeds = carried.find((l: { fields: { needs: unknown[] } }) => l.fields.needs.length > 0);
    expect(withNeeds.fields.signalled).toBe(true);
    // Results: at most three moments per instrument, newest first.
    const first = view.body.lines.find((l: { results: unknown[] }) => l.results.length > 0);
    const perInstrument = new Map<number, string[]>();
    for (const c of first.results) perInstrument.set(c.instrumentId, [...(perInstrument.get(c.instrumentId) ?? []), c.takenOn]);
    for (const dates of perInstrument.values()) {
      expect(dates.length).toBeLessThanOrEqual(3);
      expect([...dates].sort().reverse()).toEqual(dates);
    }
    expect(await auditCount('group_overview', overviewId)).toBe(pupils5.length * 2); // created, then read
  });
});

describe('who may read and write group documents', () => {
  const READ = ['teacher5', 'ib', 'director'] as const;
  const DENIED = ['teacher3', 'parent', 'admin', 'zorg', 'board'] as const;

  it.each(READ)('%s reads the overview', async (who) => {
    expect((await t.request('GET', `/api/group-overviews/${overviewId}`, C[who])).status).toBe(200);
    expect((await t.request('GET', `/api/groups/${G.g5}/group-cycle`, C[who])).status).toBe(200);
  });

  it.each(DENIED)('%s reads nothing: not the overview, its PDF or its checklists, and is audited as nobody reading', async (who) => {
    const before = await auditCount('group_overview', overviewId);
    expect((await t.request('GET', `/api/group-overviews/${overviewId}`, C[who])).status).toBe(403);
    expect((await raw(`/api/group-overviews/${overviewId}/pdf`, C[who])).status).toBe(403);
    expect((await t.request('GET', `/api/group-overviews/${overviewId}/checklists/kijkwijzer`, C[who])).status).toBe(403);
    expect((await t.request('GET', `/api/groups/${G.g5}/group-cycle`, C[who])).status).toBe(403);
    expect(await auditCount('group_overview', overviewId)).toBe(before);
  });

  it('the director reads but does not write; the flag canEdit says so', async () => {
    const view = await t.request('GET', `/api/group-overviews/${overviewId}`, C.director);
    expect(view.body.canEdit).toBe(false);
    const line = view.body.lines[0];
    const res = await t.request('PUT', `/api/group-overviews/${overviewId}/lines/${line.pupilId}`, C.director, { version: line.version, fields: line.fields });
    expect(res.status).toBe(403);
    expect((await t.request('POST', `/api/groups/${G.g5}/overviews`, C.director, { periodId: G.period2, form: 'crossSubject' })).status).toBe(403);
  });

  it('an unknown document is a 404, a malformed id too', async () => {
    expect((await t.request('GET', '/api/group-overviews/999999', C.ib)).status).toBe(404);
    expect((await t.request('GET', '/api/group-plans/abc', C.ib)).status).toBe(404);
  });
});

describe('writing the overview', () => {
  it('saves a pupil line with needs built from hulpzinnen; a stale version is a 409 and changes nothing', async () => {
    const view = await t.request('GET', `/api/group-overviews/${overviewId}`, C.teacher5);
    const line = view.body.lines[0];
    const fields = {
      ...line.fields, signalled: true, signalReasons: ['learningDelay'], stimulating: 'Werkt graag samen', hindering: 'Raakt snel afgeleid',
      observations: 'Begint niet zelfstandig', pupilVoice: 'Ik vind rekenen moeilijk', parentVoice: 'Thuis oefenen we tafels',
      needs: [{ key: 'n1', domain: 'rekenen-wiskunde', goal: 'Tafels 1 t/m 10 automatiseren', needs: 'een instructie nodig die kort en duidelijk is', phrases: ['instructie-1'] }],
    };
    const res = await t.request('PUT', `/api/group-overviews/${overviewId}/lines/${line.pupilId}`, C.teacher5, { version: line.version, fields });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(line.version + 1);
    const stale = await t.request('PUT', `/api/group-overviews/${overviewId}/lines/${line.pupilId}`, C.ib, { version: line.version, fields: { ...fields, hindering: 'x' } });
    expect(stale.status).toBe(409);
    const after = await t.request('GET', `/api/group-overviews/${overviewId}`, C.ib);
    expect(after.body.lines[0].fields).toEqual(fields);
  });

  it('refuses an unknown hulpzin, a pupil outside the overview and a text that is too long', async () => {
    const view = await t.request('GET', `/api/group-overviews/${overviewId}`, C.teacher5);
    const line = view.body.lines[1];
    const bad = { ...line.fields, needs: [{ key: 'n1', domain: 'spelling', goal: 'x', needs: 'y', phrases: ['bestaat-niet'] }] };
    const res = await t.request('PUT', `/api/group-overviews/${overviewId}/lines/${line.pupilId}`, C.teacher5, { version: line.version, fields: bad });
    expect(res.status).toBe(422);
    expect(res.body.fields['fields.needs']).toMatch(/Onbekende hulpzin/);
    const outsider = await one(sql`select pupil_id as id from enrolments where group_id = ${G.g3} limit 1`);
    expect((await t.request('PUT', `/api/group-overviews/${overviewId}/lines/${outsider}`, C.teacher5, { version: 1, fields: line.fields })).status).toBe(404);
    const long = await t.request('PUT', `/api/group-overviews/${overviewId}/lines/${line.pupilId}`, C.teacher5, { version: line.version, fields: { ...line.fields, hindering: 'x'.repeat(4001) } });
    expect(long.status).toBe(422);
    const again = await t.request('GET', `/api/group-overviews/${overviewId}`, C.teacher5);
    expect(again.body.lines[1]).toMatchObject({ version: line.version, fields: line.fields });
  });

  it('clusters pupils; an unknown instruction group or a stranger is refused whole', async () => {
    const view = await t.request('GET', `/api/group-overviews/${overviewId}`, C.teacher5);
    const [a, b] = view.body.lines;
    const bad = await t.request('PUT', `/api/group-overviews/${overviewId}/clusters`, C.teacher5, {
      version: view.body.version, attentionPoints: 'x', assignments: [{ pupilId: a.pupilId, cluster: 'intensief' }, { pupilId: b.pupilId, cluster: 'zon' }],
    });
    expect(bad.status).toBe(422);
    const ok = await t.request('PUT', `/api/group-overviews/${overviewId}/clusters`, C.teacher5, {
      version: view.body.version, attentionPoints: 'Rust bij de start van de dag', assignments: [{ pupilId: a.pupilId, cluster: 'intensief' }, { pupilId: b.pupilId, cluster: null }],
    });
    expect(ok.status).toBe(200);
    const stale = await t.request('PUT', `/api/group-overviews/${overviewId}/clusters`, C.teacher5, { version: view.body.version, attentionPoints: '', assignments: [] });
    expect(stale.status).toBe(409);
    const after = await t.request('GET', `/api/group-overviews/${overviewId}`, C.teacher5);
    expect(after.body.attentionPoints).toBe('Rust bij de start van de dag');
    expect(after.body.lines[0].cluster).toBe('intensief');
    expect(after.body.lines[1].cluster).toBeNull();
  });

  it('setting the overview refuses while a signalled pupil has no need, listing who', async () => {
    const view = await t.request('GET', `/api/group-overviews/${overviewId}`, C.teacher5);
    const res = await t.request('PUT', `/api/group-overviews/${overviewId}/status`, C.teacher5, { version: view.body.version, status: 'final' });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('requirements');
    expect(res.body.problems.length).toBe(view.body.requirementProblems.length);
    expect(res.body.problems[0]).toMatchObject({ field: 'overview.needsForSignalled' });
    expect((await t.request('GET', `/api/group-overviews/${overviewId}`, C.teacher5)).body.status).toBe('draft');
  });

  it('checklists: the kijkwijzer is answered with + and −, a plan checklist does not fit an overview', async () => {
    const empty = await t.request('GET', `/api/group-overviews/${overviewId}/checklists/kijkwijzer`, C.ib);
    expect(empty.body).toMatchObject({ version: 0, updatedBy: null });
    const answers = { items: { '1a': { rating: '+', comment: 'Compleet' }, '2b': { rating: '-', comment: 'Verrijkers ontbreken' } }, agreements: 'Volgende keer ZIEN erbij' };
    const saved = await t.request('PUT', `/api/group-overviews/${overviewId}/checklists/kijkwijzer`, C.ib, { version: 0, answers });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, answers, updatedBy: expect.any(String) });
    expect((await t.request('PUT', `/api/group-overviews/${overviewId}/checklists/kijkwijzer`, C.ib, { version: 0, answers })).status).toBe(409);
    const unknown = await t.request('PUT', `/api/group-overviews/${overviewId}/checklists/kijkwijzer`, C.ib, { version: 1, answers: { items: { zz: { rating: '+', comment: '' } }, agreements: '' } });
    expect(unknown.status).toBe(422);
    expect((await t.request('GET', `/api/group-overviews/${overviewId}/checklists/planwijzer`, C.ib)).status).toBe(422);
    expect((await t.request('PUT', `/api/group-overviews/${overviewId}/checklists/kijkwijzer`, C.director, { version: 1, answers })).status).toBe(403);
  });
});

describe('the plan: written, set, adjusted, noted, evaluated, rolled forward', () => {
  let instrumentId = 0;
  let clusterRowKey = '';
  let goalKey = '';
  let member = 0;

  it('is created from the overview: a base row and a row per instruction group in use, goals from the needs', async () => {
    const res = await t.request('POST', `/api/group-overviews/${overviewId}/plan`, C.teacher5, {});
    expect(res.status).toBe(201);
    planId = res.body.id;
    expect((await t.request('POST', `/api/group-overviews/${overviewId}/plan`, C.teacher5, {})).status).toBe(409);
    const plan = await t.request('GET', `/api/group-plans/${planId}`, C.teacher5);
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ status: 'draft', format: 'convergent', revision: 1 });
    expect(plan.body.doc.rows[0].kind).toBe('base');
    const intensief = plan.body.doc.rows.find((r: { clusterKey: string }) => r.clusterKey === 'intensief');
    expect(intensief.goals.map((g: { what: string }) => g.what)).toContain('Tafels 1 t/m 10 automatiseren');
    expect(plan.body.members.intensief.length).toBeGreaterThan(0);
    clusterRowKey = intensief.key;
    goalKey = intensief.goals.find((g: { what: string }) => g.what === 'Tafels 1 t/m 10 automatiseren').key;
    member = plan.body.members.intensief[0].pupilId;
    instrumentId = plan.body.instruments.find((i: { domain: string; levelScale: string | null }) => i.domain === 'rekenen-wiskunde' && i.levelScale === 'IV').id;
    // The goal has no measure yet: the SMART check says so, without blocking anything.
    expect(plan.body.smart[goalKey].map((f: { letter: string }) => f.letter)).toContain('M');
  });

  it('saves the plan; SMART findings come back; setting it needs the required fields', async () => {
    const plan = (await t.request('GET', `/api/group-plans/${planId}`, C.teacher5)).body;
    const doc = structuredClone(plan.doc);
    const row = doc.rows.find((r: { key: string }) => r.key === clusterRowKey);
    row.goals.push({ key: 'vaag1', domain: 'spelling', what: 'beter worden in spelling', measure: '', target: '', instrumentId: null, targetLevel: null, targetScore: null, dueOn: null, ownerId: null, result: null, resultNote: '', attainment: {}, carriedFrom: null });
    const saved = await t.request('PUT', `/api/group-plans/${planId}`, C.teacher5, { version: plan.version, doc });
    expect(saved.status).toBe(200);
    expect(saved.body.smart.vaag1.map((f: { letter: string }) => f.letter)).toEqual(expect.arrayContaining(['S', 'M', 'T']));
    const refused = await t.request('PUT', `/api/group-plans/${planId}/status`, C.teacher5, { version: saved.body.version, status: 'active' });
    expect(refused.status).toBe(422);
    expect(refused.body.problems.some((p: { goalKey?: string; field: string }) => p.goalKey === 'vaag1' && p.field === 'plan.goalMeasure')).toBe(true);
    // Make every goal measurable and dated, with the rekenen goal checkable against the Cito level.
    for (const r of doc.rows) {
      for (const g of r.goals) Object.assign(g, { measure: g.measure || 'Methodetoets en observatie', dueOn: g.dueOn ?? plan.period.endsOn });
    }
    Object.assign(row.goals.find((g: { key: string }) => g.key === goalKey), { measure: 'Cito Rekenen-Wiskunde M', instrumentId, targetLevel: 'III', target: 'niveau III of hoger' });
    row.goals = row.goals.filter((g: { key: string }) => g.key !== 'vaag1');
    doc.rows[0].goals.push({ key: 'lezen1', domain: 'technisch-lezen', what: 'Alle leerlingen lezen dagelijks een kwartier in een boek van hun niveau', measure: 'Leeslogboek', target: '15 minuten per dag', instrumentId: null, targetLevel: null, targetScore: null, dueOn: plan.period.endsOn, ownerId: null, result: null, resultNote: '', attainment: {}, carriedFrom: null });
    const fixed = await t.request('PUT', `/api/group-plans/${planId}`, C.teacher5, { version: saved.body.version, doc });
    expect(fixed.status).toBe(200);
    expect(fixed.body.smart[goalKey]).toEqual([]);
    const set = await t.request('PUT', `/api/group-plans/${planId}/status`, C.teacher5, { version: fixed.body.version, status: 'active' });
    expect(set.status).toBe(200);
    expect(set.body.status).toBe('active');
  });

  it('refuses references that do not exist: an unknown instruction group, a pupil from another group, another school’s test', async () => {
    const plan = (await t.request('GET', `/api/group-plans/${planId}`, C.teacher5)).body;
    const outsider = await one(sql`select pupil_id as id from enrolments where group_id = ${G.g3} limit 1`);
    const voInstrument = await one(sql`select i.id from instruments i join schools s on s.id = i.school_id where s.brin = '99KB00' limit 1`);
    const cases = [
      (d: any) => { d.rows[1].clusterKey = 'zon'; },
      (d: any) => { d.rows.push({ ...d.rows[0], key: 'p1', kind: 'pupil', pupilId: outsider, goals: [] }); },
      (d: any) => { d.rows[1].goals[0].instrumentId = voInstrument; },
    ];
    for (const mutate of cases) {
      const doc = structuredClone(plan.doc);
      mutate(doc);
      const res = await t.request('PUT', `/api/group-plans/${planId}`, C.teacher5, { version: plan.version, doc, reason: 'test' });
      expect(res.status).toBe(422);
    }
    expect((await t.request('GET', `/api/group-plans/${planId}`, C.teacher5)).body.version).toBe(plan.version);
  });

  it('an adjustment during the period needs a reason and keeps the earlier version', async () => {
    const plan = (await t.request('GET', `/api/group-plans/${planId}`, C.teacher5)).body;
    const doc = structuredClone(plan.doc);
    doc.rows[1].organisation = { minutesPerWeek: 90, who: 'Leerkracht', where: 'Instructietafel', moments: 'ma, wo, vr 9.00–9.30' };
    const noReason = await t.request('PUT', `/api/group-plans/${planId}`, C.teacher5, { version: plan.version, doc });
    expect(noReason.status).toBe(422);
    expect(noReason.body.fields.reason).toMatch(/tussentijds bijstelt/);
    const adjusted = await t.request('PUT', `/api/group-plans/${planId}`, C.teacher5, { version: plan.version, doc, reason: 'Meer instructietijd na de methodetoets' });
    expect(adjusted.status).toBe(200);
    expect(adjusted.body.revision).toBe(2);
    const after = (await t.request('GET', `/api/group-plans/${planId}`, C.director)).body;
    expect(after.revisions).toEqual([expect.objectContaining({ revision: 1, reason: 'Meer instructietijd na de methodetoets' })]);
    const earlier = await t.request('GET', `/api/group-plans/${planId}/revisions/1`, C.director);
    expect(earlier.status).toBe(200);
    expect(earlier.body.doc).toEqual(plan.doc);
    expect((await t.request('GET', `/api/group-plans/${planId}/revisions/7`, C.director)).status).toBe(404);
  });

  it('execution notes: dated, about a row or a pupil, not in the future', async () => {
    const future = await t.request('POST', `/api/group-plans/${planId}/notes`, C.teacher5, { notedOn: '2026-12-01', text: 'x' });
    expect(future.status).toBe(422);
    const stranger = await t.request('POST', `/api/group-plans/${planId}/notes`, C.teacher5, { notedOn: '2026-11-20', text: 'x', rowKey: 'nope' });
    expect(stranger.status).toBe(422);
    const note = await t.request('POST', `/api/group-plans/${planId}/notes`, C.teacher5, { notedOn: '2026-11-20', text: 'Tafelspel met de intensieve groep: goed gegaan', rowKey: clusterRowKey });
    expect(note.status).toBe(201);
    const pupilNote = await t.request('POST', `/api/group-plans/${planId}/notes`, C.ib, { notedOn: '2026-11-23', text: 'Extra oefenen thuis afgesproken', pupilId: member });
    expect(pupilNote.status).toBe(201);
    const plan = (await t.request('GET', `/api/group-plans/${planId}`, C.teacher5)).body;
    expect(plan.notes.map((n: { text: string }) => n.text)).toEqual(['Extra oefenen thuis afgesproken', 'Tafelspel met de intensieve groep: goed gegaan']);
    expect(await one(sql`select count(*)::int as n from audit_log where entity = 'group_plan' and detail->>'part' = 'note' and pupil_id = ${member}`, 'n')).toBe(2);
  });

  it('evaluation: new results appear next to the goal; every goal needs a result before the evaluation is finished', async () => {
    const takenOn = '2026-11-23';
    await t.q(sql`insert into results (pupil_id, instrument_id, school_year_id, moment, taken_on, level, ability_score)
      select ${member}, ${instrumentId}, g.school_year_id, 'M5', ${takenOn}, 'II', 190 from groups g where g.id = ${G.g5}
      on conflict (pupil_id, instrument_id, school_year_id, moment) do update set taken_on = excluded.taken_on, level = 'II', ability_score = 190`);
    const plan = (await t.request('GET', `/api/group-plans/${planId}`, C.teacher5)).body;
    expect(plan.evidence[goalKey]).toEqual([expect.objectContaining({ pupilId: member, moment: 'M5', level: 'II', met: true })]);
    const early = await t.request('PUT', `/api/group-plans/${planId}/status`, C.teacher5, { version: plan.version, status: 'evaluated' });
    expect(early.status).toBe(422);
    const goals = plan.doc.rows.flatMap((r: { key: string; goals: { key: string }[] }) => r.goals.map((g) => ({
      rowKey: r.key, goalKey: g.key, result: g.key === goalKey ? 'achieved' : 'partly', resultNote: 'Zie toetsresultaten',
      attainment: g.key === goalKey ? { [member]: 'achieved' } : {},
    })));
    const reflection = { instruction: 'Verlengde instructie werkte', content: 'Tafels passend', time: 'Te weinig tijd op vrijdag', teacherSupport: 'Coaching bij differentiëren' };
    const evaluated = await t.request('PUT', `/api/group-plans/${planId}/evaluation`, C.teacher5, { version: plan.version, goals, reflection });
    expect(evaluated.status).toBe(200);
    const done = await t.request('PUT', `/api/group-plans/${planId}/status`, C.teacher5, { version: evaluated.body.version, status: 'evaluated' });
    expect(done.status).toBe(200);
    const locked = await t.request('PUT', `/api/group-plans/${planId}`, C.teacher5, { version: done.body.version, doc: plan.doc, reason: 'nog iets' });
    expect(locked.status).toBe(409);
    expect(locked.body.error).toBe('locked');
    const after = (await t.request('GET', `/api/group-plans/${planId}`, C.director)).body;
    expect(after).toMatchObject({ status: 'evaluated', evaluatedOn: '2026-11-24', reflection });
  });

  it('rolls forward: the next period starts from the evaluation, achieved goals done, the rest carried and editable', async () => {
    const before = (await t.request('GET', `/api/group-plans/${planId}`, C.teacher5)).body;
    expect(before.next).toMatchObject({ periodId: G.period2, overviewId: null });
    const res = await t.request('POST', `/api/group-plans/${planId}/roll-forward`, C.teacher5, {});
    expect(res.status).toBe(201);
    expect((await t.request('POST', `/api/group-plans/${planId}/roll-forward`, C.teacher5, {})).status).toBe(409);
    const next = (await t.request('GET', `/api/group-plans/${res.body.planId}`, C.teacher5)).body;
    expect(next).toMatchObject({ status: 'draft', period: { id: G.period2 }, overviewId: res.body.overviewId });
    const carried = next.doc.rows.flatMap((r: { goals: { what: string; carriedFrom: string | null; result: unknown; dueOn: string }[] }) => r.goals);
    expect(carried.some((g: { carriedFrom: string | null }) => g.carriedFrom === goalKey)).toBe(false); // achieved: done
    const open = before.doc.rows.flatMap((r: { goals: { what: string; result: string }[] }) => r.goals).filter((g: { result: string }) => g.result !== 'achieved');
    expect(carried.map((g: { what: string }) => g.what)).toEqual(open.map((g: { what: string }) => g.what));
    expect(carried.map((g: { what: string }) => g.what)).toContain('Alle leerlingen lezen dagelijks een kwartier in een boek van hun niveau');
    for (const g of carried) {
      expect(g.result).toBeNull();
      expect(g.carriedFrom).not.toBeNull();
      expect(g.dueOn).toBe(next.period.endsOn);
    }
    const overview = (await t.request('GET', `/api/group-overviews/${res.body.overviewId}`, C.teacher5)).body;
    const first = overview.lines.find((l: { pupilId: number }) => l.pupilId === member);
    expect(first.previous).toMatchObject({ periodName: '1e helft' });
    expect(first.fields.needs).toEqual(first.previous.fields.needs);
    expect(first.fields.pupilVoice).toBe('');
    expect(first.cluster).toBe('intensief');
  });

  it('the last period of the year has no next one', async () => {
    const next = (await t.request('GET', `/api/groups/${G.g5}/group-cycle`, C.teacher5)).body.overviews.find((o: { periodId: number }) => o.periodId === G.period2);
    const planNext = next.plan.id;
    await t.q(sql`update group_plans set status = 'evaluated' where id = ${planNext}`);
    const res = await t.request('POST', `/api/group-plans/${planNext}/roll-forward`, C.teacher5, {});
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('no_next_period');
  });

  it('the planwijzer belongs to the plan', async () => {
    const res = await t.request('PUT', `/api/group-plans/${planId}/checklists/planwijzer`, C.ib, { version: 0, answers: { items: { 'doelen-1': { rating: '+', comment: '' } }, agreements: '' } });
    expect(res.status).toBe(200);
    const list = await t.request('GET', `/api/group-plans/${planId}/checklists/planwijzer`, C.teacher5);
    expect(list.status).toBe(200);
    expect(list.body.answers.items['doelen-1']).toEqual({ rating: '+', comment: '' });
    expect((await t.request('GET', `/api/group-plans/${planId}/checklists/kijkwijzer`, C.teacher5)).status).toBe(422);
  });
});

describe('PDFs', () => {
  it('the groepsoverzicht prints landscape with school, group, period, pupils and needs; the export is audited', async () => {
    const before = await one(sql`select count(*)::int as n from audit_log where entity = 'group_overview' and action = 'export'`, 'n');
    const res = await raw(`/api/group-overviews/${overviewId}/pdf`, C.teacher5);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.disposition).toMatch(/groepsoverzicht-5-1e-helft\.pdf/);
    const text = (await pdfText(res.body)).replace(/\s+/g, ' ');
    for (const s of ['Basisschool De Meerpaal', '1e helft', 'Tafels 1 t/m 10 automatiseren', 'Rust bij de start van de dag']) expect(text).toContain(s);
    for (const size of await pdfPageSizes(res.body)) expect(size.width).toBeGreaterThan(size.height);
    expect(await one(sql`select count(*)::int as n from audit_log where entity = 'group_overview' and action = 'export'`, 'n')).toBe(before + pupils5.length);
  });

  it('the groepsplan prints goals, results, reflection and notes', async () => {
    const res = await raw(`/api/group-plans/${planId}/pdf`, C.director);
    expect(res.status).toBe(200);
    const text = (await pdfText(res.body)).replace(/\s+/g, ' ');
    for (const s of ['Groepsplan', 'Tafels 1 t/m 10 automatiseren', 'behaald', 'Verlengde instructie werkte', 'Tafelspel met de intensieve groep']) expect(text).toContain(s);
  });
});
