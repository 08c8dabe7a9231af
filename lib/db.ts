// The one Prisma client of the process. The web process always gets DATABASE_URL from the
// launcher (scripts/serve.ts), which starts the embedded PostgreSQL when none is configured.
// The client is made on first use, so `next build` (which imports pages) needs no database.
import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, env } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  if (!globalForPrisma.prisma) {
    // Kept on globalThis so `next dev` does not open a new pool on every edit.
    globalForPrisma.prisma = new PrismaClient({
      adapter: new PrismaPg({
        connectionString: databaseUrl(),
        max: env().NODE_ENV === "test" ? 5 : 10,
        // Fail fast when the database is down, so /api/health can say so.
        connectionTimeoutMillis: 5_000,
        // The app's queries read hundreds to a few thousand rows through indexes. Starting
        // parallel workers for them cost more than it saved (a progress page's cells: 13 → 10 ms)
        // and took the second core from the request beside it.
        options: "-c max_parallel_workers_per_gather=0",
      }, {
        // Each statement is prepared once per connection under a name made from its text, then
        // reused: PostgreSQL parses it once and, after a few runs, keeps its plan. The progress
        // pages' joins took longer to plan than to run (docs/benchmarks.md). The names come from
        // the SQL text, so one name never stands for two statements.
        statementNameGenerator: (query) => `s_${createHash("sha1").update(query.sql).digest("base64url")}`,
      }),
    });
  }
  return globalForPrisma.prisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});

export type { Prisma } from "@/lib/generated/prisma/client";
