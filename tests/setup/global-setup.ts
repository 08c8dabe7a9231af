// Once per `vitest run`: a real PostgreSQL (embedded, in a temporary folder, on a free port)
// with a fresh database migrated once. Test files read its URL through inject("databaseUrl").
import type { TestProject } from "vitest/node";
import { startTemporaryPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTemporaryPostgres("studypack-test-");
  await server.ensureDatabase("studypack_test");
  const url = server.url("studypack_test");
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  return () => server.stop();
}
