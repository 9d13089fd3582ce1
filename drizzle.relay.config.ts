import { defineConfig } from 'drizzle-kit';

// The relay's migrations (Postgres dialect; the same SQL runs on PGlite and PostgreSQL).
// Generate with `npx drizzle-kit generate --config drizzle.relay.config.ts`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src-relay/db/schema.ts',
  out: './migrations/relay',
});
