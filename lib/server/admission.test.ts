// The limit of work at once: requests beyond it wait a bounded time or are refused at once, a
// slot comes back however the work ends, and the entry layer answers a refusal as 503 with
// Retry-After (routes) or BUSY (actions) while the health check is still answered.
import { afterEach, describe, expect, it } from "vitest";
import { Admission, admission, neverShed, Overloaded, type AdmissionLimits } from "@/lib/server/admission";
import { GET as health } from "@/app/api/health/route";
import { POST as submit } from "@/app/api/groups/[groupSlug]/packs/[packNumber]/responses/route";
import { saveDraftAction } from "@/app/(app)/groups/[groupSlug]/packs/actions";
import { POST as uploadScan } from "@/app/api/groups/[groupSlug]/packs/[packNumber]/scans/route";
import { makeFacilitator, makeGroup } from "@/tests/factories";
import { sessionCookie } from "@/tests/factories/session";

const limits = (over: Partial<AdmissionLimits> = {}): AdmissionLimits => ({ maxInFlight: 2, maxQueue: 1, maxWaitMs: 200, retryAfterSeconds: 1, maxLoopDelayMs: 0, ...over });

/** Work that runs until `finish` is called. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => done, finish };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof Overloaded ? error.reason : error));

describe("Admission", () => {
  it("runs at most maxInFlight at once, queues maxQueue more, and refuses the rest at once", async () => {
    const gate = new Admission(limits());
    const a = held();
    const b = held();
    const runA = gate.run(a.work);
    const runB = gate.run(b.work);
    expect(gate.running).toBe(2);
    let cStarted = false;
    const runC = gate.run(async () => {
      cStarted = true;
    });
    expect(gate.waiting).toBe(1);
    const started = performance.now();
    expect(await refusal(gate.run(async () => "never"))).toBe("queue-full");
    expect(performance.now() - started).toBeLessThan(50);
    expect(cStarted).toBe(false);
    a.finish();
    await runA;
    await runC;
    expect(cStarted).toBe(true);
    b.finish();
    await runB;
    expect(gate.running).toBe(0);
    expect(gate.counts).toEqual({ admitted: 3, queued: 1, refused: 1 });
  });

  it("refuses a queued request once it has waited maxWaitMs, without running it", async () => {
    const gate = new Admission(limits({ maxInFlight: 1, maxWaitMs: 100 }));
    const a = held();
    const runA = gate.run(a.work);
    let ran = false;
    const started = performance.now();
    const error = await gate.run(async () => (ran = true)).catch((e: unknown) => e);
    const waited = performance.now() - started;
    expect(error).toBeInstanceOf(Overloaded);
    expect((error as Overloaded).reason).toBe("waited-too-long");
    expect((error as Overloaded).retryAfterSeconds).toBe(1);
    expect(waited).toBeGreaterThanOrEqual(95);
    expect(waited).toBeLessThan(400);
    expect(ran).toBe(false);
    expect(gate.waiting).toBe(0);
    a.finish();
    await runA;
    // The slot is free again: the next one runs at once.
    expect(await gate.run(async () => "ran")).toBe("ran");
    expect(gate.running).toBe(0);
  });

  it("gives the slot back when the work throws", async () => {
    const gate = new Admission(limits({ maxInFlight: 1, maxQueue: 0 }));
    for (let i = 0; i < 5; i++) await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(gate.running).toBe(0);
    expect(await gate.run(async () => "ran")).toBe("ran");
  });

  it("refuses instead of queueing while the event loop lags, and still admits when there is a free slot", async () => {
    let lag = 0;
    const gate = new Admission(limits({ maxInFlight: 1, maxQueue: 5, maxLoopDelayMs: 100 }), () => lag);
    lag = 500;
    expect(await gate.run(async () => "ran")).toBe("ran");
    const a = held();
    const runA = gate.run(a.work);
    const started = performance.now();
    expect(await refusal(gate.run(async () => "never"))).toBe("loop-lagging");
    expect(performance.now() - started).toBeLessThan(50);
    lag = 20;
    const queued = gate.run(async () => "queued");
    expect(gate.waiting).toBe(1);
    a.finish();
    await runA;
    expect(await queued).toBe("queued");
  });

  it("has no limit when maxInFlight is 0", async () => {
    const gate = new Admission(limits({ maxInFlight: 0, maxQueue: 0 }));
    const all = Array.from({ length: 50 }, () => held());
    const runs = all.map((h) => gate.run(h.work));
    expect(gate.counts.refused).toBe(0);
    for (const h of all) h.finish();
    await Promise.all(runs);
  });

  it("never sheds the health check or next-auth's endpoints", () => {
    expect(neverShed("/api/health")).toBe(true);
    expect(neverShed("/api/auth/callback/credentials")).toBe(true);
    expect(neverShed("/api/healthy")).toBe(false);
    expect(neverShed("/api/groups/intro/packs/1/responses")).toBe(false);
  });
});

describe("the entry layer under overload", () => {
  const global = globalThis as unknown as { studypackAdmission?: Admission };
  afterEach(() => {
    delete global.studypackAdmission;
  });

  it("answers a route 503 with Retry-After and an action BUSY, and still answers health", async () => {
    const gate = new Admission({ maxInFlight: 1, maxQueue: 0, maxWaitMs: 100, retryAfterSeconds: 2, maxLoopDelayMs: 0 });
    global.studypackAdmission = gate;
    expect(admission()).toBe(gate);
    const blocker = held();
    const blocked = gate.run(blocker.work);
    try {
      const url = "http://localhost/api/groups/intro/packs/1/responses";
      const answer = await submit(
        new Request(url, { method: "POST", headers: { "content-type": "application/json", origin: "http://localhost" }, body: JSON.stringify({ promptId: "p", body: "text", submitKey: "k" }) }),
        { params: Promise.resolve({ groupSlug: "intro", packNumber: "1" }) },
      );
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("2");
      expect(await answer.json()).toEqual({ ok: false, code: "BUSY", fieldErrors: {}, formError: "errors.busy" });

      expect(await saveDraftAction({ groupSlug: "intro", packNumber: 1, promptId: "p", body: "text" })).toEqual({ ok: false, code: "BUSY", fieldErrors: {}, formError: "errors.busy" });

      const ok = await health(new Request("http://localhost/api/health"), { params: Promise.resolve({}) });
      expect(ok.status).toBe(200);
      expect(gate.counts.refused).toBe(2);
    } finally {
      blocker.finish();
      await blocked;
    }
  });

  it("does not hold a turn while an upload's bytes arrive", async () => {
    const group = await makeGroup();
    const facilitator = await makeFacilitator(group.id);
    const { cookie } = await sessionCookie(facilitator.id);
    const gate = new Admission({ maxInFlight: 1, maxQueue: 0, maxWaitMs: 100, retryAfterSeconds: 1, maxLoopDelayMs: 0 });
    global.studypackAdmission = gate;

    // A body that sends its first bytes, then waits until the test lets it end.
    let reading!: () => void;
    const readingStarted = new Promise<void>((resolve) => (reading = resolve));
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // The stream fills its queue once when made; the second pull is the route reading it.
        pulls++;
        if (pulls === 1) {
          controller.enqueue(new TextEncoder().encode("--x\r\nContent-Disposition: form-data; name=\"memberId\"\r\n\r\n"));
          return;
        }
        reading();
        await finished;
        controller.enqueue(new TextEncoder().encode("m\r\n--x--\r\n"));
        controller.close();
      },
    });
    const url = `http://localhost/api/groups/${group.slug}/packs/1/scans`;
    const answer = uploadScan(
      new Request(url, { method: "POST", headers: { cookie, host: "localhost", origin: "http://localhost", "content-type": "multipart/form-data; boundary=x" }, body, duplex: "half" } as RequestInit),
      { params: Promise.resolve({ groupSlug: group.slug, packNumber: "1" }) },
    );
    // (An answer before the body is read would be a failure of this test's set-up: say which.)
    const early = await Promise.race([readingStarted.then(() => null), answer.then(async (r) => `${r.status} ${await r.text()}`)]);
    expect(early).toBeNull();
    // Authorized, and now reading: the one turn is free for another request meanwhile.
    expect(gate.running).toBe(0);
    expect(await gate.run(async () => "another request")).toBe("another request");
    finish();
    const response = await answer;
    expect(response.status).not.toBe(503);
    expect(gate.running).toBe(0);
    expect(gate.counts.refused).toBe(0);
  });
});
