// The reasons /api/health gives for a database that does not answer: words an operator can act
// on, from the driver adapter's classification or PostgreSQL's code, and never a URL. And the
// job queue's part, against the real queue (pg-boss) with no worker taking jobs.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { databaseReason } from "@/lib/db/health";
import { queue, QUEUES } from "@/lib/jobs/queue";
import { resetEmailQueue } from "@/tests/setup/email-queue";

/** The shape Prisma's error has when the pg adapter classified the failure. */
const prismaError = (cause: Record<string, unknown>, message = "Invalid `prisma.$queryRaw()` invocation") =>
  Object.assign(new Error(message), { code: "P2010", meta: { driverAdapterError: { cause } } });

describe("databaseReason", () => {
  it("names the usual failures", () => {
    expect(databaseReason(prismaError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5433 }))).toMatch(/^connection refused/);
    expect(databaseReason(prismaError({ kind: "postgres", code: "57P03" }))).toMatch(/starting up/);
    expect(databaseReason(prismaError({ kind: "postgres", code: "57P01" }))).toMatch(/shutting down, or it crashed/);
    expect(databaseReason(prismaError({ kind: "AuthenticationFailed", user: "studypack" }))).toMatch(/password/);
    expect(databaseReason(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5433"), { code: "ECONNREFUSED" }))).toMatch(/^connection refused/);
    expect(databaseReason(new Error("PostgreSQL did not answer within 5 s"))).toBe("PostgreSQL did not answer in time");
  });

  it("passes on an unknown failure's last line without any URL in it", () => {
    const reason = databaseReason(prismaError({ kind: "postgres", code: "XX000" }, "Invalid call\n\nsomething broke at postgresql://studypack:secret@db:5432/studypack"));
    expect(reason).toBe("PostgreSQL did not answer: something broke at …");
    expect(reason).not.toContain("secret");
  });
});

describe("the job queue's part", () => {
  beforeEach(async () => {
    await resetEmailQueue();
    await queue();
    // Jobs other test files left due in other queues (retention, backups, print runs) would count.
    await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE state < 'active'`);
    // Its state is kept for ten seconds; each test reads afresh.
    vi.resetModules();
  });
  afterAll(async () => {
    await resetEmailQueue();
  });

  it("counts the jobs due and is ok while the oldest is young", async () => {
    await (await queue()).send(QUEUES.email, { test: "due now" });
    const { jobs } = await import("@/lib/db/health");
    const part = await jobs();
    expect(part).toMatchObject({ status: "ok", waiting: 1 });
    expect(part.oldestWaitingSeconds).toBeLessThan(60);
  });

  it("is down when a job has waited a quarter of an hour: no worker takes them", async () => {
    await (await queue()).send(QUEUES.email, { test: "due long ago" }, { startAfter: new Date(Date.now() - 20 * 60_000) });
    const { jobs } = await import("@/lib/db/health");
    const part = await jobs();
    expect(part).toMatchObject({ status: "down", waiting: 1 });
    expect(part.reason).toMatch(/1 job\(s\) due, the oldest for 20 minutes: no job worker is taking them/);
  });
});
