// The client address as the throttle sees it, through a real HTTP server on loopback: the
// socket's address is appended to X-Forwarded-For (what Next.js itself does not do when the
// client sent one), and only TRUSTED_PROXIES may speak for someone else.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, PEER_MARK_HEADER, recordPeerAddresses, stopRecordingPeerAddresses } from "@/lib/auth/client-address";

let server: http.Server;
let trusted: string[] = [];

beforeAll(async () => {
  recordPeerAddresses();
  server = http.createServer((req, res) => res.end(JSON.stringify({ address: clientAddress(req.headers, trusted), forwardedFor: req.headers["x-forwarded-for"] })));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  stopRecordingPeerAddresses();
  await new Promise((resolve) => server.close(resolve));
});

async function ask(headers: Record<string, string>, trustedProxies: string[] = []): Promise<{ address: string | null; forwardedFor: string }> {
  trusted = trustedProxies;
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { connection: "close", ...headers } });
  return response.json() as Promise<{ address: string | null; forwardedFor: string }>;
}

describe("clientAddress", () => {
  it("is the socket's address when nothing is forwarded", async () => {
    expect(await ask({})).toEqual({ address: "127.0.0.1", forwardedFor: "127.0.0.1" });
  });

  it("ignores an X-Forwarded-For forged by a peer that is not a trusted proxy", async () => {
    expect((await ask({ "x-forwarded-for": "203.0.113.9" })).address).toBe("127.0.0.1");
    expect((await ask({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }, ["10.0.0.0/8"])).address).toBe("127.0.0.1");
    // A forged mark changes nothing: the server overwrites it with its own.
    expect((await ask({ "x-forwarded-for": "203.0.113.9", [PEER_MARK_HEADER]: "forged" })).address).toBe("127.0.0.1");
  });

  it("believes a trusted proxy, reading from the right and stopping at the first address it does not trust", async () => {
    expect((await ask({ "x-forwarded-for": "203.0.113.9" }, ["127.0.0.1"])).address).toBe("203.0.113.9");
    // A client forging a list in front of the proxy's entry: the proxy's entry (the right-most it added) wins.
    expect((await ask({ "x-forwarded-for": "192.0.2.1, 198.51.100.20" }, ["127.0.0.0/8"])).address).toBe("198.51.100.20");
    // Two trusted hops.
    expect((await ask({ "x-forwarded-for": "198.51.100.20, 10.1.2.3" }, ["127.0.0.1", "10.0.0.0/8"])).address).toBe("198.51.100.20");
    // Garbage behind a trusted proxy: the proxy is as far as we can see.
    expect((await ask({ "x-forwarded-for": "not-an-address" }, ["127.0.0.1"])).address).toBe("127.0.0.1");
  });

  it("is unknown for a request that did not pass the recorder (a forged mark cannot stand in for it)", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" }, [])).toBeNull();
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9", [PEER_MARK_HEADER]: "guess" }, [])).toBeNull();
    expect(clientAddress(undefined, [])).toBeNull();
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["::ffff:10.0.0.1", "10.0.0.1"],
    [" 203.0.113.9 ", "203.0.113.9"],
    ["203.0.113.9:4711", "203.0.113.9"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["2001:db8::1", "2001:db8::1"],
    ["unknown", null],
    ["", null],
    ["10.0.0.256", null],
    [undefined, null],
  ])("%s → %s", (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });
});
