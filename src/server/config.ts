import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** Connections in the PostgreSQL pool (ignored for the embedded database). About 2 × cores; see docs/benchmarks.md. */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(4),
  /** Base URL used in e-mailed links (password reset); defaults to the listening address. */
  PUBLIC_URL: z.string().url().optional(),
  /** smtp://user:pass@host:port — when set, the outbox job sends mail; otherwise messages stay in the outbox. */
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('Koers <noreply@koers.invalid>'),
  /** Set to 1 when served over https: cookies become Secure and the CSP upgrades requests. */
  TLS: z.enum(['0', '1']).default('0'),
  /** Pretend today is this date (demo and tests); production leaves it unset. */
  KOERS_TODAY: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated); default: loopback only. */
  TRUST_PROXY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export type Config = z.infer<typeof envSchema> & { dataDir: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset (e.g. `DATABASE_URL= npm start` for the embedded database).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
