// The groepsoverzicht read is the heaviest of the cycle (30 pupils × years of results × signal rules). Its response is
// kept per overview and served again while nothing it is built from has changed. Whether anything changed is asked of
// the database in one statement that fingerprints every row the view reads: the count and the sum of `xmin` (the id of
// the transaction that wrote the row version) per table part. Any insert, update or delete of such a row changes its
// part of the fingerprint, committed by any process. Results, the one large part, are fingerprinted through
// `pupil_result_stamps`, a counter per pupil that database triggers raise on every change of the pupil's results
// (migration 0008). So the cache needs no invalidation calls and is safe with several server processes. The
// fingerprint is taken *before* the view is built: a view may hold data newer than its fingerprint (the next reader
// sees a different fingerprint and rebuilds), never older. The guard and the audit entries run on every read.
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { prepared, type DbOrTx } from '../db/client';

/** The parts of a fingerprint: `count:sum(xmin)` of the rows of one table part. */
const part = (from: ReturnType<typeof sql>) => sql`(select count(*)::text || ':' || coalesce(sum(t.xmin::text::bigint), 0)::text from ${from})`;

/**
 * The fingerprint of everything `overviewView` reads for overview `id` on `today`: the overview and its lines, their
 * pupils, their results (through pupil_result_stamps), enrolments and groups, the school's years, periods, settings,
 * instruments, norm tables and signal rules, the group's staff and their names, the overview's plan, and the pupils'
 * earlier lines. null: no such overview.
 */
export async function overviewStamp(db: DbOrTx, id: number, today: string): Promise<string | null> {
  // A named statement: its plan is made once per connection (the text is the same for every overview and day).
  const [found] = await prepared<{ stamp: string | null }>(db, 'overview_stamp', overviewStampQuery(id, today));
  return found?.stamp ?? null;
}

/** The fingerprint statement (one row, column `stamp`); exported for the benchmark's EXPLAIN. */
export function overviewStampQuery(id: number, today: string) {
  // Every part looks rows up by key through arrays (`= any(...)`), so each is an index scan however large the board.
  return sql`
    with o as (select id, school_id, group_id, xmin from group_overviews where id = ${id}),
      l as (select coalesce(array_agg(pupil_id), '{}'::int[]) as ids from group_overview_lines where overview_id = ${id}),
      y as (select coalesce(array_agg(id), '{}'::int[]) as ids from school_years where school_id = (select school_id from o)),
      i as (select coalesce(array_agg(id), '{}'::int[]) as ids from instruments where school_id = (select school_id from o)),
      s as (select coalesce(array_agg(user_id), '{}'::int[]) as ids from group_staff where group_id = (select group_id from o))
    select case when exists (select 1 from o) then concat_ws('|',
      (select xmin::text from o),
      ${part(sql`group_overview_lines t where t.overview_id = ${id}`)},
      ${part(sql`pupils t where t.id = any((select ids from l)::int[])`)},
      (select coalesce(sum(t.stamp), 0)::text from pupil_result_stamps t where t.pupil_id = any((select ids from l)::int[])),
      ${part(sql`enrolments t where t.pupil_id = any((select ids from l)::int[])`)},
      ${part(sql`groups t where t.id = any((select array_agg(e.group_id) from enrolments e where e.pupil_id = any((select ids from l)::int[]))::int[])`)},
      ${part(sql`groups t where t.id = (select group_id from o)`)},
      ${part(sql`school_years t where t.id = any((select ids from y)::int[])`)},
      ${part(sql`care_periods t where t.school_year_id = any((select ids from y)::int[])`)},
      ${part(sql`schools t where t.id = (select school_id from o)`)},
      ${part(sql`instruments t where t.id = any((select ids from i)::int[])`)},
      ${part(sql`norm_tables t where t.instrument_id = any((select ids from i)::int[])`)},
      ${part(sql`signal_rules t where t.school_id = (select school_id from o)`)},
      ${part(sql`group_staff t where t.group_id = (select group_id from o)`)},
      ${part(sql`users t where t.id = any((select ids from s)::int[])`)},
      ${part(sql`group_plans t where t.overview_id = ${id}`)},
      ${part(sql`group_overview_lines t where t.pupil_id = any((select ids from l)::int[]) and t.overview_id <> ${id}`)},
      ${part(sql`group_overviews t where t.id = any((select array_agg(pl.overview_id) from group_overview_lines pl where pl.pupil_id = any((select ids from l)::int[]))::int[])`)},
      ${today}::text) end as stamp`;
}

export interface CachedOverview {
  stamp: string;
  schoolId: number;
  pupilIds: number[];
  /** The response without `canEdit` (which depends on the user), serialised: `{...}`. */
  json: string;
  /** The gzip-compressed body per value of `canEdit`, made on first use (browsers accept gzip; ~8× smaller). */
  gzip?: Partial<Record<'true' | 'false', Buffer>>;
}

/** The body for one user: `canEdit` first, then the cached part. */
export function overviewBody(entry: CachedOverview, canEdit: boolean): string {
  return `{"canEdit":${canEdit},${entry.json.slice(1)}`;
}

/** The gzip-compressed body for one user, compressed once per cached overview and value of `canEdit`. */
export function overviewBodyGzip(entry: CachedOverview, canEdit: boolean): Buffer {
  const key = canEdit ? 'true' : 'false';
  entry.gzip ??= {};
  return (entry.gzip[key] ??= gzipSync(overviewBody(entry, canEdit)));
}

/** A small LRU of serialised overviews (a 30-pupil overview is about 250 KB). */
export class OverviewCache {
  private readonly entries = new Map<number, CachedOverview>();
  constructor(private readonly max = 64) {}

  get(id: number, stamp: string): CachedOverview | null {
    const hit = this.entries.get(id);
    if (!hit || hit.stamp !== stamp) return null;
    this.entries.delete(id);
    this.entries.set(id, hit);
    return hit;
  }

  set(id: number, entry: CachedOverview): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}
