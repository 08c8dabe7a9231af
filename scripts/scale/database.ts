// The scale database of `npm run seed:scale` and `npm run bench`: SCALE_DATABASE_URL when set,
// otherwise an embedded PostgreSQL of its own in .data/scale-postgres on port SCALE_PG_PORT
// (default 5499), so it never touches the demo database of `npm start`.
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

/** SCALE_DATABASE_URL, SCALE_PG_PORT and SCALE_PG_DIR from an environment (the scripts pass process.env). */
export function scaleSettings(source: Record<string, string | undefined>): ScaleSettings {
  const port = Number(source.SCALE_PG_PORT || 5499);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error("SCALE_PG_PORT must be a port number");
  return { url: source.SCALE_DATABASE_URL?.trim() || null, port, dataDir: source.SCALE_PG_DIR?.trim() || SCALE_PG_DIR };
}

export async function openScaleDatabase(settings: ScaleSettings, options: { onLog?: (line: string) => void } = {}): Promise<ScaleDatabase> {
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
  const embedded = await startEmbeddedPostgres({ dataDir: settings.dataDir, port: settings.port, onLog: options.onLog, settings: ["shared_buffers=2GB"] });
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
