// Demo of individual support at the PO demo school: about ten pupils with a dated level history (seed 002 levels 2–4),
// a running handelingsplan for three pupils of groep 5 (no names in the text) with one parent's akkoord, a running
// vakoverstijgend handelingsplan for one pupil signed by both parents, an OPP for a groep 7 (or 6) pupil published as
// version 1 with one parent's digital consent, and a closed handelingsplan with its evaluation. The demo parent's child
// (login `ouder`) only gets a level-2 entry: the e2e test writes that child's OPP. Dates are relative to `today`, so
// the deadlines and tasks show whenever the demo is built. A fixed number of statements; invented content.
import { sql } from 'drizzle-orm';
import { emptyGoal } from '../../domain/group-cycle/blank';
import { addDays, dutchDate } from '../../domain/school/periods';
import {
  type ActionPlanDoc, type DevelopmentPerspectiveDoc, type Goal, type MeetingPurpose, type ResponseKind, type SupportPlanDoc,
  type SupportPlanKind, type SupportPlanStatus,
} from '../../domain/support';
import { bulkInsert, intArray, rows, type DbOrTx } from '../db/client';
import { contentHash } from './repo';

interface Candidate { id: number; first_name: string; last_name: string; group_name: string; gezag: number; demo_child: boolean }


function goal(key: string, domain: Goal['domain'], dueOn: string, what: string, measure: string, target: string, result: Goal['result'] = null, resultNote = ''): Goal {
  return { ...emptyGoal(key, domain, dueOn, what), measure, target, result, resultNote };
}

/** Adds the support demo to the school when it has none yet; returns the number of pupils given a level (0 = skipped). */
export async function seedDemoSupport(db: DbOrTx, schoolId: number, today: string): Promise<number> {
  const [state] = await rows<{ n: number; ib: number | null; ib_name: string | null; teacher: number | null; teacher_name: string | null; instrument: number | null }>(db, sql`
    select (select count(*)::int from support_levels where school_id = ${schoolId}) as n,
      ib.id as ib, ib.name as ib_name, lk.id as teacher, lk.name as teacher_name,
      (select id from instruments where school_id = ${schoolId} and domain = 'rekenen-wiskunde' and active order by id limit 1) as instrument
    from (select 1) one left join users ib on ib.login = 'ib' left join users lk on lk.login = 'leerkracht'`);
  if (state.n > 0) return 0;
  // This year's pupils of groep 3 and 5–8, weakest in rekenen first (lowest DLE), with their number of parents with gezag.
  const candidates = await rows<Candidate>(db, sql`
    select p.id, p.first_name, p.last_name, g.name as group_name,
      (select count(*)::int from guardians gu where gu.pupil_id = p.id and gu.has_authority) as gezag,
      exists (select 1 from guardians gu join users u on u.id = gu.user_id where gu.pupil_id = p.id and u.login = 'ouder') as demo_child
    from groups g join school_years y on y.id = g.school_year_id join enrolments e on e.group_id = g.id join pupils p on p.id = e.pupil_id
    where g.school_id = ${schoolId} and y.starts_on <= ${today}::date and y.ends_on >= ${today}::date and g.name in ('3', '5', '6', '7', '8')
      and (p.leave_date is null or p.leave_date >= ${today}::date)
    order by g.name, (select min(r.dle) from results r join instruments i on i.id = r.instrument_id
      where r.pupil_id = p.id and i.domain = 'rekenen-wiskunde' and r.dle is not null) nulls last, p.id`);
  const taken = new Set<number>();
  const pick = (groups: string[], need: (c: Candidate) => boolean = () => true): Candidate | null => {
    for (const name of groups) {
      const found = candidates.find((c) => c.group_name === name && !c.demo_child && !taken.has(c.id) && need(c));
      if (found) {
        taken.add(found.id);
        return found;
      }
    }
    return null;
  };
  const demoChild = candidates.find((c) => c.demo_child) ?? null;
  const trio = [pick(['5']), pick(['5']), pick(['5'])];
  const capped = pick(['5']);
  const oppPupil = pick(['7', '6'], (c) => c.gezag >= 2) ?? pick(['7', '6']);
  const hpPupil = pick(['6', '7'], (c) => c.gezag >= 2) ?? pick(['6', '7']);
  const closedPupil = pick(['7', '8']);
  const noPlan = pick(['3']);
  const noOpp = pick(['6', '8']);
  const eight = pick(['8']);
  if (trio.some((p) => p == null) || !oppPupil || !hpPupil || !closedPupil) return 0;
  const [a, b, c] = trio as Candidate[];

  const day = (offset: number) => addDays(today, offset);
  const ib = { id: state.ib, name: state.ib_name ?? 'Intern begeleider' };
  const teacher = { id: state.teacher, name: state.teacher_name ?? 'Groepsleerkracht' };
  const meeting = (offset: number) => `Leerlingbespreking ${dutchDate(day(offset))}`;

  // ---- Levels (dated history: an entry ends the day the next one starts) ----
  const levels: Record<string, unknown>[] = [];
  const level = (p: Candidate | null, entries: { level: string; from: number; to: number | null; reason: string; question?: string; consentOn?: number; consentNote?: string }[]) => {
    if (!p) return;
    for (const e of entries) {
      levels.push({
        school_id: schoolId, pupil_id: p.id, level: e.level, starts_on: day(e.from), ends_on: e.to == null ? null : day(e.to),
        reason: e.reason, question: e.question ?? '', decided_by: ib.id, decided_by_name: ib.name, meeting: meeting(e.from),
        consent_on: e.consentOn == null ? null : day(e.consentOn), consent_note: e.consentNote ?? '', created_by: ib.id,
      });
    }
  };
  const tafels = 'Rekenen: tafels 1 t/m 10 automatiseren';
  if (demoChild) level(demoChild, [{ level: '2', from: -70, to: null, reason: 'Extra instructie begrijpend lezen aan de instructietafel.', question: 'Begrijpend lezen: leesstrategieën toepassen' }]);
  for (const p of [a, b, c]) {
    level(p, [
      { level: '2', from: -300, to: -30, reason: 'Verlengde instructie rekenen in de groep.', question: tafels },
      { level: '3', from: -30, to: null, reason: 'Onvoldoende vooruitgang met de verlengde instructie; handelingsplan met de IB\'er.', question: tafels },
    ]);
  }
  // Three care periods in a row on level 2: the level cap (seed 002: at most two) shows as a task.
  level(capped, [{ level: '2', from: -420, to: null, reason: 'Extra oefening spelling en verlengde instructie in de groep.', question: 'Spelling: categorieën 1–6' }]);
  level(oppPupil, [
    { level: '2', from: -500, to: -300, reason: 'Verlengde instructie rekenen en begrijpend lezen.', question: 'Rekenen: achterstand' },
    { level: '3', from: -300, to: -120, reason: 'Handelingsplan rekenen met de IB\'er; de achterstand groeit.', question: 'Rekenen: achterstand' },
    { level: '4', from: -120, to: null, reason: 'Besproken in het zorgteam: eigen leerlijn rekenen met een ontwikkelingsperspectief.', question: 'Rekenen: eigen leerlijn', consentOn: -115, consentNote: 'Ouders hebben schriftelijk toestemming gegeven in het startgesprek.' },
  ]);
  level(hpPupil, [
    { level: '2', from: -200, to: -20, reason: 'Afspraken over zelfstandig werken in de groep.', question: 'Werkhouding: zelfstandig starten' },
    { level: '3', from: -20, to: null, reason: 'Handelingsplan werkhouding, ook buiten de groep.', question: 'Werkhouding: zelfstandig starten' },
  ]);
  level(closedPupil, [
    { level: '2', from: -400, to: -250, reason: 'Verlengde instructie technisch lezen.', question: 'Technisch lezen: tempo' },
    { level: '3', from: -250, to: -150, reason: 'Handelingsplan technisch lezen buiten de groep.', question: 'Technisch lezen: tempo' },
    { level: '2', from: -150, to: null, reason: 'Doelen van het handelingsplan behaald; terug naar extra zorg in de groep.', question: 'Technisch lezen: tempo' },
  ]);
  // Level 3 without a handelingsplan yet (the plan warning on the support page).
  level(noPlan, [{ level: '3', from: -10, to: null, reason: 'Hulpvraag auditieve verwerking; handelingsplan volgt.', question: 'Klanken en letters koppelen' }]);
  // Level 4 without consent and without an OPP: the six-week deadline and the missing consent show as tasks.
  level(noOpp, [
    { level: '3', from: -160, to: -35, reason: 'Handelingsplan begrijpend lezen.', question: 'Begrijpend lezen' },
    { level: '4', from: -35, to: null, reason: 'Zorgteam: eigen leerlijn begrijpend lezen overwegen.', question: 'Begrijpend lezen' },
  ]);
  level(eight, [{ level: '2', from: -45, to: null, reason: 'Extra uitleg bij verhaalsommen.', question: 'Rekenen: verhaalsommen' }]);

  // ---- Plans ----
  const organisation = (who: string, where: string, when: string, frequency: string, minutes: number, place: ActionPlanDoc['organisation']['place']) =>
    ({ who, where, when, frequency, minutesPerWeek: minutes, place });
  const trioDoc: ActionPlanDoc = {
    kind: 'actionPlan', format: 'subject', subject: 'rekenen-wiskunde', startsOn: day(-30), endsOn: day(10),
    problem: 'De leerlingen kennen de tafels 1 t/m 10 nog niet geautomatiseerd; dat remt het vermenigvuldigen en delen.',
    expectation: 'Met extra oefening halen de leerlingen eind groep 5 niveau III op de rekentoets.',
    needs: 'Deze leerlingen hebben een korte instructie nodig met concreet materiaal, dagelijks herhalen en directe feedback.',
    goals: [
      goal('t1', 'rekenen-wiskunde', day(10), 'De leerlingen kennen de tafels 1 t/m 5 geautomatiseerd', 'Tempotoets tafels 1 t/m 5', '40 sommen in 3 minuten, hoogstens 2 fouten'),
      goal('t2', 'rekenen-wiskunde', day(10), 'De leerlingen passen de tafels toe bij verhaalsommen', 'Methodetoets blok 4', '8 van 10 verhaalsommen goed'),
    ],
    content: 'Tafels 1 t/m 10 met tafelkaarten, tafelspel en oefensoftware.',
    approach: 'Voordoen, samen doen, zelf doen; dagelijks 10 minuten automatiseren met directe feedback.',
    organisation: organisation('groepsleerkracht', 'instructietafel', 'ma, wo en vr na de rekeninstructie', '3× per week 15 minuten', 45, 'inGroup'),
    evaluationPlan: { how: 'Tempotoets en methodetoets blok 4', who: 'groepsleerkracht met de intern begeleider' },
    parentAgreements: 'Thuis vijf minuten per dag tafels oefenen met de tafelkaarten.',
    evaluation: { summary: '', decision: null },
  };
  const hpDoc: ActionPlanDoc = {
    kind: 'actionPlan', format: 'crossSubject', subject: '', startsOn: day(-20), endsOn: day(30),
    problem: 'Wacht lang voordat het zelfstandig werken begint en vraagt pas hulp als de tijd om is.',
    expectation: 'Verwachte uitstroom havo/vwo; de werkhouding remt het leren.',
    needs: 'Heeft een duidelijke start nodig: een stappenplan op tafel, een time-timer en een vast controlemoment.',
    goals: [goal('w1', 'workAttitude', day(30), 'Begint binnen twee minuten na de instructie zelfstandig aan de taak', 'Observatie met de kijkwijzer werkhouding', 'in 4 van 5 observaties')],
    content: 'Stappenplan zelfstandig werken en time-timer.',
    approach: 'Afspraken vooraf, na vijf minuten een kort controlemoment, complimenten voor het starten.',
    organisation: organisation('groepsleerkracht en onderwijsassistent', 'in de klas en op het leerplein', 'dagelijks bij het zelfstandig werken', 'dagelijks', 50, 'both'),
    evaluationPlan: { how: 'Observaties en een gesprek met de leerling', who: 'groepsleerkracht' },
    parentAgreements: 'Thuis hetzelfde stappenplan bij het huiswerk; over vier weken een kort gesprek.',
    evaluation: { summary: '', decision: null },
  };
  const closedBase: ActionPlanDoc = {
    kind: 'actionPlan', format: 'subject', subject: 'technisch-lezen', startsOn: day(-250), endsOn: day(-195),
    problem: 'Leest AVI-teksten te langzaam; raadt woorden.', expectation: 'Eind groep 8 AVI-Plus.',
    needs: 'Heeft herhaald lezen nodig met een vaste leesmaatje en feedback op nauwkeurigheid.',
    goals: [goal('l1', 'technisch-lezen', day(-195), 'Leest een AVI-E5 tekst op beheersingsniveau', 'AVI-toets', 'AVI-E5 beheersing')],
    content: 'Ralfi-lezen en herhaald lezen.', approach: 'Voorlezen, koorlezen, zelf lezen; dagelijks tien minuten.',
    organisation: organisation('remedial teacher', 'RT-ruimte', 'di en do 9.00–9.20', '2× per week 20 minuten', 40, 'outsideGroup'),
    evaluationPlan: { how: 'AVI- en DMT-afname', who: 'remedial teacher en groepsleerkracht' },
    parentAgreements: 'Thuis dagelijks tien minuten samen lezen.',
    evaluation: { summary: '', decision: null },
  };
  const closedDoc: ActionPlanDoc = {
    ...closedBase,
    goals: [{ ...closedBase.goals[0], result: 'achieved', resultNote: 'AVI-E5 beheersing gehaald bij de afname.' }],
    evaluation: { summary: 'Het leestempo is duidelijk vooruitgegaan; de leerling leest nauwkeuriger en raadt minder.', decision: 'stop' },
  };
  const oppDoc: DevelopmentPerspectiveDoc = {
    kind: 'developmentPerspective', startsOn: day(-90), endsOn: addDays(day(-90), 320), exitDestination: 'vmbo-bb',
    reasoning: 'Het leerrendement voor rekenen ligt al drie jaar rond 50 %; begrijpend lezen rond 70 %. De capaciteiten en de inzet wijzen op vmbo basisberoepsgerichte leerweg.',
    hinderingFactors: [
      { area: 'pupil', text: 'Zwak werkgeheugen; raakt het overzicht kwijt bij meerstappensommen.' },
      { area: 'education', text: 'Het tempo van de methode ligt te hoog.' },
    ],
    stimulatingFactors: [
      { area: 'pupil', text: 'Gemotiveerd en werkt graag met concreet materiaal.' },
      { area: 'home', text: 'Ouders oefenen dagelijks mee.' },
    ],
    needs: 'Instructie met concreet en visueel materiaal, kleine stappen, een eigen leerlijn rekenen en extra tijd.',
    support: 'Eigen leerlijn rekenen op het niveau van eind groep 5; twee keer per week RT buiten de groep; een rekenmaatje in de groep.',
    deviations: 'Rekenen volgens een eigen leerlijn (minimumdoelen 1F); geen methodetoetsen van groep 7 voor rekenen.',
    organisation: organisation('leerkracht en remedial teacher', 'in de groep en in de RT-ruimte', 'di en do 10.30–11.00', '2× per week 30 minuten', 60, 'both'),
    domains: [{
      key: 'd-rekenen', domain: 'rekenen-wiskunde', endGoal: 'Eind groep 8 rekenen op niveau 1F.', measure: 'dle', instrumentId: state.instrument,
      growth: [{ on: day(-80), value: 28 }, { on: addDays(day(-80), 150), value: 32 }, { on: addDays(day(-80), 270), value: 36 }],
      goals: [goal('o1', 'rekenen-wiskunde', addDays(day(-80), 150), 'Rekent vlot optellen en aftrekken tot 1000', 'Tempotoets en methodegebonden toets eigen leerlijn', '8 van 10 goed')],
    }],
    pupilVoice: { heard: true, heardOn: day(-92), text: 'Ik wil graag leren rekenen met geld, dat heb ik later nodig.', notHeardReason: '' },
    involved: [{ name: 'Petra Smit', role: 'orthopedagoog', organisation: 'Samenwerkingsverband Passend Onderwijs' }],
    parentAgreements: 'Elke zes weken een kort gesprek; de ouders oefenen thuis met de rekenkaartjes.',
  };

  const [seq] = await rows<{ plans: number[]; versions: number[] }>(db, sql`
    select array(select nextval('support_plans_id_seq')::int from generate_series(1, 4)) as plans,
      array(select nextval('support_plan_versions_id_seq')::int from generate_series(1, 5)) as versions`);
  const [trioId, hpId, oppId, closedId] = seq.plans;
  const plans: { id: number; kind: SupportPlanKind; title: string; status: SupportPlanStatus; doc: SupportPlanDoc; decidedOn: string | null; by: typeof ib; at: number; pupils: Candidate[] }[] = [
    { id: trioId, kind: 'actionPlan', title: 'Handelingsplan rekenen: tafels automatiseren', status: 'active', doc: trioDoc, decidedOn: null, by: teacher, at: -31, pupils: [a, b, c] },
    { id: hpId, kind: 'actionPlan', title: 'Handelingsplan werkhouding: zelfstandig starten', status: 'active', doc: hpDoc, decidedOn: null, by: ib, at: -21, pupils: [hpPupil] },
    { id: oppId, kind: 'developmentPerspective', title: 'Ontwikkelingsperspectief rekenen', status: 'active', doc: oppDoc, decidedOn: day(-120), by: ib, at: -100, pupils: [oppPupil] },
    { id: closedId, kind: 'actionPlan', title: 'Handelingsplan technisch lezen', status: 'closed', doc: closedDoc, decidedOn: null, by: ib, at: -252, pupils: [closedPupil] },
  ];
  await bulkInsert(db, 'support_plans', {
    id: 'int', school_id: 'int', kind: 'text', title: 'text', status: 'text', version: 'int', doc: 'jsonb', starts_on: 'date', ends_on: 'date',
    decided_on: 'date', created_by: 'int', created_at: 'timestamptz', updated_by: 'int', updated_at: 'timestamptz',
  }, plans.map((p) => ({
    id: p.id, school_id: schoolId, kind: p.kind, title: p.title, status: p.status, version: p.status === 'closed' ? 4 : 2, doc: p.doc,
    starts_on: p.doc.startsOn, ends_on: p.doc.endsOn, decided_on: p.decidedOn, created_by: p.by.id, created_at: `${day(p.at)}T09:00:00Z`,
    updated_by: p.by.id, updated_at: `${day(p.status === 'closed' ? -150 : p.at + 1)}T15:00:00Z`,
  })));
  await bulkInsert(db, 'support_plan_pupils', { plan_id: 'int', pupil_id: 'int' }, plans.flatMap((p) => p.pupils.map((x) => ({ plan_id: p.id, pupil_id: x.id }))));

  // ---- Published versions (the hash covers title + doc, as the publish route computes it) ----
  const versions = [
    { id: seq.versions[0], plan: plans[0], number: 1, doc: trioDoc as SupportPlanDoc, at: -29 },
    { id: seq.versions[1], plan: plans[1], number: 1, doc: hpDoc as SupportPlanDoc, at: -19 },
    { id: seq.versions[2], plan: plans[2], number: 1, doc: oppDoc as SupportPlanDoc, at: -80 },
    { id: seq.versions[3], plan: plans[3], number: 1, doc: closedBase as SupportPlanDoc, at: -248 },
    { id: seq.versions[4], plan: plans[3], number: 2, doc: closedDoc as SupportPlanDoc, at: -152 },
  ].map((v) => ({ ...v, hash: contentHash(v.plan.title, v.doc) }));
  await bulkInsert(db, 'support_plan_versions', {
    id: 'int', plan_id: 'int', number: 'int', title: 'text', doc: 'jsonb', content_hash: 'text', published_by: 'int', published_by_name: 'text', published_at: 'timestamptz',
  }, versions.map((v) => ({
    id: v.id, plan_id: v.plan.id, number: v.number, title: v.plan.title, doc: v.doc, content_hash: v.hash,
    published_by: v.plan.by.id, published_by_name: v.plan.by.name, published_at: `${day(v.at)}T16:00:00Z`,
  })));

  // ---- Parents' responses: digital, by the parents with gezag (the first one, or both) ----
  const parents = await rows<{ pupil_id: number; user_id: number; name: string }>(db, sql`
    select g.pupil_id, u.id as user_id, u.name from guardians g join users u on u.id = g.user_id
    where g.has_authority and g.pupil_id = any(${intArray([a.id, hpPupil.id, oppPupil.id, closedPupil.id])}) order by g.pupil_id, g.relation, u.id`);
  const parentsOf = (p: Candidate) => parents.filter((x) => x.pupil_id === p.id);
  const responses: Record<string, unknown>[] = [];
  const respond = (v: (typeof versions)[number], pupil: Candidate, who: 'first' | 'all', kind: ResponseKind, at: number, statement = '') => {
    for (const g of who === 'first' ? parentsOf(pupil).slice(0, 1) : parentsOf(pupil)) {
      responses.push({
        plan_id: v.plan.id, version_id: v.id, pupil_id: pupil.id, guardian_id: g.user_id, guardian_name: g.name, kind, statement,
        method: 'digital', content_hash: v.hash, signed_on: day(at), recorded_by: g.user_id, recorded_by_name: g.name, recorded_at: `${day(at)}T19:30:00Z`,
      });
    }
  };
  respond(versions[0], a, 'first', 'agree', -27);
  respond(versions[1], hpPupil, 'all', 'agree', -18);
  respond(versions[2], oppPupil, 'first', 'consent', -75);
  respond(versions[2], oppPupil, 'first', 'comment', -74, 'Fijn dat er een eigen leerlijn komt; wij willen graag weten hoe we thuis kunnen helpen.');
  respond(versions[3], closedPupil, 'first', 'agree', -246);
  respond(versions[4], closedPupil, 'first', 'agree', -149);
  await bulkInsert(db, 'support_plan_responses', {
    plan_id: 'int', version_id: 'int', pupil_id: 'int', guardian_id: 'int', guardian_name: 'text', kind: 'text', statement: 'text', method: 'text',
    content_hash: 'text', signed_on: 'date', recorded_by: 'int', recorded_by_name: 'text', recorded_at: 'timestamptz',
  }, responses);

  // ---- Meetings with parents and working notes ----
  const parentNames = (p: Candidate) => parentsOf(p).map((g) => g.name).join(', ') || 'ouders';
  const meetings: { plan: number; on: number; purpose: MeetingPurpose; participants: string; subject: string; agreements: string; schoolView: string; parentView: string; by: number | null }[] = [
    { plan: oppId, on: -95, purpose: 'start', participants: `${parentNames(oppPupil)}; ${ib.name} (IB); groepsleerkracht`, subject: 'Start ontwikkelingsperspectief rekenen',
      agreements: 'De school schrijft het OPP; de leerling wordt gehoord; evaluatie met de ouders voor de zomer.', schoolView: 'Een eigen leerlijn rekenen is nodig om gemotiveerd te blijven leren.',
      parentView: 'Ouders herkennen het beeld en willen thuis meehelpen.', by: ib.id },
    { plan: closedId, on: -150, purpose: 'evaluation', participants: `${parentNames(closedPupil)}; remedial teacher; groepsleerkracht`, subject: 'Evaluatie handelingsplan technisch lezen',
      agreements: 'Het plan stopt; de leerling leest in de groep verder met een leesmaatje.', schoolView: 'De doelen zijn behaald.', parentView: 'Ouders zijn tevreden en blijven thuis samen lezen.', by: ib.id },
    { plan: trioId, on: -32, purpose: 'start', participants: 'ouders van de leerlingen (per gezin); groepsleerkracht', subject: 'Start handelingsplan tafels',
      agreements: 'Thuis vijf minuten per dag tafels oefenen.', schoolView: 'Extra automatiseren is nodig voor de rest van het rekenprogramma.', parentView: 'Ouders oefenen mee.', by: teacher.id },
  ];
  await bulkInsert(db, 'support_plan_meetings', {
    plan_id: 'int', held_on: 'date', purpose: 'text', participants: 'text', subject: 'text', agreements: 'text', school_view: 'text', parent_view: 'text', created_by: 'int',
  }, meetings.map((m) => ({ plan_id: m.plan, held_on: day(m.on), purpose: m.purpose, participants: m.participants, subject: m.subject, agreements: m.agreements, school_view: m.schoolView, parent_view: m.parentView, created_by: m.by })));
  await bulkInsert(db, 'support_plan_notes', { plan_id: 'int', noted_on: 'date', text: 'text', author_id: 'int', author_name: 'text' }, [
    { plan_id: trioId, noted_on: day(-14), text: 'Tafelspel werkt goed; de tafel van 7 en 8 blijft lastig voor twee leerlingen.', author_id: teacher.id, author_name: teacher.name },
    { plan_id: oppId, noted_on: day(-40), text: 'RT-sessies lopen volgens plan; rekenen met geld spreekt erg aan.', author_id: ib.id, author_name: ib.name },
  ]);

  await bulkInsert(db, 'support_levels', {
    school_id: 'int', pupil_id: 'int', level: 'text', starts_on: 'date', ends_on: 'date', reason: 'text', question: 'text', decided_by: 'int',
    decided_by_name: 'text', meeting: 'text', consent_on: 'date', consent_note: 'text', created_by: 'int',
  }, levels);
  return new Set(levels.map((l) => l.pupil_id)).size;
}
