// The SQL functions and triggers of prisma/sql/functions against a database
// (docs/decisions/020-sql-functions-in-one-place.md). Each file holds the current text of one
// function (named as the file) and of the triggers that run it. Migrations apply them: when a
// file changes, `npm run db:make-migration` copies it into a new migration, and the drift test
// fails until that migration exists. Development tooling only: the app and the migrator never
// read these files.
//
// What a file defines is learnt from PostgreSQL itself, not by parsing SQL: inside a transaction
// that is rolled back, each file is run and the catalog rows it wrote (pg_proc, pg_trigger rows
// whose xmin changed: CREATE OR REPLACE rewrites a row even when nothing in it changed) are its
// objects; their pg_get_functiondef / pg_get_triggerdef are compared with the database's own.
import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export type SqlFunctionFile = {
  /** The function's name: the file's name without `.sql`. */
  name: string;
  /** Relative to the project (prisma/sql/functions/<name>.sql). */
  file: string;
  sql: string;
};

/** A function or trigger of the database's schema. */
type DbObject = {
  kind: "function" | "trigger";
  /** `name(argument types)` or `name ON table`: what identifies it. */
  key: string;
  name: string;
  /** For a trigger: the function it runs. */
  functionName: string | null;
  /** pg_get_functiondef / pg_get_triggerdef. */
  definition: string;
  /** The statement that removes it. */
  drop: string;
  /** The catalog row's version, to see which objects a file (re)wrote. */
  row: string;
};

export type SqlFunctionsDrift = {
  /** Files whose function or triggers the database lacks or holds in another form, in an order that applies. */
  changed: { file: SqlFunctionFile; differences: string[] }[];
  /** Functions and triggers that no file defines (a file removed, or a function's old signature). */
  orphans: { key: string; drop: string }[];
};

export const SQL_FUNCTIONS_DIR = "prisma/sql/functions";

export async function readSqlFunctionFiles(dir = path.join(process.cwd(), SQL_FUNCTIONS_DIR)): Promise<SqlFunctionFile[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(".sql")).sort();
  return Promise.all(
    names.map(async (name) => ({
      name: name.slice(0, -".sql".length),
      file: path.relative(process.cwd(), path.join(dir, name)),
      sql: await readFile(path.join(dir, name), "utf8"),
    })),
  );
}

/**
 * How the functions and triggers of the database at `connectionString` differ from `files`.
 * `before` (the schema part of a migration being made) runs first, so that files may use the
 * columns it adds. Nothing is changed: everything runs in a transaction that is rolled back.
 * Throws when a file fails to run or breaks the one-function-per-file rule.
 */
export async function compareSqlFunctions(
  connectionString: string,
  files: SqlFunctionFile[],
  options: { before?: string } = {},
): Promise<SqlFunctionsDrift> {
  const client = new pg.Client({ connectionString });
  client.on("error", () => {});
  await client.connect();
  try {
    const current = await catalog(client);
    await client.query("BEGIN");
    try {
      if (options.before?.trim()) await client.query(options.before);
      const applied = await applyInWorkingOrder(client, files);
      const after = await catalog(client);
      const defined = new Set(applied.flatMap((a) => a.objects.map((o) => o.key)));
      const changed = applied
        .map(({ file, objects }) => ({ file, differences: differences(objects, current) }))
        .filter((c) => c.differences.length > 0);
      const orphans = [...after.values()]
        .filter((o) => !defined.has(o.key))
        // Triggers first: a trigger must go before the function it runs.
        .sort((a, b) => (a.kind === b.kind ? (a.key < b.key ? -1 : 1) : a.kind === "trigger" ? -1 : 1))
        .map((o) => ({ key: o.key, drop: o.drop }));
      return { changed, orphans };
    } finally {
      await client.query("ROLLBACK");
    }
  } finally {
    await client.end();
  }
}

export function isDriftEmpty(drift: SqlFunctionsDrift): boolean {
  return drift.changed.length === 0 && drift.orphans.length === 0;
}

/** What is out of step, one line each, for a test failure or the make-migration log. */
export function describeDrift(drift: SqlFunctionsDrift): string[] {
  return [
    ...drift.changed.map((c) => `${c.file.file}: ${c.differences.join("; ")}`),
    ...drift.orphans.map((o) => `${o.key}: in the database, in no file of ${SQL_FUNCTIONS_DIR} (removed by \`${o.drop}\`)`),
  ];
}

/**
 * The migration that brings a database from `drift` to the files: removals, then `schemaSql`
 * (the change to schema.prisma, if any), then every changed file whole, in an order that applies.
 */
export function driftMigration(drift: SqlFunctionsDrift, schemaSql = ""): string {
  const parts: string[] = [];
  if (drift.orphans.length > 0) {
    parts.push(
      `-- Functions and triggers that no file of ${SQL_FUNCTIONS_DIR} defines any more\n` +
        drift.orphans.map((o) => `${o.drop};`).join("\n"),
    );
  }
  if (schemaSql.trim()) parts.push(schemaSql.trim());
  if (drift.changed.length > 0) {
    parts.push(
      `-- ───────────── ${SQL_FUNCTIONS_DIR} (docs/decisions/020-sql-functions-in-one-place.md) ─────────────\n` +
        `-- Copied by \`npm run db:make-migration\` from the files named below, which hold the current\n` +
        `-- text: change those, never this copy.`,
      ...drift.changed.map((c) => `-- ${c.file.file}\n${c.file.sql.trim()}`),
    );
  }
  return parts.join("\n\n") + "\n";
}

/** A database created beside `connectionString`'s, for `run`, then dropped. */
export async function withScratchDatabase<T>(connectionString: string, prefix: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString });
  admin.on("error", () => {});
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const url = new URL(connectionString);
      url.pathname = `/${name}`;
      return await run(url.toString());
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

// ─────────────────────────── helpers ───────────────────────────

// A file may use a function, table or type that another file (or `before`) makes: such a file is
// tried again after the others.
const NOT_YET_THERE = new Set(["42883", "42P01", "42704"]);

async function applyInWorkingOrder(client: pg.Client, files: SqlFunctionFile[]): Promise<{ file: SqlFunctionFile; objects: DbObject[] }[]> {
  const applied: { file: SqlFunctionFile; objects: DbObject[] }[] = [];
  let pending = files;
  while (pending.length > 0) {
    const waiting: { file: SqlFunctionFile; error: unknown }[] = [];
    for (const file of pending) {
      await client.query("SAVEPOINT sql_file");
      const before = await catalog(client);
      try {
        await client.query(file.sql);
      } catch (error) {
        await client.query("ROLLBACK TO SAVEPOINT sql_file");
        if (!NOT_YET_THERE.has(errorCode(error))) throw fileError(file, error);
        waiting.push({ file, error });
        continue;
      }
      const objects = [...(await catalog(client)).values()].filter((o) => before.get(o.key)?.row !== o.row);
      await client.query("RELEASE SAVEPOINT sql_file");
      checkConvention(file, objects);
      applied.push({ file, objects });
    }
    if (waiting.length === pending.length) throw fileError(waiting[0]!.file, waiting[0]!.error);
    pending = waiting.map((w) => w.file);
  }
  return applied;
}

/** One function, named as its file, and only triggers that run it. */
function checkConvention(file: SqlFunctionFile, objects: DbObject[]): void {
  const functions = objects.filter((o) => o.kind === "function");
  const strays = objects.filter((o) => o.kind === "trigger" && o.functionName !== file.name);
  if (functions.length !== 1 || functions[0]!.name !== file.name || strays.length > 0) {
    throw new Error(
      `${file.file} must define the function ${file.name} and nothing else but triggers that run it; ` +
        `it defines ${objects.map((o) => o.key).join(", ") || "nothing"}.`,
    );
  }
}

function differences(objects: DbObject[], current: Map<string, DbObject>): string[] {
  return objects.flatMap((o) => {
    const there = current.get(o.key);
    if (!there) return [`${o.key} is not in the database`];
    if (there.definition !== o.definition) return [`${o.key} differs from the database's`];
    return [];
  });
}

/** Every function (not from an extension) and user trigger of the current schema, by key. */
async function catalog(client: pg.Client): Promise<Map<string, DbObject>> {
  const { rows } = await client.query<Omit<DbObject, "kind"> & { kind: string }>(`
    SELECT 'function' AS kind, p.oid::regprocedure::text AS key, p.proname AS name, NULL AS "functionName",
           pg_get_functiondef(p.oid) AS definition, format('DROP FUNCTION IF EXISTS %s', p.oid::regprocedure) AS drop,
           p.oid::text || ':' || p.xmin::text AS row
      FROM pg_proc p
     WHERE p.pronamespace = current_schema()::regnamespace AND p.prokind IN ('f', 'p')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'trigger', format('%I ON %s', t.tgname, t.tgrelid::regclass), t.tgname, f.proname,
           pg_get_triggerdef(t.oid), format('DROP TRIGGER IF EXISTS %I ON %s', t.tgname, t.tgrelid::regclass),
           t.oid::text || ':' || t.xmin::text
      FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_proc f ON f.oid = t.tgfoid
     WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal`);
  return new Map(rows.map((r) => [r.key, { ...r, kind: r.kind as DbObject["kind"] }]));
}

function fileError(file: SqlFunctionFile, error: unknown): Error {
  const { message, position } = error as pg.DatabaseError;
  const at = position ? ` (at character ${position})` : "";
  return new Error(`${file.file} does not run: ${message ?? String(error)}${at}`);
}

function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
}
