// The scale database of `npm run seed:scale` and `npm run bench`: SCALE_DATABASE_URL when set,
// otherwise an embedded PostgreSQL of its own in .data/scale-postgres on port SCALE_PG_PORT
// (default 5499), so it never touches the demo database of `npm start`. At `--scale N` other
// than 1 the defaults are .data/scale-postgres-xN and port 5500 + N, so the 1× database stays
// beside it (seeding 10× takes long enough that nobody wants to redo 1× after it).
import { startEmbeddedPostgres, type EmbeddedServer } from "../../lib/db/embedded";

export const SCALE_DATABASE = "studypack_scale";
export const SCALE_PG_DIR = ".data/scale-postgres";
export const SCALE_PASSWORD = "studypack-scale";

export type ScaleDatabase = {
  url: string;
  /** The embedded server, when one was started (its log lines go to `onLog`). */
  embedded: EmbeddedServer | null;
  /** Drops the database (embedded) or every table in it (SCALE_DATABASE_URL) and makes it again, empty. */
  recreate(): Promise<void>;
  stop(): Promise<void>;
};

export type ScaleSettings = { url: string | null; port: number; dataDir: string };

/** `--scale N` of both scripts: a positive integer, 1 unless given. */
export function parseScale(value: string | undefined): number {
  const scale = Number(value ?? 1);
  if (!Number.isInteger(scale) || scale < 1 || scale > 100) throw new Error("--scale must be a whole number from 1 to 100");
  return scale;
}

/**
 * SCALE_DATABASE_URL, SCALE_PG_PORT and SCALE_PG_DIR from an environment (the scripts pass
 * process.env); without them, the folder and port of the given scale.
 */
export function scaleSettings(source: Record<string, string | undefined>, scale = 1): ScaleSettings {
  const port = Number(source.SCALE_PG_PORT || (scale === 1 ? 5499 : 5500 + scale));
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error("SCALE_PG_PORT must be a port number");
  return { url: source.SCALE_DATABASE_URL?.trim() || null, port, dataDir: source.SCALE_PG_DIR?.trim() || (scale === 1 ? SCALE_PG_DIR : `${SCALE_PG_DIR}-x${scale}`) };
}

/**
 * Settings for the seed's own start of the embedded server, on top of the usual ones: a bulk
 * load into tables emptied in the same transaction writes no WAL at wal_level = minimal (the
 * files are synced at commit instead, PostgreSQL ≥ 13), and checkpoints wait until it is done.
 * full_page_writes = off: the VACUUM after the load sets hint bits on every page, which with
 * data checksums (initdb default since PostgreSQL 18) logs a full-page image of each page, as
 * much WAL as the data again; a crash mid-seed only means seeding again, and the server stops
 * with a clean checkpoint.
 * Only the seed starts the server this way; `npm run bench` starts it with the defaults
 * (wal_level = replica), as the app runs.
 */
export const BULK_LOAD_SETTINGS = ["wal_level=minimal", "max_wal_senders=0", "max_wal_size=8GB", "checkpoint_timeout=1h", "max_parallel_maintenance_workers=2", "full_page_writes=off"];

export async function openScaleDatabase(settings: ScaleSettings, options: { onLog?: (line: string) => void; extraSettings?: string[] } = {}): Promise<ScaleDatabase> {
  const external = settings.url;
  if (external) {
    return {
      url: external,
      embedded: null,
      async recreate() {
        const pg = (await import("pg")).default;
        const client = new pg.Client({ connectionString: external });
        await client.connect();
        try {
          await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
        } finally {
          await client.end();
        }
      },
      stop: async () => {},
    };
  }
  // The large network's database is 2.4 GB; PostgreSQL's built-in 128 MB of shared buffers would
  // make every page re-read its rows from the operating system. A server for such a network is
  // given a share of its memory (the usual advice is a quarter); 2 GB holds the data the pages read.
  const embedded = await startEmbeddedPostgres({ dataDir: settings.dataDir, port: settings.port, onLog: options.onLog, settings: ["shared_buffers=2GB", ...(options.extraSettings ?? [])] });
  await embedded.ensureDatabase(SCALE_DATABASE);
  return {
    url: embedded.url(SCALE_DATABASE),
    embedded,
    async recreate() {
      await embedded.dropDatabase(SCALE_DATABASE);
      await embedded.ensureDatabase(SCALE_DATABASE);
    },
    stop: () => embedded.stop(),
  };
}
