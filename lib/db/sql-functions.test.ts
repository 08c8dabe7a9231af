// The functions and triggers of the database are those of prisma/sql/functions, one file each
// (docs/decisions/020-sql-functions-in-one-place.md): compared by PostgreSQL's own
// pg_get_functiondef and pg_get_triggerdef, so a function edited in a migration, a function or
// trigger without a file, or a file without its migration fails here. The other tests show that
// the comparison sees each of those, and that the migration `npm run db:make-migration` writes
// from the files brings a database to them.
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  compareSqlFunctions,
  describeDrift,
  driftMigration,
  readSqlFunctionFiles,
  withScratchDatabase,
  type SqlFunctionFile,
} from "../../scripts/lib/sql-functions";
import { applyMigrations } from "./migrate";

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma/migrations");
const functionsDir = path.join(root, "prisma/sql/functions");

let files: SqlFunctionFile[];
let tempDir: string;

beforeAll(async () => {
  files = await readSqlFunctionFiles(functionsDir);
  tempDir = await mkdtemp(path.join(os.tmpdir(), "studypack-sql-functions-"));
});

afterAll(async () => {
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

describe("prisma/sql/functions", () => {
  it("is what the migrations leave in the database: every function and trigger, and nothing else", async () => {
    expect(files.length).toBeGreaterThan(20);
    // A database of its own, migrated from nothing: the run's shared database may hold another
    // test file's short-lived trigger (lib/data/scans.test.ts and emessage-replies.test.ts make
    // one to fail a write), which is not the migrations' doing.
    let drift: Awaited<ReturnType<typeof compareSqlFunctions>> | undefined;
    await withMigratedDatabase(async (url) => {
      drift = await compareSqlFunctions(url, files);
    });
    expect(
      describeDrift(drift!),
      "prisma/sql/functions and the migrations disagree; after editing a file there, run `npm run db:make-migration <name>`",
    ).toEqual([]);
  });

  it("has a file named after each function, holding only that function and its triggers", async () => {
    const dir = await folder({ wrong_name: `CREATE OR REPLACE FUNCTION right_name() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;` });
    await withMigratedDatabase(async (url) => {
      await expect(compareSqlFunctions(url, await readSqlFunctionFiles(dir))).rejects.toThrow(
        /wrong_name\.sql must define the function wrong_name and nothing else but triggers that run it; it defines right_name\(\)/,
      );
    });
  });
});

describe("comparing a database with the files", () => {
  it("sees a function edited outside its file, a trigger gone, and a function or trigger that has no file", async () => {
    await withMigratedDatabase(async (url) => {
      await query(url, `
        CREATE OR REPLACE FUNCTION progress_on_pack() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
        DROP TRIGGER "progress_pack" ON "Pack";
        CREATE FUNCTION stray_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
        CREATE TRIGGER stray_audit AFTER INSERT ON "Group" FOR EACH ROW EXECUTE FUNCTION stray_audit();`);
      const drift = await compareSqlFunctions(url, files);
      expect(drift.changed.map((c) => [c.file.name, c.differences])).toEqual([
        ["progress_on_pack", ["progress_on_pack() differs from the database's", `progress_pack ON "Pack" is not in the database`]],
      ]);
      expect(drift.orphans).toEqual([
        { key: `stray_audit ON "Group"`, drop: `DROP TRIGGER IF EXISTS stray_audit ON "Group"` },
        { key: "stray_audit()", drop: "DROP FUNCTION IF EXISTS stray_audit()" },
      ]);
      // Nothing was left behind by the comparison.
      expect(await query(url, `SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = 'progress_pack'`)).toEqual([{ n: 0 }]);
    });
  });

  it("writes a migration that brings a database to the files: an edit, a new function with its trigger, a new signature, a removal", async () => {
    const dir = path.join(tempDir, "edited-functions");
    await cp(functionsDir, dir, { recursive: true });
    // A signature that changes (and a body with it), new functions (one with a trigger), a file removed.
    await writeFile(
      path.join(dir, "progress_group_median.sql"),
      `CREATE OR REPLACE FUNCTION progress_group_median(p_group text, p_channel "Channel", p_floor int DEFAULT 0) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT greatest(min(h."days") FILTER (WHERE 2 * h."seen" >= h."total"), p_floor)::int
    FROM (SELECT t."days", sum(t."cells") OVER (ORDER BY t."days") AS "seen", sum(t."cells") OVER () AS "total"
            FROM "ProgressTurnaround" t WHERE t."groupId" = p_group AND t."channel" = p_channel AND t."cells" > 0) h
$$;`,
    );
    await writeFile(
      path.join(dir, "a_group_renamed.sql"),
      `CREATE OR REPLACE FUNCTION a_group_renamed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE OR REPLACE TRIGGER a_group_renamed AFTER UPDATE OF "name" ON "Group" FOR EACH ROW EXECUTE FUNCTION a_group_renamed();`,
    );
    // A SQL function's body is checked when it is made: this one needs a file that sorts after it.
    await writeFile(path.join(dir, "a_uses_helper.sql"), `CREATE OR REPLACE FUNCTION a_uses_helper() RETURNS int LANGUAGE sql AS $$ SELECT zz_helper() + 1 $$;`);
    await writeFile(path.join(dir, "zz_helper.sql"), `CREATE OR REPLACE FUNCTION zz_helper() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;`);
    await rm(path.join(dir, "progress_refresh_groups_with.sql"));
    const edited = await readSqlFunctionFiles(dir);

    await withMigratedDatabase(async (url, migrations) => {
      const drift = await compareSqlFunctions(url, edited);
      expect(drift.changed.map((c) => c.file.name).sort()).toEqual(["a_group_renamed", "a_uses_helper", "progress_group_median", "zz_helper"]);
      expect(drift.orphans.map((o) => o.key)).toEqual([`progress_group_median(text,"Channel")`, "progress_refresh_groups_with(text[],text)"]);
      const order = drift.changed.map((c) => c.file.name);
      expect(order.indexOf("zz_helper")).toBeLessThan(order.indexOf("a_uses_helper"));

      const name = "29990101000000_functions";
      await mkdir(path.join(migrations, name));
      await writeFile(path.join(migrations, name, "migration.sql"), driftMigration(drift));
      expect(await applyMigrations(url, { migrationsDir: migrations })).toEqual({ applied: [name] });
      expect(describeDrift(await compareSqlFunctions(url, edited))).toEqual([]);
      expect(await query(url, `SELECT progress_group_median('none', 'MAIL', 3) AS m, a_uses_helper() AS h`)).toEqual([{ m: 3, h: 2 }]);
    });
  });

  it("finds nothing to do for a database migrated before the latest migrations and then up to date (an existing install)", async () => {
    const all = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const older = await folder({}, "older-migrations");
    for (const name of all.slice(0, Math.max(1, all.length - 3))) await cp(path.join(migrationsDir, name), path.join(older, name), { recursive: true });
    await withScratchDatabase(inject("databaseUrl"), "studypack_sql_functions_test", async (url) => {
      await applyMigrations(url, { migrationsDir: older });
      await applyMigrations(url, { migrationsDir });
      expect(describeDrift(await compareSqlFunctions(url, files))).toEqual([]);
    });
  });
});

// ─────────────────────────── helpers ───────────────────────────

let folders = 0;
async function folder(sqlFiles: Record<string, string>, prefix = "functions"): Promise<string> {
  const dir = path.join(tempDir, `${prefix}-${++folders}`);
  await mkdir(dir, { recursive: true });
  for (const [name, sql] of Object.entries(sqlFiles)) await writeFile(path.join(dir, `${name}.sql`), sql);
  return dir;
}

/** A database of its own on the test server, migrated from a copy of prisma/migrations. */
async function withMigratedDatabase(run: (url: string, migrationsDir: string) => Promise<void>): Promise<void> {
  const migrations = path.join(tempDir, `migrations-${++folders}`);
  await cp(migrationsDir, migrations, { recursive: true });
  await withScratchDatabase(inject("databaseUrl"), "studypack_sql_functions_test", async (url) => {
    await applyMigrations(url, { migrationsDir: migrations });
    await run(url, migrations);
  });
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(sql);
    return Array.isArray(result) ? result.flatMap((r: pg.QueryResult) => r.rows) : result.rows;
  } finally {
    await client.end();
  }
}
