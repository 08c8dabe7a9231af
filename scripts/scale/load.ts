// Load runs for `npm run bench` (autocannon), and the statements a request sent to PostgreSQL,
// read from the server's log (log_min_duration_statement = 0 while one request runs).
import http from "node:http";
import autocannon from "autocannon";
import type pg from "pg";

export type Percentiles = { p50: number; p95: number; p99: number };
export type LoadResult = Percentiles & { requests: number; rps: number; non2xx: number; errors: number; seconds: number };

export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export type LoadRequest = { method?: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };

export type LoadOptions = {
  url: string;
  connections: number;
  /** Seconds; or `amount` requests. */
  duration?: number;
  amount?: number;
  overallRate?: number;
  /** A request to send; called once per request, so each may differ. */
  next: () => LoadRequest;
};

/** One autocannon run; latencies are measured per request (ms, from the 'response' event). */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const first = options.next();
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 10 }),
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        method: first.method ?? "GET",
        path: first.path,
        setupRequest: (req: Record<string, unknown>) => {
          const r = options.next();
          return { ...req, method: r.method ?? "GET", path: r.path, headers: { ...(r.headers ?? {}) }, body: r.body };
        },
      },
    ],
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance.once("done", resolve);
    instance.once("error", reject);
  });
  return {
    ...percentiles(latencies),
    requests: result.requests.total,
    rps: result.requests.total / (result.duration || 1),
    non2xx: result.non2xx,
    errors: result.errors,
    seconds: result.duration,
  };
}

/**
 * Requests at a steady rate, each sent at its time whether or not earlier ones have answered (an
 * open loop), with its latency counted from that time. autocannon's `overallRate` does not do
 * this: each connection sends its share of a second back to back as soon as the second starts and
 * then waits for the next (autocannon/lib/httpClient.js, `rateInterval` and `reqsMadeThisSecond`),
 * so "100/s" arrives as a burst of 20 connections' worth of work at the top of each second, and
 * the latencies are those of the burst. Kept-alive sockets, at most `maxSockets` at once.
 */
export async function paced(options: {
  url: string;
  rate: number;
  duration: number;
  next: () => LoadRequest;
  maxSockets?: number;
  /** Called with each answer: the request, its latency (ms) and status (0 for a failed request). */
  onAnswer?: (request: LoadRequest, ms: number, status: number) => void;
}): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  const total = Math.round(options.rate * options.duration);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const start = performance.now() + 20;
  const answered: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const r = options.next();
    answered.push(
      new Promise<void>((resolve) => {
        const headers: Record<string, string | number> = { ...(r.headers ?? {}) };
        if (r.body !== undefined) headers["content-length"] = Buffer.byteLength(r.body);
        const req = http.request({ host: target.hostname, port: target.port, path: r.path, method: r.method ?? "GET", headers, agent }, (res) => {
          res.resume();
          res.once("end", () => {
            latencies.push(performance.now() - due);
            options.onAnswer?.(r, performance.now() - due, res.statusCode ?? 0);
            if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) non2xx++;
            resolve();
          });
        });
        req.once("error", () => {
          errors++;
          options.onAnswer?.(r, performance.now() - due, 0);
          resolve();
        });
        req.end(r.body);
      }),
    );
  }
  await Promise.all(answered);
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return { ...percentiles(latencies), requests: latencies.length, rps: latencies.length / seconds, non2xx, errors, seconds };
}

export type Statement = { pid: number; phase: string; ms: number; text: string; params: (string | null)[] };

const ENTRY = /^\S+ \S+ \S+ \[(\d+)\] (LOG|DETAIL|ERROR|STATEMENT|WARNING|HINT|CONTEXT|FATAL):  (.*)$/;
const DURATION = /^duration: ([\d.]+) ms {2}(parse|bind|execute|statement)(?: [^:]*)?: ([\s\S]*)$/;
const PARAM = /\$(\d+) = (NULL|'((?:[^']|'')*)')/g;

/** Duration entries (with their parameters) from PostgreSQL's stderr log text. */
export function parseStatements(logText: string): Statement[] {
  const entries: { pid: number; level: string; text: string }[] = [];
  for (const line of logText.split("\n")) {
    const m = ENTRY.exec(line);
    if (m) entries.push({ pid: Number(m[1]), level: m[2]!, text: m[3]! });
    else if (entries.length && line.trim() !== "") entries[entries.length - 1]!.text += `\n${line}`;
  }
  const out: Statement[] = [];
  for (const e of entries) {
    if (e.level === "LOG") {
      const d = DURATION.exec(e.text);
      if (d) out.push({ pid: e.pid, phase: d[2]!, ms: Number(d[1]), text: d[3]!.trim(), params: [] });
    } else if (e.level === "DETAIL" && /^Parameters: /i.test(e.text)) {
      const last = out.findLast((s) => s.pid === e.pid);
      if (!last) continue;
      const params: (string | null)[] = [];
      for (const p of e.text.matchAll(PARAM)) params[Number(p[1]) - 1] = p[2] === "NULL" ? null : p[3]!.replace(/''/g, "'");
      last.params = params;
    }
  }
  return out;
}

export type SqlProfile = { statements: number; selects: number; serverMs: number; replayMs: number | null };

/**
 * What one request asked of PostgreSQL: statements run (execute + simple statements), the time
 * the server logged for them (parse + bind + execute), and the time of replaying its SELECTs
 * directly with pg (sum of the medians of `replays` runs each).
 */
export async function profileStatements(statements: Statement[], client: pg.Client, replays = 15): Promise<SqlProfile> {
  const run = statements.filter((s) => s.phase === "execute" || s.phase === "statement");
  const selects = run.filter((s) => /^\s*(SELECT|WITH)\b/i.test(s.text));
  let replayMs: number | null = 0;
  try {
    for (const s of selects) {
      const times: number[] = [];
      for (let i = 0; i < replays; i++) {
        const started = performance.now();
        await client.query(s.text, s.params);
        times.push(performance.now() - started);
      }
      replayMs += percentiles(times).p50;
    }
  } catch {
    replayMs = null;
  }
  return { statements: run.length, selects: selects.length, serverMs: statements.reduce((sum, s) => sum + s.ms, 0), replayMs };
}
