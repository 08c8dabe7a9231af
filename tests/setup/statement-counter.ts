// A Prisma client that reports every SQL statement, for tests that count what a function sends
// (a page's statement count must not grow with its data; the session check is one statement).
// `asAppClient: true` puts it where lib/db keeps the app's client (globalThis.prisma, made on
// first use), so the app's own code runs through it; nothing of the project is mocked.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function statementCounter(options: { asAppClient?: boolean; connections?: number } = {}) {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: options.connections ?? 5 }),
    log: [{ emit: "event", level: "query" }],
  });
  let statements = 0;
  client.$on("query", () => {
    statements++;
  });
  if (options.asAppClient) (globalThis as unknown as { prisma?: PrismaClient }).prisma = client;
  afterAll(() => client.$disconnect());

  /** Runs `work` and counts the statements it sent, with its result and how long it took. */
  async function count<T>(work: () => Promise<T>): Promise<{ result: T; statements: number; ms: number }> {
    statements = 0;
    const started = performance.now();
    const result = await work();
    return { result, statements, ms: Math.round(performance.now() - started) };
  }
  return { client, count };
}
