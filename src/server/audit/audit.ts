import { sql } from 'drizzle-orm';
import { isRootDb, prepared, type Db, type DbOrTx } from '../db/client';

export interface AuditEntry {
  actorId: number | null;
  schoolId: number | null;
  pupilId: number | null;
  /** read, list, create, update, delete, denied, login, ... */
  action: string;
  /** pupil, enrolment, guardian, group, ... */
  entity: string;
  entityId?: string | number | null;
  detail?: unknown;
  ip?: string | null;
}

/**
 * Appends audit entries. The promise resolves only once the entries are stored, and every caller awaits it before
 * it answers, so no served read goes unrecorded.
 *
 * Inside a transaction the entries are inserted in that transaction (they commit or roll back with the write they
 * record). Outside one, entries of concurrent requests are written together ("group commit"): while one insert
 * is under way, new entries queue, and the next insert takes all of them in one statement. At one request at a
 * time nothing waits; under load, one statement and one commit serve many requests.
 */
export async function audit(db: DbOrTx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  if (!isRootDb(db)) return insertEntries(db, list);
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new GroupWriter(db)));
  return writer.add(list);
}

/** One statement with a fixed text for any number of entries (the columns travel as arrays), so it can be prepared. */
async function insertEntries(db: DbOrTx, list: readonly AuditEntry[]): Promise<void> {
  const col = <T>(f: (e: AuditEntry) => T) => sql.param(list.map(f));
  await prepared(db, 'koers_audit_insert', sql`insert into audit_log (actor_id, school_id, pupil_id, action, entity, entity_id, detail, ip)
    select * from unnest(${col((e) => e.actorId)}::int[], ${col((e) => e.schoolId)}::int[], ${col((e) => e.pupilId)}::int[],
      ${col((e) => e.action)}::text[], ${col((e) => e.entity)}::text[], ${col((e) => (e.entityId == null ? null : String(e.entityId)))}::text[],
      ${col((e) => (e.detail === undefined ? null : JSON.stringify(e.detail)))}::jsonb[], ${col((e) => e.ip ?? null)}::text[])`);
}

interface Waiter { entries: AuditEntry[]; resolve: () => void; reject: (e: unknown) => void }

const writers = new WeakMap<Db, GroupWriter>();

/** Largest number of entries in one insert (a page listing 2,000 pupils writes 2,000 at once; that is one batch). */
const MAX_BATCH = 5_000;

class GroupWriter {
  private queue: Waiter[] = [];
  private busy = false;
  constructor(private readonly db: Db) {}

  add(entries: AuditEntry[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      if (!this.busy) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.busy = true;
    while (this.queue.length > 0) {
      const batch: Waiter[] = [];
      let size = 0;
      while (this.queue.length > 0 && (batch.length === 0 || size + this.queue[0].entries.length <= MAX_BATCH)) {
        const w = this.queue.shift()!;
        batch.push(w);
        size += w.entries.length;
      }
      try {
        await insertEntries(this.db, batch.flatMap((w) => w.entries));
        for (const w of batch) w.resolve();
      } catch (e) {
        // The whole batch failed (the database is down, say): none of these requests may be answered as served.
        for (const w of batch) w.reject(e);
      }
    }
    this.busy = false;
  }
}
