// How much work one web process takes on at once (docs/decisions/038-overload.md). Without a
// limit, every request is accepted and then waits — for one of the few database connections
// (lib/db.ts), and for the event loop — so under a crowd everyone waits seconds and nobody is
// told. With it, the entry layer (lib/server/actions.ts, lib/server/routes.ts) runs at most
// `maxInFlight` requests' work at a time, lets at most `maxQueue` more wait, each for at most
// `maxWaitMs`, and refuses the rest at once: a route answers 503 with Retry-After, an action
// the BUSY result. A refused request has done nothing, so retrying it is always safe.
//
// The limit is per process: with WEB_CONCURRENCY processes, each has its own, as each has its
// own pool of database connections. Health checks are never refused (a load balancer that
// reads "busy" as "down" would take away the capacity that is left), nor next-auth's endpoints
// (its client in the sign-in form reads only its own answers, so it could not say the server is
// busy); static files never come here (Next.js serves them before any route handler).
import "server-only";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { env } from "@/lib/env";

export type AdmissionLimits = {
  /** Requests whose work runs at once; 0 turns the limit off. */
  maxInFlight: number;
  /** Requests that may wait for a turn beyond those. */
  maxQueue: number;
  /** How long one may wait before it is refused. */
  maxWaitMs: number;
  /** What a refusal tells the client to wait before trying again. */
  retryAfterSeconds: number;
  /**
   * When the process's event loop lags more than this (ms, mean of the last half second), a
   * request that finds no free slot is refused at once instead of waiting: its wait would come
   * on top of the lag it has already had. 0 turns this off.
   */
  maxLoopDelayMs: number;
};

/** Thrown by `Admission.run` when the request is refused: nothing of its work ran. */
export class Overloaded extends Error {
  constructor(readonly retryAfterSeconds: number, readonly reason: "queue-full" | "waited-too-long" | "loop-lagging") {
    super(`server busy (${reason})`);
    this.name = "Overloaded";
  }
}

type Waiter = { admit: () => void; timer: ReturnType<typeof setTimeout> };

export class Admission {
  private inFlight = 0;
  private readonly queue: Waiter[] = [];
  /** Counters since the process started, for tests and for a look from a debugger. */
  readonly counts = { admitted: 0, queued: 0, refused: 0 };

  constructor(
    readonly limits: AdmissionLimits,
    /** The event loop's recent delay in ms (loopDelay() in a server; a stub in tests). */
    private readonly lag: () => number = () => 0,
  ) {}

  get running(): number {
    return this.inFlight;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Runs `work` when there is room; throws Overloaded (without running it) when there is none in time. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    const { maxInFlight, maxQueue, maxWaitMs, retryAfterSeconds } = this.limits;
    if (maxInFlight <= 0 || this.inFlight < maxInFlight) {
      this.inFlight++;
      this.counts.admitted++;
      return Promise.resolve();
    }
    if (this.queue.length >= maxQueue) {
      this.counts.refused++;
      return Promise.reject(new Overloaded(retryAfterSeconds, "queue-full"));
    }
    if (this.limits.maxLoopDelayMs > 0 && this.lag() > this.limits.maxLoopDelayMs) {
      this.counts.refused++;
      return Promise.reject(new Overloaded(retryAfterSeconds, "loop-lagging"));
    }
    this.counts.queued++;
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        // The slot of the request that left passes straight to this one: inFlight stays as it is.
        admit: () => {
          clearTimeout(waiter.timer);
          this.counts.admitted++;
          resolve();
        },
        timer: setTimeout(() => {
          const at = this.queue.indexOf(waiter);
          if (at >= 0) this.queue.splice(at, 1);
          this.counts.refused++;
          reject(new Overloaded(retryAfterSeconds, "waited-too-long"));
        }, maxWaitMs),
      };
      this.queue.push(waiter);
    });
  }

  private leave(): void {
    const next = this.queue.shift();
    if (next) next.admit();
    else this.inFlight--;
  }
}

/** Paths whose requests are never refused: the health check, next-auth's endpoints. */
const NEVER_SHED = ["/api/health", "/api/auth"];

export function neverShed(pathname: string): boolean {
  return NEVER_SHED.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

export function limitsFromEnv(): AdmissionLimits {
  const e = env();
  return {
    maxInFlight: e.ADMISSION_MAX_IN_FLIGHT,
    maxQueue: e.ADMISSION_MAX_QUEUE,
    maxWaitMs: e.ADMISSION_MAX_WAIT_MS,
    retryAfterSeconds: e.ADMISSION_RETRY_AFTER_SECONDS,
    maxLoopDelayMs: e.ADMISSION_MAX_LOOP_DELAY_MS,
  };
}

const RESOLUTION_MS = 10;
let lastDelayMs = 0;
let monitoring = false;

/**
 * The event loop's mean delay over the last half second, in ms: how long a callback that was due
 * waited for the loop (the monitor's timer fires every RESOLUTION_MS; what it took beyond that).
 */
export function loopDelay(): number {
  if (!monitoring) {
    monitoring = true;
    const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    histogram.enable();
    setInterval(() => {
      lastDelayMs = histogram.count > 0 ? Math.max(0, histogram.mean / 1e6 - RESOLUTION_MS) : 0;
      histogram.reset();
    }, 500).unref();
  }
  return lastDelayMs;
}

// One per process, kept on globalThis: Next.js bundles this module into several chunks (route
// handlers, server actions), and one limit must count them all.
const globalForAdmission = globalThis as unknown as { studypackAdmission?: Admission };

export function admission(): Admission {
  globalForAdmission.studypackAdmission ??= new Admission(limitsFromEnv(), loopDelay);
  return globalForAdmission.studypackAdmission;
}
