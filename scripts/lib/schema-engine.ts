// Prisma's schema engine, run from its WASM build, so that migrations can be *created* on
// machines that cannot download Prisma's native engine (docs/decisions/002). Development
// tooling only: `npm run db:make-migration` and the drift test use it; the app never does.
//
// Why it is put together by hand:
// - Node 20 cannot `import` a .wasm module, so the package's entry point fails; we instantiate
//   schema_engine_bg.wasm ourselves with the package's JS glue as its import object.
// - The engine reaches PostgreSQL through a driver adapter (PrismaPg). Three snags of
//   adapter-pg 7.10.1 are fixed here:
//   1. introspection reads PostgreSQL's internal `"char"` type (OID 18), which the adapter
//      rejects as unsupported: our pg client reports it as text (OID 25), and the result is
//      then marked as a Character column, which is what the engine reads (as text alone it
//      panics as soon as the shadow database has constraints);
//   2. its shadow database is dropped while its pool is still connected ("being accessed by
//      other users"), and its admin pool is never closed: we close the shadow pool first, then
//      `DROP DATABASE … WITH (FORCE)`;
//   3. a `connectionString` wins over the `database` field, so the shadow database would be the
//      real one: the adapter gets host, port, user, password and database as separate fields.
// - adapter-pg's executeScript splits scripts on ";", which breaks quoted or dollar-quoted SQL;
//   we send a migration script whole, as one simple query, exactly as lib/db/migrate.ts (and
//   Prisma's native engine) apply it, so the shadow replay and the real apply cannot disagree.
import { randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  SchemaEngine,
  type DiagnoseMigrationHistoryOutput,
  type MigrationList,
} from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

export type DiffOptions = {
  /** A PostgreSQL server for the shadow database (created and dropped beside this database). */
  connectionString: string;
  migrationsDir: string;
  schemaPath: string;
  /** The engine's own trace lines, for debugging. */
  log?: (line: string) => void;
};

/**
 * The SQL that takes a database built from `migrationsDir` to the state `schemaPath` describes.
 * Empty, or only comments (see {@link isEmptyMigration}), when the two agree.
 */
export async function diffMigrationsToSchema(options: DiffOptions): Promise<string> {
  const schema = await readFile(options.schemaPath, "utf8");
  const migrationsList = await listMigrationsForEngine(options.migrationsDir);
  return withEngine(options.connectionString, [[options.schemaPath, schema]], options.log, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: options.schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  });
}

/**
 * What Prisma's own engine thinks of a database's migration history (the check behind
 * `prisma migrate status`): lets the tests prove that lib/db/migrate.ts leaves a database
 * Prisma accepts.
 */
export async function diagnoseMigrationHistory(options: {
  connectionString: string;
  migrationsDir: string;
}): Promise<DiagnoseMigrationHistoryOutput> {
  const migrationsList = await listMigrationsForEngine(options.migrationsDir);
  return withEngine(options.connectionString, undefined, undefined, (engine) =>
    engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
}

async function withEngine<T>(
  connectionString: string,
  datamodels: [string, string][] | undefined,
  log: ((line: string) => void) | undefined,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadEngine();
  const factory = new PgFactory(connectionFields(connectionString));
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  try {
    const engine = await SchemaEngine.new({ datamodels }, (line: string) => log?.(line), bound);
    try {
      return await run(engine);
    } finally {
      engine.free();
    }
  } catch (error) {
    throw engineError(error, bound.errorRegistry);
  } finally {
    await factory.closeAll();
  }
}

/** True for a diff with no statements (the engine writes a comment for an empty migration). */
export function isEmptyMigration(sql: string): boolean {
  const withoutComments = sql.replace(/\/\*[\s\S]*?\*\//g, "").replace(/--.*$/gm, "");
  return withoutComments.trim() === "";
}

// ─────────────────────────── loading the WASM engine ───────────────────────────

let engineLoaded: Promise<void> | undefined;
let lastPanic: string | undefined;

type PanicRegistry = { set_message(message: string): void };

function loadEngine(): Promise<void> {
  engineLoaded ??= (async () => {
    // The glue reports a Rust panic through this global; without it the real message is lost
    // behind "Cannot read properties of undefined (reading 'set_message')". A panic may then
    // surface as an uncaught "RuntimeError: unreachable", so the message is printed at once.
    // Prisma's client installs its own registry when it is loaded in the same process; keep it.
    const globals = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
    globals.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message) {
        lastPanic = message;
        console.error(`Prisma's schema engine panicked: ${message}`);
      },
    };
    // The glue module's path, resolved as Node would; the .wasm file sits beside it.
    const glueFile = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(glueFile), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": engineGlue as unknown as WebAssembly.ModuleImports,
    });
    engineGlue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start === "function") start();
  })();
  return engineLoaded;
}

/** Prisma's migration_lock.toml, byte for byte (its writeMigrationLockfile). */
export const MIGRATION_LOCK_TOML = `# Please do not edit this file manually
# It should be added in your version-control system (e.g., Git)
provider = "postgresql"
`;

/**
 * The migrations folder in the shape Prisma's CLI gives the engine (its listMigrations). The
 * engine learns the provider from migration_lock.toml; before the first migration there is none
 * yet, so it is given the one make-migration is about to write.
 */
async function listMigrationsForEngine(migrationsDir: string): Promise<MigrationList> {
  const lockfilePath = "migration_lock.toml";
  const lockfileContent = await readFile(path.join(migrationsDir, lockfilePath), "utf8").catch(
    () => MIGRATION_LOCK_TOML,
  );
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: unknown) => ({ tag: "error" as const, value: String(error) }),
        ),
      },
    })),
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockfilePath, content: lockfileContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

// ─────────────────────────── the driver adapter ───────────────────────────

type PgFields = {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  ssl?: pg.ClientConfig["ssl"];
};

/** Splits a postgres:// URL into the separate fields the adapter needs (snag 3). */
function connectionFields(connectionString: string): PgFields {
  const url = new URL(connectionString);
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new Error(`Expected a postgresql:// connection string, got "${url.protocol}//…".`);
  }
  const sslmode = url.searchParams.get("sslmode");
  return {
    // `?host=/path` selects a Unix socket folder, as libpq does.
    host: url.searchParams.get("host") ?? (url.hostname.replace(/^\[(.*)\]$/, "$1") || "localhost"),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)) || "postgres",
    ...(sslmode === "require" || sslmode === "no-verify"
      ? { ssl: { rejectUnauthorized: false } }
      : sslmode === "verify-ca" || sslmode === "verify-full"
        ? { ssl: true }
        : {}),
  };
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** The row arrays of results that had `"char"` columns, and those columns' positions. */
const charColumns = new WeakMap<object, number[]>();

function charColumnsAsText(result: unknown): void {
  for (const one of Array.isArray(result) ? result : [result]) {
    if (typeof one !== "object" || one === null || !("fields" in one) || !Array.isArray(one.fields)) continue;
    const positions: number[] = [];
    (one.fields as unknown[]).forEach((field, position) => {
      if (typeof field === "object" && field !== null && "dataTypeID" in field && field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        positions.push(position);
      }
    });
    if (positions.length > 0 && "rows" in one && typeof one.rows === "object" && one.rows !== null) {
      charColumns.set(one.rows, positions);
    }
  }
}

/**
 * The adapter passes pg's row array through untouched, so the positions recorded by the client
 * find the `"char"` columns again; the engine reads those as a Rust `char` (a text column
 * would make it panic: "Getting constraint_type … as char failed").
 */
function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  for (const position of charColumns.get(result.rows) ?? []) {
    result.columnTypes[position] = ColumnTypeEnum.Character;
  }
  return result;
}

/** A pg client whose results describe `"char"` columns as text, which the adapter accepts (snag 1). */
class CharAsTextClient extends pg.Client {}
{
  const baseQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
  // `query` takes a callback (as pg.Pool calls it) or returns a promise (as a transaction does).
  Object.defineProperty(CharAsTextClient.prototype, "query", {
    configurable: true,
    writable: true,
    value(this: pg.Client, ...args: unknown[]): unknown {
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === "function") {
        args[last] = (error: unknown, result: unknown) => {
          charColumnsAsText(result);
          (callback as (error: unknown, result: unknown) => void)(error, result);
        };
      }
      const out = baseQuery.apply(this, args);
      return out instanceof Promise
        ? out.then((result: unknown) => {
            charColumnsAsText(result);
            return result;
          })
        : out;
    },
  });
}

class PgFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly open = new Set<SqlDriverAdapter>();

  constructor(private readonly fields: PgFields) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.adapterFor(this.fields.database);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await this.admin(`CREATE DATABASE "${database}"`);
    try {
      return await this.adapterFor(database, () => this.admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    } catch (error) {
      await this.admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      throw error;
    }
  }

  /** Disposes whatever the engine left open, so no pool keeps the process alive. */
  async closeAll(): Promise<void> {
    for (const adapter of [...this.open]) await adapter.dispose();
  }

  private async adapterFor(database: string, afterDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const inner = await new PrismaPg({ ...this.fields, database, Client: CharAsTextClient }).connect();
    let disposed = false;
    const adapter: SqlDriverAdapter = {
      provider: inner.provider,
      adapterName: inner.adapterName,
      queryRaw: async (query) => restoreCharColumns(await inner.queryRaw(query)),
      executeRaw: (query) => inner.executeRaw(query),
      startTransaction: async (isolationLevel) => withCharColumns(await inner.startTransaction(isolationLevel)),
      getConnectionInfo: () => inner.getConnectionInfo(),
      // No bind values: pg sends the script whole with the simple query protocol, and errors
      // still come back as the adapter's typed DriverAdapterError.
      executeScript: async (script) => {
        await inner.executeRaw({ sql: script, args: [], argTypes: [] });
      },
      dispose: async () => {
        if (disposed) return;
        disposed = true;
        this.open.delete(adapter);
        await inner.dispose(); // closes the pool first (snag 2) …
        await afterDispose?.(); // … then drops the shadow database.
      },
    };
    this.open.add(adapter);
    return adapter;
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client(this.fields);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

function withCharColumns(transaction: Transaction): Transaction {
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: async (query) => restoreCharColumns(await transaction.queryRaw(query)),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: () => transaction.commit(),
    rollback: () => transaction.rollback(),
    createSavepoint: transaction.createSavepoint?.bind(transaction),
    rollbackToSavepoint: transaction.rollbackToSavepoint?.bind(transaction),
    releaseSavepoint: transaction.releaseSavepoint?.bind(transaction),
  };
}

// ─────────────────────────── errors ───────────────────────────

type ErrorRegistry = { consumeError(id: number): { error: unknown } | undefined };

/**
 * The engine reports an error thrown by our adapter code as "External error id#N", an index into
 * the adapter's error registry: put the original message in its place. Also drops the engine's
 * Rust span trace ("   0: schema_engine_wasm::…"), which names no file of ours.
 */
function engineError(error: unknown, registry: ErrorRegistry): Error {
  if (lastPanic !== undefined) {
    const panic = lastPanic;
    lastPanic = undefined;
    return new Error(`Prisma's schema engine panicked: ${panic}`);
  }
  if (!(error instanceof Error)) return new Error(`Prisma's schema engine failed: ${String(error)}`);
  error.message = error.message
    .replace(/\n\s+0: schema_engine[\s\S]*$/, "")
    .replace(/External error id#(\d+)/, (reference, id: string) => {
      const original = registry.consumeError(Number(id))?.error;
      return original === undefined ? reference : original instanceof Error ? original.message : String(original);
    })
    .trimEnd();
  return error;
}
