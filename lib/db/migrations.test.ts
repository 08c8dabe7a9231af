// Migrations without Prisma's native engine (docs/decisions/002), against a real PostgreSQL
// started for this file: our applier must leave the database exactly as `prisma migrate deploy`
// would (Prisma's own engine, in WASM, is asked to confirm), must stop at a failed migration,
// and prisma/migrations must always produce prisma/schema.prisma (the drift test: it fails when
// someone edits the schema without `npm run db:make-migration <name>`).
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnoseMigrationHistory, diffMigrationsToSchema, isEmptyMigration } from "../../scripts/lib/schema-engine";
import { startTemporaryPostgres, type EmbeddedServer } from "./embedded";
import { applyMigrations } from "./migrate";

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma/migrations");
const schemaPath = path.join(root, "prisma/schema.prisma");

let tempDir: string;
let server: EmbeddedServer;
let databases = 0;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), "studypack-migrations-dirs-"));
  server = await startTemporaryPostgres("studypack-migrations-test-");
});

afterAll(async () => {
  await server?.stop();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

describe("applyMigrations", () => {
  it("applies every migration once, leaving rows Prisma's engine accepts", async () => {
    const url = await newDatabase();
    const folders = await migrationFolders(migrationsDir);
    expect(folders.length).toBeGreaterThan(0);

    expect(await applyMigrations(url, { migrationsDir })).toEqual({ applied: folders });
    expect(await applyMigrations(url, { migrationsDir })).toEqual({ applied: [] });

    const columns = await query<{ column_name: string; data_type: string; is_nullable: string }>(
      url,
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => [c.column_name, c.data_type, c.is_nullable])).toEqual([
      ["id", "character varying", "NO"],
      ["checksum", "character varying", "NO"],
      ["finished_at", "timestamp with time zone", "YES"],
      ["migration_name", "character varying", "NO"],
      ["logs", "text", "YES"],
      ["rolled_back_at", "timestamp with time zone", "YES"],
      ["started_at", "timestamp with time zone", "NO"],
      ["applied_steps_count", "integer", "NO"],
    ]);

    const rows = await migrationRows(url);
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) {
      const bytes = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }

    // What `prisma migrate status` would say: nothing pending, failed or edited.
    expect(await diagnoseMigrationHistory({ connectionString: url, migrationsDir })).toMatchObject({
      hasMigrationsTable: true,
      history: null,
      failedMigrationNames: [],
      editedMigrationNames: [],
    });
  });

  it("records a failed migration, throws, and refuses to go on until it is resolved", async () => {
    const url = await newDatabase();
    const dir = await migrationsFolder({
      "20240101000000_ok": `CREATE TABLE "Ok" (id int);`,
      "20240102000000_broken": `CREATE TABLE "Half" (id int);\nINSERT INTO "NoSuchTable" VALUES (1);`,
      "20240103000000_later": `CREATE TABLE "Later" (id int);`,
    });

    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      /Migration 20240102000000_broken failed[\s\S]*"NoSuchTable" does not exist/,
    );
    const rows = await migrationRows(url);
    expect(rows.map((r) => [r.migration_name, r.finished_at !== null])).toEqual([
      ["20240101000000_ok", true],
      ["20240102000000_broken", false],
    ]);
    expect(rows[1]?.logs).toMatch(/Database error code: 42P01[\s\S]*relation "NoSuchTable" does not exist/);
    expect(rows[1]?.applied_steps_count).toBe(0);
    // One script, one transaction: nothing of the failed migration is left behind.
    expect(await tables(url)).toEqual(["Ok", "_prisma_migrations"]);

    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      /Migration 20240102000000_broken failed earlier and is not resolved/,
    );

    // Resolved as the message says: fix the script, mark the attempt rolled back, run again.
    await writeFile(path.join(dir, "20240102000000_broken", "migration.sql"), `CREATE TABLE "Half" (id int);`);
    await query(url, `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE finished_at IS NULL`);
    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({
      applied: ["20240102000000_broken", "20240103000000_later"],
    });
  });

  it("warns when an applied migration has been edited since", async () => {
    const url = await newDatabase();
    const dir = await migrationsFolder({ "20240101000000_one": `CREATE TABLE "One" (id int);` });
    await applyMigrations(url, { migrationsDir: dir });

    const lines: string[] = [];
    await writeFile(path.join(dir, "20240101000000_one", "migration.sql"), `CREATE TABLE "One" (id bigint);`);
    expect(await applyMigrations(url, { migrationsDir: dir, log: (line) => lines.push(line) })).toEqual({ applied: [] });
    expect(lines).toEqual([expect.stringMatching(/migration 20240101000000_one was changed after it was applied/)]);
  });
});

describe("prisma/migrations and prisma/schema.prisma", () => {
  it("agree (after editing schema.prisma, run `npm run db:make-migration <name>`)", async () => {
    const sql = await diffMigrationsToSchema({ connectionString: server.url("postgres"), migrationsDir, schemaPath });
    expect(
      isEmptyMigration(sql) ? "" : sql,
      "schema.prisma has changes that no migration makes; run `npm run db:make-migration <name>`",
    ).toBe("");
  });
});

// ─────────────────────────── helpers ───────────────────────────

async function newDatabase(): Promise<string> {
  const name = `migrations_test_${++databases}`;
  await server.ensureDatabase(name);
  return server.url(name);
}

async function migrationsFolder(scripts: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tempDir, "migrations-"));
  for (const [name, sql] of Object.entries(scripts)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function migrationFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

type MigrationRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};

function migrationRows(url: string): Promise<MigrationRow[]> {
  return query<MigrationRow>(url, `SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);
}

async function tables(url: string): Promise<string[]> {
  const rows = await query<{ table_name: string }>(
    url,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name).sort();
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}
