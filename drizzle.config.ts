import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` turns src/server/db/schema.ts into a new versioned SQL migration in drizzle/.
// The same files are applied on start, to PGlite and to PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './drizzle',
});
