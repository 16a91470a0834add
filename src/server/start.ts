// Composition root: configuration → database → migrations → demo school (first start) → HTTP.
import { systemClock } from './clock';
import { loadConfig, type Config } from './config';
import { migrate, openDatabase, type Database } from './db/client';
import { ensureDefaultInstruments } from './assessments/defaults';
import { ensureDemo, type DemoLogin } from './demo/seed';
import { buildApp, type App } from './http/app';
import { startOutboxJob } from './outbox/outbox';

export interface Running {
  app: App;
  database: Database;
  url: string;
  demoLogins: DemoLogin[];
  stop(): Promise<void>;
}

export async function start(config: Config = loadConfig(), opts: { demo?: boolean; scale?: number } = {}): Promise<Running> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir, poolSize: config.DB_POOL_SIZE });
  await migrate(database);
  // Schools that predate a default instrument (a newer Koers version) get it; nothing a school changed is touched.
  await ensureDefaultInstruments(database.db);
  const clock = systemClock(config.KOERS_TODAY);
  const demoLogins = opts.demo === false ? [] : await ensureDemo(database.db, clock.today(), opts.scale ?? 0);
  const app = await buildApp({ db: database.db, dbKind: database.kind, config, clock });
  const stopOutbox = startOutboxJob(app);
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const url = address.replace('[::1]', 'localhost');
  return {
    app, database, url, demoLogins,
    async stop() {
      stopOutbox();
      await app.close();
      await database.close();
    },
  };
}
