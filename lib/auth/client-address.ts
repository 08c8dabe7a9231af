// Who is on the other end of a request, for sign-in throttling.
//
// Next.js (16.4, `next start`) fills X-Forwarded-For from the socket only when the request has
// none (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in
// next/dist/server/base-server.js): a value the client sends survives whole, and the socket's
// address is then lost. So a route handler cannot tell a proxy's header from a forged one.
//
// `recordPeerAddresses()` (started by instrumentation.ts) restores what a proxy would do: Node
// publishes every incoming request on the "http.server.request.start" diagnostics channel before
// any handler sees it, and there we append the socket's address to X-Forwarded-For and stamp the
// request with this process's mark. `clientAddress()` then reads the list from the right: the
// last entry is the socket's, and each entry that is one of TRUSTED_PROXIES vouches for the one
// before it. The first address not a trusted proxy is the client. Without the mark (a request
// that arrived while the server was starting, before the subscription) the address is unknown.
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { randomBytes } from "node:crypto";
import { BlockList, isIP } from "node:net";

export const PEER_MARK_HEADER = "x-studypack-peer";

type Shared = { mark: string; subscribed: boolean };
// On globalThis: Next.js bundles instrumentation.ts and the route handlers separately, and both
// must see the same mark.
const shared: Shared = ((globalThis as Record<symbol, Shared | undefined>)[Symbol.for("studypack.peerAddress")] ??= {
  mark: randomBytes(16).toString("base64url"),
  subscribed: false,
});

/** "::ffff:10.0.0.1" (IPv4 on an IPv6 socket) → "10.0.0.1"; anything not an address → null. */
export function normalizeAddress(value: string | undefined | null): string | null {
  let address = value?.trim() ?? "";
  // "[2001:db8::1]:443" and "10.0.0.1:443" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  return isIP(address) ? address.toLowerCase() : null;
}

function onRequest(message: unknown): void {
  const { request } = message as { request: IncomingMessage };
  const peer = normalizeAddress(request.socket?.remoteAddress) ?? "unknown";
  const prior = request.headers["x-forwarded-for"];
  const list = Array.isArray(prior) ? prior.join(", ") : prior;
  request.headers["x-forwarded-for"] = list ? `${list}, ${peer}` : peer;
  request.headers[PEER_MARK_HEADER] = shared.mark;
}

/** Appends every request's socket address to its X-Forwarded-For, in this process. Idempotent. */
export function recordPeerAddresses(): void {
  if (shared.subscribed) return;
  diagnosticsChannel.subscribe("http.server.request.start", onRequest);
  shared.subscribed = true;
}

/** For tests: stop recording (the subscription is per process). */
export function stopRecordingPeerAddresses(): void {
  if (!shared.subscribed) return;
  diagnosticsChannel.unsubscribe("http.server.request.start", onRequest);
  shared.subscribed = false;
}

function trustList(trustedProxies: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of trustedProxies) {
    const [address, prefix] = entry.split("/");
    const type = isIP(address!) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(prefix), type);
  }
  return list;
}

const isTrusted = (list: BlockList, address: string) => list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * The client's address of a request whose headers passed through recordPeerAddresses(), or
 * null when it cannot be known (no mark, or a malformed list).
 */
export function clientAddress(headers: HeaderSource, trustedProxies: readonly string[]): string | null {
  if (header(headers, PEER_MARK_HEADER) !== shared.mark) return null;
  const hops = (header(headers, "x-forwarded-for") ?? "").split(",");
  const trusted = trustList(trustedProxies);
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = normalizeAddress(hops[i]);
    // A hop that is not an address was written by the client (or a broken proxy): stop trusting there.
    if (!address) return i === hops.length - 1 ? null : normalizeAddress(hops[i + 1]);
    if (i === 0 || !isTrusted(trusted, address)) return address;
  }
  return null;
}
