// Demo of meetings at the PO demo school: a groepsbespreking of groep 5 held two weeks ago with its verslag (closed) and
// two actions (one overdue for the IB, one for the groep 5 teacher), the next groepsbespreking of groep 5 next week with
// a question handed in and the checklist half done, a leerlingbespreking with three cases (one of the demo parent's
// child, whose parents' part is asked), and a zorgteam meeting with an external orthopedagoog and the parents' consent on
// record. Dates are relative to `today`; invented content; a fixed number of statements.
import { sql } from 'drizzle-orm';
import { defaultAgenda, defaultTitle, groupWord } from '../../domain/meetings/agenda';
import type { AgendaItem, MeetingKind, MeetingStatus, Preparation } from '../../domain/meetings/model';
import { addDays } from '../../domain/school/periods';
import { rows, type DbOrTx } from '../db/client';
import { meetingSettingsOf } from './repo';

interface MeetingSeed {
  kind: MeetingKind; title: string; heldOn: string; startsAt: string; duration: number; location: string; groupId: number | null;
  chairId: number | null; minuteTakerId: number | null; status: MeetingStatus; agenda: AgendaItem[]; preparation?: Preparation;
  minutes?: Record<string, string>; participants: number[];
}

/**
 * Adds the meetings demo when the school has no meeting cases or actions yet (meetings generated from the calendar
 * template may exist: they are left alone); returns the number of meetings created (0 = skipped).
 */
export async function seedDemoMeetings(db: DbOrTx, schoolId: number, today: string): Promise<number> {
  const [state] = await rows<{ n: number; year: number | null; ib: number | null; teacher: number | null; director: number | null; g5: number | null; g3: number | null; parent: number | null }>(db, sql`
    select (select count(*)::int from meeting_actions where school_id = ${schoolId})
        + (select count(*)::int from meeting_cases c join meetings m on m.id = c.meeting_id where m.school_id = ${schoolId}) as n,
      (select id from school_years where school_id = ${schoolId} and starts_on <= ${today}::date and ends_on >= ${today}::date) as year,
      (select id from users where login = 'ib') as ib, (select id from users where login = 'leerkracht') as teacher,
      (select id from users where login = 'directeur') as director, (select id from users where login = 'ouder') as parent,
      (select g.id from groups g join school_years y on y.id = g.school_year_id where g.school_id = ${schoolId} and g.name = '5'
        and y.starts_on <= ${today}::date and y.ends_on >= ${today}::date) as g5,
      (select g.id from groups g join school_years y on y.id = g.school_year_id where g.school_id = ${schoolId} and g.name = '3'
        and y.starts_on <= ${today}::date and y.ends_on >= ${today}::date) as g3`);
  if (!state || state.n > 0 || state.year == null || state.ib == null || state.teacher == null || state.g5 == null) return 0;
  const { settings, sector } = await meetingSettingsOf(db, schoolId);
  const ib = state.ib;
  const teacher = state.teacher;
  const [teacher3] = state.g3 == null ? [] : await rows<{ user_id: number }>(db, sql`select user_id from group_staff where group_id = ${state.g3} order by user_id limit 1`);
  const pupils5 = await rows<{ id: number; demo_child: boolean }>(db, sql`
    select e.pupil_id as id, exists (select 1 from guardians gu where gu.pupil_id = e.pupil_id and gu.user_id = ${state.parent ?? 0}) as demo_child
    from enrolments e where e.group_id = ${state.g5} order by e.pupil_id`);
  const demoChild = pupils5.find((p) => p.demo_child)?.id ?? null;
  const others5 = pupils5.filter((p) => !p.demo_child).map((p) => p.id);
  const [pupil3] = state.g3 == null ? [] : await rows<{ id: number }>(db, sql`select pupil_id as id from enrolments where group_id = ${state.g3} order by pupil_id limit 1`);
  const [older] = await rows<{ id: number; first_name: string }>(db, sql`
    select p.id, p.first_name from groups g join enrolments e on e.group_id = g.id join pupils p on p.id = e.pupil_id
    where g.school_year_id = ${state.year} and g.name in ('7', '6') order by g.name desc, p.id limit 1`);
  const names = new Map((await rows<{ id: number; name: string }>(db, sql`select id, name from users where id in (${ib}, ${teacher}, ${teacher3?.user_id ?? ib})`)).map((u) => [u.id, u.name]));

  const groupAgenda = defaultAgenda('groupDiscussion', settings, sector);
  const gLabel = `${groupWord(sector)} 5`;
  const seeds: MeetingSeed[] = [
    {
      kind: 'groupDiscussion', title: defaultTitle('groupDiscussion', settings, gLabel), heldOn: addDays(today, -14), startsAt: '15:15', duration: settings.durations.groupDiscussion,
      location: 'Teamkamer', groupId: state.g5, chairId: ib, minuteTakerId: ib, status: 'closed',
      agenda: groupAgenda.map((a) => (a.key === 'signalledPupils' ? { ...a, note: 'Ook de leerlingen met een voorsprong bij rekenen bespreken.' } : a)),
      preparation: Object.fromEntries(['previousPlan', 'wholeGroup', 'signalledPupils', 'needs', 'clustering', 'newPlan', 'referrals'].map((k) => [k, { done: true, points: '' }])),
      minutes: {
        teacherQuestions: 'Lotte vraagt hoe de verlengde instructie rekenen past naast het werken in circuits. Afgesproken: na de grote instructie, aan de instructietafel.',
        previousPlan: 'De aanpak is grotendeels uitgevoerd. Rekenen: doelen deels gehaald; spelling: gehaald voor de basisgroep. De intensieve groep rekenen heeft geprofiteerd; voortzetten.',
        results: 'Rekenen en spelling liggen onder de schoolnorm van 75% op niveau III of hoger; technisch lezen haalt de norm bijna.',
        wholeGroup: 'Zelfstandig werken en plannen van de weektaak.',
        signalledPupils: 'De gesignaleerde leerlingen uit het groepsoverzicht zijn besproken; twee leerlingen met een voorsprong bij rekenen toegevoegd.',
        needs: 'Voor drie leerlingen zijn de onderwijsbehoeften bij rekenen aangescherpt (concreet materiaal, korte instructie vooraf).',
        clustering: 'Rekenen in drie instructiegroepen; spelling in twee.',
        newPlan: 'Lotte werkt het groepsplan rekenen uit vóór de volgende periode; de IB kijkt mee met de planwijzer.',
        teacherSupport: 'Lotte wil een klassenbezoek tijdens de verlengde instructie.',
        referrals: 'Eén leerling wordt aangemeld voor de leerlingbespreking.',
        summary: 'Groepsplan rekenen aanpassen; klassenbezoek plannen; één leerling naar de leerlingbespreking.',
      },
      participants: [ib, teacher],
    },
    {
      kind: 'groupDiscussion', title: defaultTitle('groupDiscussion', settings, gLabel), heldOn: addDays(today, 7), startsAt: '15:15', duration: settings.durations.groupDiscussion,
      location: 'Teamkamer', groupId: state.g5, chairId: ib, minuteTakerId: null, status: 'planned', agenda: groupAgenda,
      preparation: { previousPlan: { done: true, points: 'Doelen rekenen: evaluatie met de M-toetsen erbij.' }, wholeGroup: { done: true, points: 'Plannen van de weektaak.' }, signalledPupils: { done: false, points: '' } },
      participants: [ib, teacher],
    },
    {
      kind: 'pupilDiscussion', title: defaultTitle('pupilDiscussion', settings, null), heldOn: addDays(today, 9), startsAt: '15:30',
      duration: settings.durations.pupilDiscussionPerCase * 3, location: 'Lokaal groep 5', groupId: null,
      chairId: teacher3?.user_id ?? ib, minuteTakerId: teacher, status: 'planned', agenda: defaultAgenda('pupilDiscussion', settings, sector),
      participants: [ib, teacher, ...(teacher3 ? [teacher3.user_id] : [])],
    },
    {
      kind: 'careTeam', title: defaultTitle('careTeam', settings, null), heldOn: addDays(today, 14), startsAt: '13:30', duration: settings.durations.careTeam,
      location: 'Kamer IB', groupId: null, chairId: ib, minuteTakerId: null, status: 'planned', agenda: defaultAgenda('careTeam', settings, sector),
      participants: [ib, ...(state.director ? [state.director] : [])],
    },
  ];

  const ids: number[] = [];
  for (const s of seeds) {
    const [m] = await rows<{ id: number }>(db, sql`
      insert into meetings (school_id, school_year_id, kind, title, held_on, starts_at, duration_minutes, location, group_id, chair_id, minute_taker_id,
        status, agenda, preparation, minutes, created_by, updated_by)
      values (${schoolId}, ${state.year}, ${s.kind}, ${s.title}, ${s.heldOn}::date, ${s.startsAt}, ${s.duration}, ${s.location}, ${s.groupId},
        ${s.chairId}, ${s.minuteTakerId}, ${s.status}, ${JSON.stringify(s.agenda)}::jsonb, ${JSON.stringify(s.preparation ?? {})}::jsonb,
        ${JSON.stringify(s.minutes ?? {})}::jsonb, ${ib}, ${ib}) returning id`);
    ids.push(m.id);
    await db.execute(sql`
      insert into meeting_participants (meeting_id, kind, user_id, name, attendance)
      select ${m.id}, 'staff', u.id, u.name, ${s.status === 'closed' ? 'present' : 'invited'} from users u
      where u.id in (${sql.join([...new Set(s.participants)].map((id) => sql`${id}`), sql`, `)})`);
  }
  const [held, next, pupilMeeting, careTeam] = ids;
  const ibName = names.get(ib) ?? 'Intern begeleider';
  const teacherName = names.get(teacher) ?? 'Leerkracht';

  // Actions of the held groepsbespreking: the IB's class visit is overdue; the teacher's plan is due next week.
  await db.execute(sql`
    insert into meeting_actions (school_id, meeting_id, decision, description, owner_id, due_on, created_by) values
      (${schoolId}, ${held}, 'Klassenbezoek tijdens de verlengde instructie', 'Klassenbezoek rekenen in groep 5 plannen en uitvoeren', ${ib}, ${addDays(today, -3)}::date, ${ib}),
      (${schoolId}, ${held}, 'Groepsplan rekenen aanpassen', 'Groepsplan rekenen uitwerken met drie instructiegroepen', ${teacher}, ${addDays(today, 6)}::date, ${ib})`);
  await db.execute(sql`
    insert into meeting_questions (meeting_id, kind, text, author_id, author_name) values
      (${next}, 'question', 'Kunnen we de instructiegroepen rekenen na de M-toets opnieuw indelen?', ${teacher}, ${teacherName}),
      (${next}, 'supportNeed', 'Ik wil graag meekijken bij een collega die circuitrekenen doet.', ${teacher}, ${teacherName})`);

  // Leerlingbespreking: the demo child (parents' part asked), another groep 5 pupil, and a groep 3 pupil of the colleague.
  const cases: { pupilId: number; by: number; byName: string; question: string; form: Record<string, string>; requested: boolean; informed: 'yes' | null }[] = [];
  if (demoChild) cases.push({
    pupilId: demoChild, by: teacher, byName: teacherName, question: 'Hoe kan ik het leestempo en het leesplezier vergroten?', requested: true, informed: 'yes',
    form: { reason: 'Hulp zonder (voldoende) resultaat', helpQuestion: 'Hoe kan ik het leestempo en het leesplezier vergroten?', background: 'Leest hakkelend; vermijdt lezen in de klas.', triedSoFar: 'Extra instructie in de instructiegroep en duolezen, acht weken.', goal: 'Na tien weken een AVI-niveau hoger.' },
  });
  if (others5[0]) cases.push({
    pupilId: others5[0], by: teacher, byName: teacherName, question: 'Werkhouding: komt niet tot werken bij zelfstandig werk.', requested: false, informed: null,
    form: { reason: 'Ik maak me zorgen', helpQuestion: 'Welke aanpak helpt om zelfstandig aan het werk te gaan?' },
  });
  if (pupil3 && teacher3) cases.push({
    pupilId: pupil3.id, by: teacher3.user_id, byName: names.get(teacher3.user_id) ?? '', question: 'Kandidaat voor verlenging?', requested: false, informed: 'yes',
    form: { reason: 'Kandidaat doublure/verlenging', helpQuestion: 'Is verlenging wenselijk, of kan zij met extra ondersteuning door?' },
  });
  for (const c of cases) {
    await db.execute(sql`
      insert into meeting_cases (meeting_id, pupil_id, proposed_by, proposed_by_name, question, form, parent_part_requested, parents_informed, parents_informed_on, created_at)
      values (${pupilMeeting}, ${c.pupilId}, ${c.by}, ${c.byName}, ${c.question}, ${JSON.stringify(c.form)}::jsonb, ${c.requested}, ${c.informed},
        ${c.informed ? addDays(today, -5) : null}::date, ${addDays(today, -4)}::timestamptz)`);
  }

  // Zorgteam: a groep 7 (or 6) pupil with the parents' part filled in, the consent on paper, and the orthopedagoog.
  if (older) {
    const [careCase] = await rows<{ id: number }>(db, sql`
      insert into meeting_cases (meeting_id, pupil_id, proposed_by, proposed_by_name, question, form, parent_part, parent_part_requested, parent_part_by, parent_part_on,
        parents_informed, parents_informed_on, case_manager_id)
      values (${careTeam}, ${older.id}, ${ib}, ${ibName}, 'Begrijpend lezen blijft ver achter ondanks handelingsplan',
        ${JSON.stringify({
          problem: 'Begrijpend lezen blijft drie perioden op niveau V, ondanks een handelingsplan.',
          pupilQuestion: 'Help mij om te snappen wat ik lees.',
          teacherQuestion: 'Hoe kan ik de instructie begrijpend lezen beter laten aansluiten?',
          doneSoFar: 'Handelingsplan begrijpend lezen (tien weken), extra instructie in een kleine groep.',
          goesWell: 'Sterk in rekenen; werkt graag samen.',
        })}::jsonb,
        ${JSON.stringify({ parentQuestion: 'Wij willen weten of er meer aan de hand is dan alleen lezen.', home: 'Leest thuis niet graag voor.', goesWell: 'Sport veel en is behulpzaam.' })}::jsonb,
        true, 'Ouder', ${addDays(today, -6)}::date, 'yes', ${addDays(today, -7)}::date, ${ib})
      returning id`);
    await db.execute(sql`
      insert into meeting_consents (case_id, pupil_id, decision, scope, given_by_name, method, given_on, recorded_by, recorded_by_name)
      values (${careCase.id}, ${older.id}, 'given', ${`Bespreking van ${older.first_name} in het ${settings.careTeamName} met de orthopedagoog van het samenwerkingsverband`},
        'Ouder met gezag', 'paper', ${addDays(today, -6)}::date, ${ib}, ${ibName})`);
    await db.execute(sql`
      insert into meeting_participants (meeting_id, kind, name, organisation, role)
      values (${careTeam}, 'external', 'Olga van Dijk', 'Samenwerkingsverband De Kempen', 'orthopedagoog')`);
  }
  return ids.length;
}
