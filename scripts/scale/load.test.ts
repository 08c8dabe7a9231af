// The steady sender of `npm run bench`: requests go out at their times, not as a burst and not
// one after another's answer, and latency counts from the time a request was due.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { paced } from "@/scripts/scale/load";

describe("paced", () => {
  it("sends at a steady rate without waiting for answers, and counts latency from each request's time", async () => {
    const arrivals: number[] = [];
    const server = http.createServer((req, res) => {
      arrivals.push(performance.now());
      req.resume();
      // Every answer takes 40 ms: a sender that waited for answers could not keep 200/s on a few sockets.
      setTimeout(() => res.end(req.url === "/bad" ? "" : "ok"), 40).unref();
      if (req.url === "/bad") res.statusCode = 500;
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      let n = 0;
      const result = await paced({ url, rate: 200, duration: 0.5, next: () => ({ path: n++ % 10 === 9 ? "/bad" : "/", method: "POST", body: "{}" }) });
      expect(result.requests).toBe(100);
      expect(result.non2xx).toBe(10);
      expect(result.errors).toBe(0);
      expect(result.p50).toBeGreaterThanOrEqual(40);
      // Spread over the half second (a burst would arrive within a few ms) …
      expect(arrivals[arrivals.length - 1]! - arrivals[0]!).toBeGreaterThan(400);
      // … and several requests were out at once while the first ones waited for their answers.
      expect(arrivals.filter((t) => t < arrivals[0]! + 39).length).toBeGreaterThanOrEqual(4);
    } finally {
      server.close();
    }
  });
});
