// Demo of the group cycle: last school year's second period of the group the demo teacher's pupils were in, fully
// walked (groepsoverzicht with needs and instruction groups, a vastgesteld and geëvalueerd groepsplan with notes), so
// this year's first groepsoverzicht of that group opens with "vorige periode" filled in, and the IB has a finished
// example to print. Invented content, no real pupils.
import { sql } from 'drizzle-orm';
import type { Goal, OverviewLineFields, PlanDocument, PlanRow } from '../../domain/group-cycle/model';
import { emptyGoal, emptyRow } from '../../domain/group-cycle/blank';
import { composeNeeds } from '../../domain/group-cycle/hulpzinnen';
import { rows, type DbOrTx } from '../db/client';

const NEEDS: { domain: Goal['domain']; goal: string; phrases: string[] }[] = [
  { domain: 'rekenen-wiskunde', goal: 'Tafels 1 t/m 10 geautomatiseerd', phrases: ['instructie-2', 'opdrachten-10', 'feedback-1'] },
  { domain: 'spelling', goal: 'Past de regels voor verdubbelen en verenkelen toe in dictees', phrases: ['instructie-3', 'activiteiten-2'] },
  { domain: 'technisch-lezen', goal: 'Leest AVI-E4 teksten vlot en foutloos', phrases: ['instructie-1', 'opdrachten-1', 'feedback-5'] },
  { domain: 'workAttitude', goal: 'Begint binnen twee minuten zelfstandig aan de taak', phrases: ['activiteiten-2', 'docenten-8'] },
];

/** Adds the example when the school has none yet; returns the plan id (or null when the data to hang it on is missing). */
export async function seedDemoGroupCycle(db: DbOrTx, schoolId: number, currentGroupName: string, lastYearStart: string): Promise<number | null> {
  const [target] = await rows<{ group_id: number; period_id: number; starts_on: string; ends_on: string; teacher: number | null }>(db, sql`
    select e.group_id, cp.id as period_id, cp.starts_on::text, cp.ends_on::text,
      (select gs.user_id from group_staff gs where gs.group_id = e.group_id order by gs.user_id limit 1) as teacher
    from groups g join enrolments cur on cur.group_id = g.id
    join enrolments e on e.pupil_id = cur.pupil_id
    join school_years y on y.id = e.school_year_id and y.starts_on = ${lastYearStart}::date
    join care_periods cp on cp.school_year_id = y.id
    where g.school_id = ${schoolId} and g.name = ${currentGroupName} and g.school_year_id = cur.school_year_id
      and cur.school_year_id = (select id from school_years where school_id = ${schoolId} and starts_on > ${lastYearStart}::date order by starts_on limit 1)
    group by e.group_id, cp.id, cp.starts_on, cp.ends_on, cp.seq
    order by count(*) desc, cp.seq desc limit 1`);
  if (!target) return null;
  const pupils = await rows<{ id: number; first_name: string }>(db, sql`
    select p.id, p.first_name from enrolments e join pupils p on p.id = e.pupil_id where e.group_id = ${target.group_id} order by p.last_name, p.first_name, p.id`);
  const [overview] = await rows<{ id: number }>(db, sql`
    insert into group_overviews (school_id, group_id, period_id, form, status, attention_points, created_by)
    values (${schoolId}, ${target.group_id}, ${target.period_id}, 'crossSubject', 'final', 'Rust en structuur bij de overgangen; samenwerken in tweetallen oefenen.', ${target.teacher})
    on conflict do nothing returning id`);
  if (!overview) return null;
  const clusterOf = new Map<number, string>();
  for (const [i, p] of pupils.entries()) {
    const need = i % 4 === 0 ? NEEDS[(i / 4) % NEEDS.length] : null;
    const cluster = need ? 'intensief' : i % 7 === 3 ? 'verrijkt' : 'basis';
    clusterOf.set(p.id, cluster);
    const fields: OverviewLineFields = {
      signalled: need != null,
      signalReasons: need ? [need.domain === 'workAttitude' ? 'workAttitude' : 'learningDelay'] : [],
      stimulating: need ? `${p.first_name} werkt graag samen en is gemotiveerd bij praktische opdrachten.` : '',
      hindering: need ? 'Raakt het overzicht kwijt bij lange opdrachten.' : '',
      observations: need ? 'Vraagt weinig hulp; wacht af tot de leerkracht langskomt.' : '',
      pupilVoice: need ? 'Ik vind het fijn als ik eerst een voorbeeld zie.' : '',
      parentVoice: need ? 'Thuis wordt tien minuten per dag geoefend.' : '',
      particulars: '',
      needs: need ? [{ key: 'n1', domain: need.domain, goal: need.goal, needs: composeNeeds(need.phrases), phrases: need.phrases }] : [],
    };
    await db.execute(sql`insert into group_overview_lines (overview_id, pupil_id, cluster, fields, updated_by)
      values (${overview.id}, ${p.id}, ${cluster}, ${JSON.stringify(fields)}::jsonb, ${target.teacher})`);
  }
  const targetDate = target.ends_on;
  const goal = (key: string, domain: Goal['domain'], what: string, measure: string, wanted: string, result: Goal['result'], members: number[]): Goal => ({
    ...emptyGoal(key, domain, targetDate, what), measure, target: wanted, result,
    resultNote: result === 'achieved' ? 'Zie de methodetoets en de E-toets.' : 'Nog niet stabiel; doorzetten.',
    attainment: Object.fromEntries(members.map((id, i) => [String(id), i % 3 === 2 ? 'partly' : result ?? 'partly'])),
  });
  const members = (cluster: string) => pupils.filter((p) => clusterOf.get(p.id) === cluster).map((p) => p.id);
  const row = (key: string, kind: PlanRow['kind'], clusterKey: string | null, goals: Goal[], content: string, approach: string, minutes: number | null): PlanRow => emptyRow(key, kind, {
    clusterKey, goals, content, approach,
    organisation: { minutesPerWeek: minutes, who: 'Groepsleerkracht', where: kind === 'base' ? 'Klas' : 'Instructietafel', moments: kind === 'base' ? '' : 'ma, wo en vr na de basisinstructie' },
    evaluationPlan: { who: 'Groepsleerkracht met de intern begeleider', how: 'Methodetoetsen en Cito E-toets', when: targetDate },
  });
  const doc: PlanDocument = {
    attentionPoints: 'Rust en structuur bij de overgangen; samenwerken in tweetallen oefenen.',
    rows: [
      row('basis-groep', 'base', null, [goal('g-base', 'socialEmotional', 'Alle leerlingen werken dagelijks tien minuten in tweetallen samen volgens de afspraken', 'Observatie met de kijkwijzer samenwerken', 'in 4 van 5 observaties', 'achieved', [])], 'Methode volgens jaarplanning', 'Coöperatieve werkvormen; vaste dagstart', null),
      row('rij-intensief', 'cluster', 'intensief', [
        goal('g-tafels', 'rekenen-wiskunde', 'De leerlingen kennen de tafels 1 t/m 10 geautomatiseerd', 'Tempotoets tafels', '45 sommen in 3 minuten foutloos', 'partly', members('intensief')),
        goal('g-spelling', 'spelling', 'De leerlingen passen verdubbelen en verenkelen toe in dictees', 'Methodedictee', '80 % goed', 'achieved', members('intensief')),
      ], 'Extra oefenstof tafels en spellingcategorieën 1–4', 'Verlengde instructie aan de instructietafel, voordoen en hardop denken', 60),
      row('rij-verrijkt', 'cluster', 'verrijkt', [goal('g-verrijkt', 'rekenen-wiskunde', 'De leerlingen werken een verrijkingsproject uit en presenteren het aan de groep', 'Presentatie met beoordelingsformulier', 'voldoende op alle criteria', 'achieved', members('verrijkt'))],
        'Compacten: de helft van de herhalingsstof; Pluspunt-project', 'Korte instructie, daarna zelfstandig met wekelijkse feedback', 45),
    ],
  };
  const reflection = {
    instruction: 'De verlengde instructie werkte voor spelling; bij de tafels was meer herhaling nodig.',
    content: 'De extra oefenstof sloot goed aan.',
    time: 'Drie keer per week twintig minuten was haalbaar; op vrijdag schoot het er soms bij in.',
    teacherSupport: 'Coaching bij het organiseren van drie instructiegroepen tegelijk.',
  };
  const [plan] = await rows<{ id: number }>(db, sql`
    insert into group_plans (school_id, group_id, period_id, overview_id, format, status, version, revision, doc, reflection, evaluated_on, created_by)
    values (${schoolId}, ${target.group_id}, ${target.period_id}, ${overview.id}, 'convergent', 'evaluated', 4, 2, ${JSON.stringify(doc)}::jsonb, ${JSON.stringify(reflection)}::jsonb, ${target.ends_on}::date, ${target.teacher})
    returning id`);
  const earlier = structuredClone(doc);
  earlier.rows[1].organisation.minutesPerWeek = 40;
  await db.execute(sql`insert into group_plan_revisions (plan_id, revision, doc, reason, created_by)
    values (${plan.id}, 1, ${JSON.stringify(earlier)}::jsonb, 'Meer instructietijd voor de intensieve groep na de methodetoets tafels.', ${target.teacher})`);
  const noteDay = (offsetDays: number) => sql`(${target.starts_on}::date + ${offsetDays}::int)`;
  await db.execute(sql`insert into group_plan_notes (plan_id, row_key, noted_on, text, author_id) values
    (${plan.id}, 'rij-intensief', ${noteDay(21)}, 'Tafelspel aan de instructietafel: de groep is enthousiast, tafel van 7 blijft lastig.', ${target.teacher}),
    (${plan.id}, null, ${noteDay(50)}, 'Samenwerken in tweetallen loopt; de vaste maatjes wisselen vanaf nu per week.', ${target.teacher})`);
  return plan.id;
}
