// The health endpoint against the real database, and against one that does not answer.
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  (globalThis as { prisma?: unknown }).prisma = undefined;
  vi.resetModules();
});

const call = (GET: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>) =>
  GET(new Request("http://studypack.test/api/health"), { params: Promise.resolve({}) });

describe("GET /api/health", () => {
  it("answers 200 ok when PostgreSQL answers", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await call(GET);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; parts: { database: { status: string }; jobs: { status: string } } };
    expect(body.parts.database).toEqual({ status: "ok" });
    // The test database may or may not have the job queue's tables; either way the page works.
    expect(body.status).toBe(body.parts.jobs.status === "ok" ? "ok" : "degraded");
  });

  it("answers 503 with a reason when PostgreSQL does not", async () => {
    const real = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/none";
    try {
      const { GET } = await import("@/app/api/health/route");
      const response = await call(GET);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: "unavailable",
        reason: "database not reachable",
        parts: {
          database: { status: "down", reason: "connection refused: PostgreSQL is not running or not listening on its port" },
          jobs: { status: "down", reason: "the database is down" },
        },
      });
    } finally {
      process.env.DATABASE_URL = real;
    }
  });
});
