// Demo of the care calendar: the school's holidays for the current and next school year (the usual Dutch pattern,
// computed from ISO weeks, so the demo works in any year) and the current year generated from the school's template
// (seed 001 for the PO school, seed 003 for the VO school), with the care coordinator as chair and the meetings at a
// time after school. Dates follow `today`'s school year. Skipped when the school already has calendar items.
import { sql } from 'drizzle-orm';
import type { Holiday } from '../../domain/calendar/model';
import { addDays, parseIsoDate } from '../../domain/school/periods';
import { rows, type DbOrTx } from '../db/client';
import { generateYear, pickYear, schoolFacts, yearsOf } from './repo';

/** The Monday of ISO week `week` of `year`. */
function isoWeekMonday(year: number, week: number): string {
  const jan4 = `${year}-01-04`;
  const dow = parseIsoDate(jan4).getUTCDay() || 7;
  return addDays(jan4, (week - 1) * 7 - (dow - 1));
}

/** A holiday from the Saturday before ISO week `week` for `weeks` weeks (to the Sunday). */
const weeksOff = (name: string, year: number, week: number, weeks: number): Holiday => {
  const monday = isoWeekMonday(year, week);
  return { name, startsOn: addDays(monday, -2), endsOn: addDays(monday, 7 * weeks - 1) };
};

/** The holidays of the school year starting in August of `startYear` (a typical region-midden pattern; fictional). */
export function demoHolidays(startYear: number): Holiday[] {
  const christmas = (() => {
    let d = `${startYear}-12-24`;
    while (parseIsoDate(d).getUTCDay() !== 6) d = addDays(d, -1);
    return { name: 'Kerstvakantie', startsOn: d, endsOn: addDays(d, 15) };
  })();
  return [
    weeksOff('Zomervakantie', startYear, 29, 6),
    weeksOff('Herfstvakantie', startYear, 43, 1),
    christmas,
    weeksOff('Voorjaarsvakantie', startYear + 1, 7, 1),
    weeksOff('Meivakantie', startYear + 1, 17, 1),
    weeksOff('Zomervakantie', startYear + 1, 29, 6),
  ];
}

/** Seeds the calendar of the demo school `schoolId` (PO or VO); returns the number of events and meetings created. */
export async function seedDemoCalendar(db: DbOrTx, schoolId: number, today: string): Promise<number> {
  const [state] = await rows<{ n: number; care: number | null }>(db, sql`
    select (select count(*)::int from calendar_events where school_id = ${schoolId}) as n,
      (select r.user_id from user_roles r where r.school_id = ${schoolId} and r.role = 'care_coordinator' order by r.user_id limit 1) as care`);
  if (state.n > 0) return 0;
  const school = await schoolFacts(db, schoolId);
  const year = school ? pickYear(await yearsOf(db, schoolId), undefined, today) : null;
  if (!school || !year) return 0;
  const start = Number(year.startsOn.slice(0, 4));
  const seen = new Set<string>();
  const holidays = [...demoHolidays(start), ...demoHolidays(start + 1)].filter((h) => !seen.has(h.startsOn) && seen.add(h.startsOn));
  const calendar = { ...school.settings.calendar, holidays };
  await db.execute(sql`update schools set settings = jsonb_set(settings, '{calendar}', ${JSON.stringify(calendar)}::jsonb) where id = ${schoolId}`);
  // The care coordinator: the school's (roles may not be stored yet while the demo board is built), else the `ib` / `zorgcoordinator` login.
  const [care] = state.care !== null ? [{ id: state.care }] : await rows<{ id: number }>(db, sql`select id from users
    where login = ${school.sector === 'po' ? 'ib' : 'zorgcoordinator'}`);
  const result = await generateYear(db, { school: { ...school, settings: { ...school.settings, calendar } }, year, userId: care?.id ?? null, careCoordinatorId: care?.id ?? null });
  // Meetings after school: a groepsbespreking at a quarter past three (PO) or after the last lesson (VO).
  await db.execute(sql`update meetings set starts_at = case when kind = 'careTeam' then '13:30' when ${school.sector} = 'po' then '15:15' else '15:45' end
    where school_id = ${schoolId} and school_year_id = ${year.id} and template_key is not null and starts_at is null`);
  return result.events + result.meetings;
}
