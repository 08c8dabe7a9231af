// For command-line scripts: the database to work on. DATABASE_URL when set; otherwise the
// embedded PostgreSQL that `npm start` uses (started for the duration of the script, then
// stopped). Prints a readable message instead of a stack trace when that fails.
import { EMBEDDED_DATABASE, startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";
import { EnvError, parseEnv } from "../../lib/env";

export { EMBEDDED_DATABASE };

export async function withDatabase(work: (url: string) => Promise<void>): Promise<void> {
  try {
    const env = parseEnv(process.env);
    if (env.DATABASE_URL) {
      await applyMigrations(env.DATABASE_URL, { log: console.log });
      await work(env.DATABASE_URL);
      return;
    }
    const server = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT });
    try {
      await server.ensureDatabase(EMBEDDED_DATABASE);
      const url = server.url(EMBEDDED_DATABASE);
      await applyMigrations(url, { log: console.log });
      await work(url);
    } finally {
      await server.stop();
    }
  } catch (error) {
    console.error(error instanceof Error && (error instanceof EnvError || error.name === "PortInUseError") ? error.message : error);
    process.exit(1);
  }
}
