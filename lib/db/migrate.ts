// Applies pending migrations from prisma/migrations: what `prisma migrate deploy` does, done
// with `pg` because Prisma's native engine cannot be downloaded here (docs/decisions/002).
// The database must stay exactly as Prisma would leave it, so that `prisma migrate deploy` on a
// machine with the engine accepts it:
// - the same `_prisma_migrations` table and rows (checksum = SHA-256 hex of migration.sql's
//   bytes; a failed migration keeps its row with `logs` and no `finished_at`);
// - the same advisory lock (72707369), so two migrators, ours or Prisma's, never interleave;
// - each migration.sql sent whole as one simple query, as Prisma's engine sends it; PostgreSQL
//   then runs it in one implicit transaction, so a failing script leaves no half-done changes
//   (unless it has its own BEGIN/COMMIT).
// Used by the launcher, `npm run db:migrate` and the tests; it never reads process.env.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export type ApplyOptions = {
  /** Default: prisma/migrations under the current directory. */
  migrationsDir?: string;
  /** Progress and warnings, one line at a time. */
  log?: (line: string) => void;
};

/** A migration that failed, now or earlier; its message says what to do. */
export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migrationName: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

// Prisma's own key (schema engine, postgres connector) and its 10 s wait.
const ADVISORY_LOCK_KEY = 72707369;
const LOCK_TIMEOUT = "10s";

// Prisma's DDL for the table, column for column.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type LocalMigration = { name: string; sql: string; checksum: string };
type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export async function applyMigrations(
  connectionString: string,
  options: ApplyOptions = {},
): Promise<{ applied: string[] }> {
  const migrationsDir = options.migrationsDir ?? path.join(process.cwd(), "prisma/migrations");
  const log = options.log ?? (() => {});
  const local = await readMigrations(migrationsDir);

  const client = new pg.Client({ connectionString });
  client.on("error", () => {}); // a lost connection also fails the query in progress, which reports it
  await client.connect();
  try {
    await lock(client);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const rows = (
        await client.query<AppliedRow>(
          `SELECT migration_name, checksum, finished_at, rolled_back_at
             FROM "_prisma_migrations" ORDER BY started_at`,
        )
      ).rows;

      const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
      if (failed) throw failedEarlier(failed.migration_name, migrationsDir);

      const done = new Map(
        rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => [row.migration_name, row]),
      );
      for (const migration of local) {
        const row = done.get(migration.name);
        if (row && !sameChecksum(migration.sql, row.checksum)) {
          log(
            `Warning: migration ${migration.name} was changed after it was applied ` +
              `(its checksum differs from the database's). Undo the edit and make a new migration instead.`,
          );
        }
      }

      const applied: string[] = [];
      for (const migration of local.filter((m) => !done.has(m.name))) {
        log(`Applying migration ${migration.name}`);
        await applyOne(client, migration, migrationsDir);
        applied.push(migration.name);
      }
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

async function lock(client: pg.Client): Promise<void> {
  await client.query(`SET lock_timeout = '${LOCK_TIMEOUT}'`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  } catch (error) {
    if (errorCode(error) === "55P03") {
      throw new Error(
        `Timed out after ${LOCK_TIMEOUT} waiting for the migration lock (pg_advisory_lock(${ADVISORY_LOCK_KEY})): ` +
          `another process is migrating this database, or a stuck session still holds the lock.`,
      );
    }
    throw error;
  } finally {
    await client.query("RESET lock_timeout");
  }
}

async function applyOne(client: pg.Client, migration: LocalMigration, migrationsDir: string): Promise<void> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, started_at, migration_name, applied_steps_count)
     VALUES ($1, $2, now(), $3, 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    // No parameters: pg uses the simple query protocol, which accepts many statements.
    await client.query(migration.sql);
  } catch (error) {
    // A script with its own BEGIN may have left the session in an aborted transaction.
    await client.query("ROLLBACK").catch(() => {});
    const logs = failureLogs(migration.name, error);
    await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, logs]);
    throw new MigrationError(
      `Migration ${migration.name} failed; it and the migrations after it were not applied.\n\n${logs}\n\n` +
        howToResolve(migration.name, migrationsDir),
      migration.name,
    );
  }
  await client.query(
    `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
}

function failedEarlier(name: string, migrationsDir: string): MigrationError {
  return new MigrationError(
    `Migration ${name} failed earlier and is not resolved, so no migrations will be applied.\n` +
      `Its error is in _prisma_migrations.logs.\n\n${howToResolve(name, migrationsDir)}`,
    name,
  );
}

function howToResolve(name: string, migrationsDir: string): string {
  const file = path.relative(process.cwd(), path.join(migrationsDir, name, "migration.sql"));
  return (
    `To go on: fix ${file} (or the database). The failed script ran in one transaction, so unless it ` +
    `has its own BEGIN/COMMIT none of it remains. Then mark the attempt rolled back:\n` +
    `  UPDATE "_prisma_migrations" SET rolled_back_at = now()\n` +
    `   WHERE migration_name = '${name.replace(/'/g, "''")}' AND finished_at IS NULL AND rolled_back_at IS NULL;\n` +
    `(\`prisma migrate resolve --rolled-back ${name}\` does the same where Prisma's engine is available) ` +
    `and apply the migrations again.`
  );
}

/** Folders of migrationsDir that hold a migration, in name order (a missing folder: none). */
async function readMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: unknown) => {
    if (errorCode(error) === "ENOENT") return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const bytes = await readFile(file).catch((error: unknown) => {
        throw new Error(`Cannot read ${file}: every folder of ${migrationsDir} must hold a migration.sql (${String(error)}).`);
      });
      return { name, sql: bytes.toString("utf8"), checksum: sha256(bytes) };
    }),
  );
}

function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

// Prisma accepts a script whose line endings git has changed (LF ↔ CRLF) as unchanged.
function sameChecksum(sql: string, checksum: string): boolean {
  return [sql, sql.replace(/\r\n/g, "\n"), sql.replace(/\r?\n/g, "\r\n")].some((s) => sha256(s) === checksum);
}

/** Like the logs Prisma's engine writes for a failed migration. */
function failureLogs(name: string, error: unknown): string {
  if (!(error instanceof Error)) return `Migration name: ${name}\n\n${String(error)}`;
  const { code, detail, hint, position } = error as pg.DatabaseError;
  return [
    `Migration name: ${name}`,
    code ? `Database error code: ${code}` : undefined,
    ["Database error:", `ERROR: ${error.message}`, detail && `DETAIL: ${detail}`, hint && `HINT: ${hint}`, position && `POSITION: ${position}`]
      .filter(Boolean)
      .join("\n"),
  ]
    .filter(Boolean)
    .join("\n\n");
}

function errorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
}
