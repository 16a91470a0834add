// Opens the database: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in DATA_DIR.
// Both run the same migrations from drizzle/ on start.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** Default pg pool size: about 2 × cores of the 2-core target machine (docs/benchmarks.md). DB_POOL_SIZE overrides it in start(). */
export const DEFAULT_POOL_SIZE = 4;

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

export async function openDatabase(opts: { url?: string; dataDir?: string; loadDataDir?: Blob; poolSize?: number }): Promise<Database> {
  if (opts.url) {
    const pg = (await import('pg')).default;
    // Same value types as PGlite: int8 as number, dates as 'YYYY-MM-DD' strings.
    pg.types.setTypeParser(20, (v: string) => Number(v));
    pg.types.setTypeParser(1082, (v: string) => v);
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? DEFAULT_POOL_SIZE });
    // An idle connection dropped by the server (restart, failover) must not crash the process; the pool replaces it.
    pool.on('error', (e) => console.warn(`PostgreSQL: verbinding verbroken (${e.message})`));
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const db = drizzle(pool, { schema }) as unknown as Db;
    // Only the root db of a PostgreSQL database is registered: transactions and PGlite fall back to db.execute.
    namedStatementPools.set(db, { pool: pool as unknown as NamedQueryPool, types: resultTypes(pg.types) });
    rootDbs.add(db);
    pgPools.set(db, { pool, wrap: (client) => drizzle(client as never, { schema }) as unknown as Db });
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let dataDir: string | undefined;
  if (opts.dataDir) {
    dataDir = path.join(opts.dataDir, 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const client = await PGlite.create({ dataDir, loadDataDir: opts.loadDataDir });
  const db = drizzle(client, { schema }) as unknown as Db;
  rootDbs.add(db);
  return { db, kind: 'pglite', close: () => client.close() };
}

export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(database.db as never, { migrationsFolder });
  } else {
    const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
    await run(database.db as never, { migrationsFolder });
  }
}

const rootDbs = new WeakSet<object>();

interface PgPoolLike { connect(): Promise<PgClientLike> }
interface PgClientLike { query(q: unknown): unknown; release(err?: Error): void }
const pgPools = new WeakMap<object, { pool: PgPoolLike; wrap: (client: PgClientLike) => Db }>();

/** Streams rows into `COPY … FROM STDIN` (text format: one line per row, tab-separated, \\N for null). */
export type CopyIn = (copySql: string, lines: AsyncIterable<string> | Iterable<string>) => Promise<void>;

/**
 * A transaction on its own connection. On PostgreSQL it also offers `copyIn` (bulk loading through COPY, e.g. the
 * result import); on PGlite `copyIn` is null and the caller inserts in batches. Commits when `fn` resolves, rolls back
 * when it throws; a process that dies in between leaves nothing (the server rolls back).
 */
export async function bulkTransaction<T>(db: Db, fn: (tx: DbOrTx, copyIn: CopyIn | null) => Promise<T>): Promise<T> {
  const pg = pgPools.get(db);
  if (!pg) return db.transaction((tx) => fn(tx, null));
  const { from } = await import('pg-copy-streams');
  const { pipeline } = await import('node:stream/promises');
  const { Readable } = await import('node:stream');
  const client = await pg.pool.connect();
  const tx = pg.wrap(client);
  const copyIn: CopyIn = (copySql, lines) => pipeline(Readable.from(lines), client.query(from(copySql)) as NodeJS.WritableStream);
  try {
    await tx.execute(sql`begin`);
    const out = await fn(tx, copyIn);
    await tx.execute(sql`commit`);
    client.release();
    return out;
  } catch (e) {
    // A connection whose rollback failed is in an unknown state: the pool drops it instead of reusing it.
    const rolledBack = await tx.execute(sql`rollback`).then(() => true, () => false);
    client.release(rolledBack ? undefined : e instanceof Error ? e : new Error(String(e)));
    throw e;
  }
}

/** True for a database opened by openDatabase, false for a transaction (whose statements must stay in it). */
export function isRootDb(db: DbOrTx): db is Db {
  return rootDbs.has(db);
}

/** Rows of a raw query, the same shape on both drivers. */
export async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

// ---- Named (prepared) statements for the hot read path, PostgreSQL only -------------------------------------------
// PostgreSQL parses and plans every unnamed statement again; a named one is parsed and planned once per pool connection
// and its plan can be reused. node-postgres prepares a statement the first time a connection sees its name.

interface NamedQueryPool {
  query(config: { name: string; text: string; values: unknown[]; types: unknown }): Promise<{ rows: unknown[] }>;
}

const namedStatementPools = new WeakMap<object, { pool: NamedQueryPool; types: unknown }>();
const dialect = new PgDialect();
const textByName = new Map<string, string>();

// The same result types as drizzle's db.execute on node-postgres (drizzle-orm/node-postgres/session.js):
// timestamps, dates, intervals and their arrays stay strings; everything else uses pg's global parsers
// (set in openDatabase: int8 → number, date → string).
const PASSTHROUGH_TYPES = new Set([1184, 1114, 1082, 1186, 1231, 1115, 1185, 1187, 1182]);
function resultTypes(pgTypes: { getTypeParser(oid: number, format?: 'text'): unknown }) {
  const raw = (v: string) => v;
  return { getTypeParser: (oid: number, format?: string) => (PASSTHROUGH_TYPES.has(oid) ? raw : pgTypes.getTypeParser(oid, (format ?? 'text') as 'text')) };
}

/**
 * Rows of a raw query, the same shape as rows(). On the root db of a PostgreSQL database it runs as the named statement
 * `name`; inside a transaction, or on PGlite, it runs like rows() (so it sees the transaction's changes).
 * The SQL text of one name must never change: pass values as parameters, never through sql.raw.
 */
export async function prepared<T>(db: DbOrTx, name: string, query: SQL): Promise<T[]> {
  const named = namedStatementPools.get(db);
  if (!named) return rows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  const known = textByName.get(name);
  if (known === undefined) textByName.set(name, text);
  else if (known !== text) throw new Error(`prepared statement "${name}" was given a different SQL text`);
  const res = await named.pool.query({ name, text, values: params, types: named.types });
  return res.rows as T[];
}

/** An integer array bound as one parameter (`= any(${intArray(ids)})`): the SQL text stays the same for any ids. */
export function intArray(values: readonly number[], type: 'int' | 'smallint' = 'int'): SQL {
  return sql`${sql.param(values.map((n) => Math.trunc(n)))}::${sql.raw(type)}[]`;
}

export { sql };

/** Inserts many rows through json_to_recordset, 5,000 per statement (fast on PGlite and PostgreSQL alike; demo data). */
export async function bulkInsert(db: DbOrTx, table: string, columns: Record<string, string>, data: Record<string, unknown>[]): Promise<void> {
  const chunk = 5000;
  const cols = Object.keys(columns);
  const defs = cols.map((c) => `${c} ${columns[c]}`).join(', ');
  for (let i = 0; i < data.length; i += chunk) {
    const part = JSON.stringify(data.slice(i, i + chunk));
    await db.execute(sql`insert into ${sql.raw(table)} (${sql.raw(cols.join(', '))})
      select ${sql.raw(cols.join(', '))} from json_to_recordset(${part}::json) as x(${sql.raw(defs)})`);
  }
}

/** A unique-index violation (both drivers; drizzle may wrap the driver's error). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
}

/** A timestamptz column as ISO text (the same on both drivers). */
export const isoTimestamp = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
