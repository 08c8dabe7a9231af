// The S3 driver against a small S3 stand-in on a local port. The stand-in checks each request the
// way S3 does: it recomputes the SigV4 signature from the request as it arrived (so whatever
// fetch adds or changes on the way would show), and checks the body against the signed
// x-amz-content-sha256. The signing itself is checked against AWS's examples in sigv4.test.ts.
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { S3Storage, S3StorageError } from "@/lib/storage/s3";
import { sign } from "@/lib/storage/sigv4";
import { newStorageKey, StorageNotFoundError } from "@/lib/storage/keys";

const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "test/secret+key" };
const region = "eu-test-1";

type Received = { method: string; path: string; headers: http.IncomingHttpHeaders; body: Buffer };
const objects = new Map<string, { body: Buffer; contentType: string }>();
const received: Received[] = [];
let refuseWith: { status: number; code: string } | null = null;

function verify(req: Received): string | null {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
    String(req.headers.authorization),
  );
  if (!auth) return "AuthorizationHeaderMalformed";
  const [, accessKeyId, , signedRegion, signedHeaders, signature] = auth;
  if (accessKeyId !== credentials.accessKeyId || signedRegion !== region) return "InvalidAccessKeyId";
  const payloadHash = String(req.headers["x-amz-content-sha256"]);
  if (createHash("sha256").update(req.body).digest("hex") !== payloadHash) return "XAmzContentSHA256Mismatch";
  const headers = Object.fromEntries(signedHeaders!.split(";").map((name) => [name, String(req.headers[name] ?? "")]));
  const expected = sign({
    method: req.method,
    url: new URL(req.path, `http://${req.headers.host}`),
    headers,
    payloadHash,
    amzDate: String(req.headers["x-amz-date"]),
    region,
    service: "s3",
    credentials,
  });
  return expected.signature === signature ? null : "SignatureDoesNotMatch";
}

const server = http.createServer(async (request, response) => {
  const req: Received = { method: request.method ?? "", path: request.url ?? "", headers: request.headers, body: await buffer(request) };
  received.push(req);
  const fail = (status: number, code: string) => {
    response.writeHead(status, { "content-type": "application/xml" });
    response.end(req.method === "HEAD" ? undefined : `<?xml version="1.0"?><Error><Code>${code}</Code><Message>no</Message></Error>`);
  };
  if (refuseWith) return fail(refuseWith.status, refuseWith.code);
  const problem = verify(req);
  if (problem) return fail(403, problem);
  const stored = objects.get(req.path);
  switch (req.method) {
    case "PUT":
      if (String(req.headers["content-length"]) !== String(req.body.length)) return fail(400, "IncompleteBody");
      objects.set(req.path, { body: req.body, contentType: String(req.headers["content-type"]) });
      return response.writeHead(200, { etag: '"x"' }).end();
    case "GET":
      if (!stored) return fail(404, "NoSuchKey");
      return response.writeHead(200, { "content-type": stored.contentType, "content-length": stored.body.length }).end(stored.body);
    case "HEAD":
      if (!stored) return fail(404, "NoSuchKey");
      return response.writeHead(200, { "content-length": stored.body.length }).end();
    case "DELETE":
      objects.delete(req.path);
      return response.writeHead(204).end();
    default:
      return fail(405, "MethodNotAllowed");
  }
});

let store: S3Storage;
let endpoint: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/storage`;
  store = new S3Storage({ endpoint, bucket: "studypack-files", region, ...credentials });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
  refuseWith = null;
});

const spools = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith("studypack-s3-")).length;

describe("S3Storage", () => {
  it("puts, reads, checks and deletes an object, path-style, every request signed", async () => {
    const key = newStorageKey("scans");
    const body = Buffer.from("%PDF-1.4 a scan");
    await store.put(key, body, "application/pdf");
    expect(received[0]).toMatchObject({ method: "PUT", path: `/storage/studypack-files/${key}` });
    expect(received[0]?.headers["content-type"]).toBe("application/pdf");
    expect(objects.get(`/storage/studypack-files/${key}`)?.body.equals(body)).toBe(true);

    expect(await store.exists(key)).toBe(true);
    expect((await buffer(await store.get(key))).equals(body)).toBe(true);
    await store.delete(key);
    expect(await store.exists(key)).toBe(false);
    expect(received.map((r) => r.method)).toEqual(["PUT", "HEAD", "GET", "DELETE", "HEAD"]);
  });

  it("sends a stream of unknown length with its length and hash, and cleans up its spool file", async () => {
    const before = spools();
    const key = newStorageKey("print-runs");
    const parts = Array.from({ length: 50 }, (_, i) => Buffer.alloc(20_000, i));
    await store.put(key, Readable.from(parts), "application/pdf");
    const all = Buffer.concat(parts);
    expect(received[0]?.headers["content-length"]).toBe(String(all.length));
    expect(received[0]?.headers["transfer-encoding"]).toBeUndefined();
    expect((await buffer(await store.get(key))).equals(all)).toBe(true);
    expect(spools()).toBe(before);
  });

  it("a stream that fails sends nothing and leaves no spool file", async () => {
    const before = spools();
    const failing = new Readable({
      read() {
        this.push(Buffer.from("half"));
        this.destroy(new Error("connection reset"));
      },
    });
    await expect(store.put(newStorageKey("print-runs"), failing, "application/pdf")).rejects.toThrow("connection reset");
    expect(received).toEqual([]);
    expect(spools()).toBe(before);
  });

  it("get of a missing key is StorageNotFoundError", async () => {
    await expect(store.get(newStorageKey("scans"))).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it("a refusal is an S3StorageError with S3's code and no secret in it", async () => {
    refuseWith = { status: 403, code: "AccessDenied" };
    const error = await store.put(newStorageKey("scans"), Buffer.from("x"), "image/png").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3StorageError);
    expect(error).toMatchObject({ status: 403, s3Code: "AccessDenied", operation: "PutObject" });
    expect(String(error)).not.toContain(credentials.secretAccessKey);
    await expect(store.exists(newStorageKey("scans"))).rejects.toMatchObject({ status: 403, operation: "HeadObject" });
  });

  it("wrong credentials are caught by the signature check", async () => {
    const wrong = new S3Storage({ endpoint, bucket: "studypack-files", region, accessKeyId: credentials.accessKeyId, secretAccessKey: "not-the-secret" });
    await expect(wrong.put(newStorageKey("scans"), Buffer.from("x"), "image/png")).rejects.toMatchObject({ s3Code: "SignatureDoesNotMatch" });
  });

  it("refuses keys that are not ours before any request", async () => {
    await expect(store.get("../other-bucket/x")).rejects.toThrow("invalid storage key");
    expect(received).toEqual([]);
  });

  it("builds path-style URLs with or without a path in the endpoint", () => {
    const plain = new S3Storage({ endpoint: "https://s3.eu-west-1.amazonaws.com", bucket: "b", region: "eu-west-1", ...credentials });
    expect(plain.objectUrl("scans/2025/01/abc").href).toBe("https://s3.eu-west-1.amazonaws.com/b/scans/2025/01/abc");
    const withPath = new S3Storage({ endpoint: "http://minio:9000/s3/", bucket: "b", region, ...credentials });
    expect(withPath.objectUrl("scans/x").href).toBe("http://minio:9000/s3/b/scans/x");
  });
});
