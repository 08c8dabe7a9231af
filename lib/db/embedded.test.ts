import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PortInUseError, startEmbeddedPostgres } from "@/lib/db/embedded";
import { freePort } from "@/lib/db/free-port";

describe("embedded PostgreSQL", () => {
  let blocker: net.Server;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it("says plainly when its port is taken, and suggests what to do", async () => {
    const error = await startEmbeddedPostgres({ dataDir: "tests/.tmp/never-created", port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).message).toMatch(new RegExp(`Port ${port} is already in use`));
    expect((error as Error).message).toMatch(/EMBEDDED_PG_PORT|DATABASE_URL/);
  });

  it("keeps its data across a stop and a start", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "studypack-reuse-"));
    await chmod(dir, 0o755);
    const options = { dataDir: path.join(dir, "data"), port: await freePort() };
    try {
      const first = await startEmbeddedPostgres(options);
      expect(first.created).toBe(true);
      await first.ensureDatabase("keepme");
      const writer = new pg.Client({ connectionString: first.url("keepme") });
      await writer.connect();
      await writer.query("CREATE TABLE note (body text); INSERT INTO note VALUES ('still here')");
      await writer.end();
      await first.stop();

      const second = await startEmbeddedPostgres(options);
      expect(second.created).toBe(false);
      const reader = new pg.Client({ connectionString: second.url("keepme") });
      await reader.connect();
      expect((await reader.query("SELECT body FROM note")).rows).toEqual([{ body: "still here" }]);
      // The WAL settings of decision 044, as the server runs them.
      const settings = await reader.query<{ name: string; setting: string; unit: string | null }>(
        "SELECT name, setting, unit FROM pg_settings WHERE name IN ('wal_compression', 'max_wal_size', 'checkpoint_timeout') ORDER BY name",
      );
      expect(settings.rows).toEqual([
        { name: "checkpoint_timeout", setting: "900", unit: "s" },
        { name: "max_wal_size", setting: "4096", unit: "MB" },
        { name: "wal_compression", setting: "pglz", unit: null },
      ]);
      await reader.end();
      await second.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
