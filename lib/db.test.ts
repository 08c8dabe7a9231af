import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

describe("the app's database connections", () => {
  it("run without parallel workers", async () => {
    // Several connections of the pool, each asked on its own.
    const settings = await Promise.all(Array.from({ length: 4 }, () => db.$queryRaw<{ value: string }[]>`SELECT current_setting('max_parallel_workers_per_gather') AS "value"`));
    expect(settings.map((rows) => rows[0]!.value)).toEqual(["0", "0", "0", "0"]);
  });

  it("prepare each statement once and reuse it", async () => {
    await db.$transaction(async (tx) => {
      // Inside one transaction, so both runs use the same connection.
      await tx.$queryRaw`SELECT 1 AS "one" WHERE ${"x"}::text = 'x'`;
      await tx.$queryRaw`SELECT 1 AS "one" WHERE ${"y"}::text = 'x'`;
      const prepared = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n" FROM pg_prepared_statements WHERE statement LIKE 'SELECT 1 AS "one" WHERE%'`;
      expect(prepared[0]!.n).toBe(1);
    });
  });
});
