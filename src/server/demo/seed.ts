// The fictional demo school, generated reproducibly from a seed. Names come from faker's Dutch locale:
// invented combinations, no real people. `generateBoard` also makes board-size data for benchmarks.
import { Faker, nl, en, base } from '@faker-js/faker';
import { sql } from 'drizzle-orm';
import { addDays, schoolYearOf } from '../../domain/school/periods';
import { defaultSchoolSettings } from '../../domain/school/settings';
import { ensureDefaultInstruments } from '../assessments/defaults';
import { seedDemoResults } from '../assessments/demo';
import { seedDemoGroupCycle } from '../group-cycle/demo';
import { seedDemoSupport } from '../support/demo';
import { seedDemoMeetings } from '../meetings/demo';
import { seedDemoCalendar } from '../calendar/demo';
import { hashPassword } from '../auth/password';
import { bulkInsert, rows, type DbOrTx } from '../db/client';

export const DEMO_PASSWORD = 'demo-wachtwoord';

export interface DemoLogin {
  role: string;
  login: string;
  password: string;
  /** What this login shows in the demo. */
  note: string;
}

export const DEMO_LOGINS: DemoLogin[] = [
  { role: 'groepsleerkracht', login: 'leerkracht', password: DEMO_PASSWORD, note: 'groep 5 van De Meerpaal' },
  { role: 'intern begeleider', login: 'ib', password: DEMO_PASSWORD, note: 'hele school De Meerpaal' },
  { role: 'directeur', login: 'directeur', password: DEMO_PASSWORD, note: 'De Meerpaal (leest mee)' },
  { role: 'mentor', login: 'mentor', password: DEMO_PASSWORD, note: 'klas 2H van het Lindecollege' },
  { role: 'vakdocent', login: 'vakdocent', password: DEMO_PASSWORD, note: 'Nederlands, klassen 1–3 van het Lindecollege' },
  { role: 'zorgcoördinator', login: 'zorgcoordinator', password: DEMO_PASSWORD, note: 'hele Lindecollege' },
  { role: 'beheerder', login: 'beheerder', password: DEMO_PASSWORD, note: 'inrichting van beide scholen en het bestuur' },
  { role: 'ouder', login: 'ouder', password: DEMO_PASSWORD, note: 'ouder met gezag van een kind in groep 5' },
  { role: 'bestuur', login: 'bestuur', password: DEMO_PASSWORD, note: 'bestuur: alle scholen, geen zorginhoud' },
];

type Rng = Faker;

const USER_COLUMNS = { id: 'int', login: 'text', name: 'text', email: 'text', phone: 'text', password_hash: 'text' };

interface SchoolPlan {
  name: string;
  brin: string;
  sector: 'po' | 'vo';
  /** Groups per school year: name, grades, level. The same names every year; pupils move up a grade. */
  groups: { name: string; grades: number[]; level: string | null; size: number }[];
}

const PO_GROUPS: SchoolPlan['groups'] = [
  { name: '1/2a', grades: [1, 2], level: null, size: 24 },
  { name: '1/2b', grades: [1, 2], level: null, size: 24 },
  { name: '3', grades: [3], level: null, size: 26 },
  { name: '4', grades: [4], level: null, size: 25 },
  { name: '5', grades: [5], level: null, size: 27 },
  { name: '6', grades: [6], level: null, size: 25 },
  { name: '7', grades: [7], level: null, size: 24 },
  { name: '8', grades: [8], level: null, size: 25 },
];

const VO_GROUPS: SchoolPlan['groups'] = [
  { name: '1MH', grades: [1], level: 'mavo/havo', size: 26 },
  { name: '1HV', grades: [1], level: 'havo/vwo', size: 27 },
  { name: '2H', grades: [2], level: 'havo', size: 25 },
  { name: '2V', grades: [2], level: 'vwo', size: 24 },
  { name: '3H', grades: [3], level: 'havo', size: 26 },
  { name: '3V', grades: [3], level: 'vwo', size: 23 },
];

/** Allocates ids from a table's sequence, so related rows can be built before they are inserted. */
async function ids(db: DbOrTx, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const r = await rows<{ id: number }>(db, sql.raw(`select nextval('${table}_id_seq')::int as id from generate_series(1, ${n})`));
  return r.map((x) => x.id);
}

function isoBetween(rng: Rng, from: string, to: string): string {
  return rng.date.between({ from: `${from}T12:00:00Z`, to: `${to}T12:00:00Z` }).toISOString().slice(0, 10);
}

function slug(s: string) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');
}

export interface GenerateOptions {
  today: string;
  seed?: number;
  /** Board-size data: this many extra PO schools of about `pupilsPerSchool` pupils each. */
  extraSchools?: number;
  pupilsPerSchool?: number;
  /** Create the demo logins with passwords (argon2 hashing costs ~25 ms each). */
  withLogins?: boolean;
  /**
   * Test results of the extra (board-size) schools: when set, drawn from fourteen PO instruments over the three school
   * years, at most this many per pupil (the most recent). About 39 per pupil come out on average (groep 1–2 only
   * have observation lists), so 50 schools × 400 pupils with resultsPerPupil ≥ 60 give ≈ 0.8 M results (500 pupils ≈ 1 M).
   * Default: the demo set (Cito rekenen, spelling, begrijpend lezen, DMT, AVI; about 9 per pupil per school year).
   */
  resultsPerPupil?: number;
}

export async function generateBoard(db: DbOrTx, opts: GenerateOptions): Promise<void> {
  const rng = new Faker({ locale: [nl, en, base] });
  rng.seed(opts.seed ?? 2026);
  const current = schoolYearOf(opts.today);
  const startYear = Number(current.name.slice(0, 4));
  const years = [startYear - 2, startYear - 1, startYear].map((y) => ({ name: `${y}-${y + 1}`, startsOn: `${y}-08-01`, endsOn: `${y + 1}-07-31` }));

  const [board] = await rows<{ id: number }>(db, sql`insert into boards (name) values ('Stichting Koers Voorbeeldscholen') returning id`);
  const plans: SchoolPlan[] = [
    { name: 'Basisschool De Meerpaal', brin: '99KA', sector: 'po', groups: PO_GROUPS },
    { name: 'Lindecollege', brin: '99KB00', sector: 'vo', groups: VO_GROUPS },
  ];
  const size = opts.pupilsPerSchool ?? 400;
  for (let i = 0; i < (opts.extraSchools ?? 0); i++) {
    const perGroup = Math.max(5, Math.round(size / 16));
    plans.push({
      name: `Basisschool ${rng.location.street().split(' ')[0]} ${i + 1}`,
      brin: `${String(10 + Math.floor(i / 26)).padStart(2, '0')}${String.fromCharCode(65 + (i % 26))}Z`,
      sector: 'po',
      groups: [1, 2, 3, 4, 5, 6, 7, 8].flatMap((g) => ['a', 'b'].map((x) => ({ name: `${g}${x}`, grades: [g], level: null, size: perGroup }))),
    });
  }

  const users: Record<string, unknown>[] = [];
  const roles: Record<string, unknown>[] = [];
  const usedLogins = new Set<string>();
  const newUser = async (name: string, email: string | null, preferLogin?: string) => {
    let login = preferLogin ?? slug(name);
    for (let n = 2; usedLogins.has(login); n++) login = `${slug(name)}${n}`;
    usedLogins.add(login);
    const [id] = await ids(db, 'users', 1);
    users.push({ id, login, name, email, phone: null, password_hash: null });
    return id;
  };
  const demoHash = opts.withLogins === false ? null : await hashPassword(DEMO_PASSWORD);
  const demoUser = async (login: string, name: string) => {
    const id = await newUser(name, `${login}@voorbeeld.invalid`, login);
    users[users.length - 1].password_hash = demoHash;
    return id;
  };

  const boardUser = await demoUser('bestuur', 'Marieke Bestuurder');
  roles.push({ user_id: boardUser, role: 'board', school_id: null, board_id: board.id });
  const adminUser = await demoUser('beheerder', 'Tom Beheer');
  roles.push({ user_id: adminUser, role: 'admin', school_id: null, board_id: board.id });

  for (const [schoolIndex, plan] of plans.entries()) {
    const [school] = await rows<{ id: number }>(db, sql`insert into schools (board_id, name, brin, sector, settings)
      values (${board.id}, ${plan.name}, ${plan.brin}, ${plan.sector}, ${JSON.stringify(defaultSchoolSettings(plan.sector))}::jsonb) returning id`);
    await ensureDefaultInstruments(db, [school.id]);
    roles.push({ user_id: adminUser, role: 'admin', school_id: school.id, board_id: null });
    const demo = schoolIndex < 2 && opts.withLogins !== false;
    const yearIds = await ids(db, 'school_years', years.length);
    await bulkInsert(db, 'school_years', { id: 'int', school_id: 'int', name: 'text', starts_on: 'date', ends_on: 'date' },
      years.map((y, i) => ({ id: yearIds[i], school_id: school.id, name: y.name, starts_on: y.startsOn, ends_on: y.endsOn })));
    // Care-cycle periods: De Meerpaal works in two halves, the Lindecollege in three cycles.
    const periods = years.flatMap((y, i) => plan.sector === 'po'
      ? [{ seq: 1, name: '1e helft', starts_on: y.startsOn, ends_on: `${Number(y.name.slice(5)) }-02-28` }, { seq: 2, name: '2e helft', starts_on: `${Number(y.name.slice(5))}-03-01`, ends_on: y.endsOn }]
        .map((p) => ({ ...p, school_year_id: yearIds[i] }))
      : [{ seq: 1, name: 'Cyclus 1', starts_on: y.startsOn, ends_on: `${y.name.slice(0, 4)}-11-30` }, { seq: 2, name: 'Cyclus 2', starts_on: `${y.name.slice(0, 4)}-12-01`, ends_on: `${y.name.slice(5)}-03-15` }, { seq: 3, name: 'Cyclus 3', starts_on: `${y.name.slice(5)}-03-16`, ends_on: y.endsOn }]
        .map((p) => ({ ...p, school_year_id: yearIds[i] })));
    await bulkInsert(db, 'care_periods', { school_year_id: 'int', seq: 'int', name: 'text', starts_on: 'date', ends_on: 'date' }, periods);

    // Staff.
    const staffName = () => `${rng.person.firstName()} ${rng.person.lastName()}`;
    const staffEmail = (name: string) => `${slug(name)}@${slug(plan.name).replace(/\./g, '')}.voorbeeld.invalid`;
    const care = demo ? await demoUser(plan.sector === 'po' ? 'ib' : 'zorgcoordinator', plan.sector === 'po' ? 'Ingrid Bakker' : 'Ziggy de Zorg') : await newUser(staffName(), null);
    roles.push({ user_id: care, role: 'care_coordinator', school_id: school.id, board_id: null });
    const director = demo && plan.sector === 'po' ? await demoUser('directeur', 'Dirk Directeur') : await newUser(staffName(), null);
    roles.push({ user_id: director, role: 'director', school_id: school.id, board_id: null });

    // One teacher (PO) or mentor (VO) per group name, the same person every year; a duo in PO groep 3.
    const groupStaff = new Map<string, { userId: number; kind: 'teacher' | 'mentor' | 'subject_teacher' }[]>();
    for (const g of plan.groups) {
      const isDemoTeacher = demo && plan.sector === 'po' && g.name === '5';
      const isDemoMentor = demo && plan.sector === 'vo' && g.name === '2H';
      const name = isDemoTeacher ? 'Lotte Leerkracht' : isDemoMentor ? 'Mehmet Mentor' : staffName();
      const uid = isDemoTeacher ? await demoUser('leerkracht', name) : isDemoMentor ? await demoUser('mentor', name) : await newUser(name, staffEmail(name));
      const kind = plan.sector === 'po' ? 'teacher' as const : 'mentor' as const;
      roles.push({ user_id: uid, role: kind, school_id: school.id, board_id: null });
      if (plan.sector === 'vo') roles.push({ user_id: uid, role: 'subject_teacher', school_id: school.id, board_id: null });
      const list = [{ userId: uid, kind }];
      if (plan.sector === 'po' && g.name === '3') {
        const duo = await newUser(staffName(), null);
        roles.push({ user_id: duo, role: 'teacher', school_id: school.id, board_id: null });
        list.push({ userId: duo, kind: 'teacher' });
      }
      groupStaff.set(g.name, list);
    }
    if (plan.sector === 'vo') {
      // Subject teachers teach several classes; the demo one teaches Dutch in leerjaar 1–3.
      const vak = demo ? await demoUser('vakdocent', 'Vera Vakdocent') : await newUser(staffName(), null);
      roles.push({ user_id: vak, role: 'subject_teacher', school_id: school.id, board_id: null });
      for (const g of plan.groups) groupStaff.get(g.name)!.push({ userId: vak, kind: 'subject_teacher' });
    }

    // Groups per year.
    const groupRows: Record<string, unknown>[] = [];
    const groupId = new Map<string, number>();
    const allGroupIds = await ids(db, 'groups', plan.groups.length * years.length);
    let gi = 0;
    years.forEach((y, yi) => plan.groups.forEach((g) => {
      const id = allGroupIds[gi++];
      groupId.set(`${yi}:${g.name}`, id);
      groupRows.push({ id, school_id: school.id, school_year_id: yearIds[yi], name: g.name, grades: `{${g.grades.join(',')}}`, level: g.level });
    }));
    await bulkInsert(db, 'groups', { id: 'int', school_id: 'int', school_year_id: 'int', name: 'text', grades: 'smallint[]', level: 'text' }, groupRows);
    await bulkInsert(db, 'users', USER_COLUMNS, users.splice(0));
    await bulkInsert(db, 'group_staff', { group_id: 'int', user_id: 'int', kind: 'text' },
      years.flatMap((_, yi) => plan.groups.flatMap((g) => groupStaff.get(g.name)!.map((s) => ({ group_id: groupId.get(`${yi}:${g.name}`), user_id: s.userId, kind: s.kind })))));

    // Pupils: cohorts by grade in the current year; each pupil's history walks back one grade a year.
    const maxGrade = plan.sector === 'po' ? 8 : 3;
    const pupils: Record<string, unknown>[] = [];
    const enrol: Record<string, unknown>[] = [];
    const guardianRows: Record<string, unknown>[] = [];
    const parentUsers: { id: number; lastName: string }[] = [];
    const groupsForGrade = (grade: number) => plan.groups.filter((g) => g.grades.includes(grade));
    /** Pupils per grade: a combination group's size is shared by its grades. */
    const perGrade = (grade: number) => groupsForGrade(grade).reduce((n, g) => n + Math.round(g.size / g.grades.length), 0);
    let demoParentDone = !demo || plan.sector !== 'po';
    // Cohorts: for the current year grades 1..max, plus the cohorts that already left (grade max in the two earlier years).
    const cohorts: { gradeNow: number }[] = [];
    for (let g = plan.sector === 'po' ? 1 : 1; g <= maxGrade + 2; g++) cohorts.push({ gradeNow: g });
    for (const { gradeNow } of cohorts) {
      const count = perGrade(Math.min(gradeNow, maxGrade));
      const pupilIds = await ids(db, 'pupils', count);
      for (let k = 0; k < count; k++) {
        const id = pupilIds[k];
        const repeated = gradeNow > 3 && gradeNow <= maxGrade && rng.number.int(100) < 3;
        const sibling = parentUsers.length > 10 && rng.number.int(100) < 12 ? rng.helpers.arrayElement(parentUsers) : null;
        const lastName = sibling?.lastName ?? rng.person.lastName();
        const firstName = rng.person.firstName();
        // Birth: PO groep g in the school year starting in August Y is born around Y-3-g; VO leerjaar g around Y-11-g.
        const offset = plan.sector === 'po' ? 3 + gradeNow + (repeated ? 1 : 0) : 11 + gradeNow + (repeated ? 1 : 0);
        const birthYear = startYear - offset;
        const birthDate = isoBetween(rng, `${birthYear - 1}-10-02`, `${birthYear}-10-01`);
        const lateEntry = rng.number.int(100) < 8;
        const firstGradeYearStart = startYear - (gradeNow - 1) - (repeated ? 1 : 0);
        const regularEntry = plan.sector === 'po' ? addDays(birthDate, 4 * 365 + 1) : `${firstGradeYearStart}-08-20`;
        const entryDate = lateEntry ? isoBetween(rng, `${startYear - 1}-09-01`, addDays(opts.today, -30)) : regularEntry;
        const left = gradeNow > maxGrade;
        const leaveDate = left ? `${startYear - (gradeNow - maxGrade) + 1}-07-15` : null;
        pupils.push({ id, school_id: school.id, first_name: firstName, last_name: lastName, birth_date: birthDate, entry_date: entryDate, leave_date: leaveDate });
        // History: three years back, one grade per year (a repeater stays in the same grade once).
        for (let yi = years.length - 1, grade = gradeNow; yi >= 0; yi--) {
          const yearStart = years[yi].startsOn;
          if (grade >= 1 && grade <= maxGrade && entryDate <= years[yi].endsOn && !(leaveDate && leaveDate < yearStart)) {
            const options = groupsForGrade(grade);
            const g = options[(id + yi) % options.length];
            enrol.push({ pupil_id: id, group_id: groupId.get(`${yi}:${g.name}`), school_year_id: yearIds[yi], grade });
          }
          if (!(repeated && yi === years.length - 1)) grade--;
        }
        // Parents: most pupils two with gezag, some one, some a second parent without gezag; siblings share parents.
        if (sibling) {
          const shared = parentUsers.filter((p) => p.id === sibling.id);
          for (const p of shared) guardianRows.push({ pupil_id: id, user_id: p.id, relation: 'ouder', has_authority: true });
          continue;
        }
        const dice = rng.number.int(100);
        const wantDemo = !demoParentDone && gradeNow === 5 && !repeated && !lateEntry;
        const mother = `${rng.person.firstName('female')} ${lastName}`;
        const motherId = wantDemo ? await demoUser('ouder', `Olga ${lastName}`) : await newUser(mother, `${slug(mother)}.${id}@voorbeeld.invalid`);
        if (wantDemo) demoParentDone = true;
        roles.push({ user_id: motherId, role: 'parent', school_id: school.id, board_id: null });
        guardianRows.push({ pupil_id: id, user_id: motherId, relation: 'moeder', has_authority: true });
        parentUsers.push({ id: motherId, lastName });
        if (dice < 80) {
          const father = `${rng.person.firstName('male')} ${lastName}`;
          const fatherId = await newUser(father, `${slug(father)}.${id}@voorbeeld.invalid`);
          roles.push({ user_id: fatherId, role: 'parent', school_id: school.id, board_id: null });
          guardianRows.push({ pupil_id: id, user_id: fatherId, relation: 'vader', has_authority: dice < 70 });
        }
      }
    }
    await bulkInsert(db, 'users', USER_COLUMNS, users.splice(0));
    await bulkInsert(db, 'pupils', { id: 'int', school_id: 'int', first_name: 'text', last_name: 'text', birth_date: 'date', entry_date: 'date', leave_date: 'date' }, pupils);
    await bulkInsert(db, 'enrolments', { pupil_id: 'int', group_id: 'int', school_year_id: 'int', grade: 'int' }, enrol);
    await bulkInsert(db, 'guardians', { pupil_id: 'int', user_id: 'int', relation: 'text', has_authority: 'boolean' }, guardianRows);
    // Test results over the three school years (pupil monitoring).
    await seedDemoResults(db, {
      schoolId: school.id, sector: plan.sector, seed: opts.seed ?? 2026, today: opts.today,
      years: years.map((y, i) => ({ id: yearIds[i], startYear: Number(y.name.slice(0, 4)) })),
      enrolments: enrol.map((e) => ({ pupilId: e.pupil_id as number, schoolYearId: e.school_year_id as number, grade: e.grade as number })),
      resultsPerPupil: schoolIndex >= 2 ? opts.resultsPerPupil : undefined,
    });
    // A finished group-cycle period (last year's second half) behind the demo teacher's groep 5.
    if (demo && plan.sector === 'po') await seedDemoGroupCycle(db, school.id, '5', years[1].startsOn);
    // Individual support: levels, handelingsplannen and an OPP with a parent's consent (never for the demo parent's child).
    if (demo && plan.sector === 'po') await seedDemoSupport(db, school.id, opts.today);
    // Meetings: a held groepsbespreking with its verslag and actions, the next one, a leerlingbespreking and a zorgteam.
    if (demo && plan.sector === 'po') await seedDemoMeetings(db, school.id, opts.today);
    // The care calendar of the year, generated from the school's template (after the meetings planned by hand).
    if (demo) await seedDemoCalendar(db, school.id, opts.today);
  }
  await bulkInsert(db, 'users', USER_COLUMNS, users.splice(0));
  await bulkInsert(db, 'user_roles', { user_id: 'int', role: 'text', school_id: 'int', board_id: 'int' }, roles);
}

/** Creates the demo board on an empty database (with `scale` extra schools of 400 pupils); returns the demo logins either way. */
export async function ensureDemo(db: DbOrTx, today: string, scale = 0): Promise<DemoLogin[]> {
  const [existing] = await rows<{ n: number }>(db, sql`select count(*)::int as n from boards`);
  if (existing.n === 0) await db.transaction(async (tx) => generateBoard(tx, { today, extraSchools: scale, pupilsPerSchool: 400 }));
  const present = await rows<{ login: string }>(db, sql`select login from users where password_hash is not null`);
  const logins = new Set(present.map((p) => p.login));
  return DEMO_LOGINS.filter((l) => logins.has(l.login));
}
