// The S3 driver against a real S3 server on loopback (s3rver, tests/setup/s3rver.ts), no mocks.
// s3rver does not check SigV4 signatures (only the access key id), so a wrong secret key is
// not caught here: the signing itself is pinned to AWS's published examples in
// s3-signing.test.ts.
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import os from "node:os";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { AwsV4Signer } from "aws4fetch";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startS3rver, type S3Server } from "@/tests/setup/s3rver";
import { parseListPage, S3Storage, S3StorageError } from "@/lib/storage/s3";
import { newStorageKey, StorageKeyError, StorageNotFoundError } from "@/lib/storage/keys";

let s3: S3Server;
let store: S3Storage;
const region = "us-east-1";
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  s3 = await startS3rver({ bucket: "studypack-files" });
  store = new S3Storage({ endpoint: s3.endpoint, bucket: s3.bucket, region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
});
afterAll(() => s3?.close());
beforeEach(async () => {
  await s3.sync();
  s3.requests.length = 0;
});

const spools = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith("studypack-s3-")).length;

describe("S3Storage against s3rver", () => {
  it("puts, reads, checks and deletes an object, path-style, each request signed with the body's hash", async () => {
    const key = newStorageKey("scans");
    const body = Buffer.from("%PDF-1.4 a scan");
    await store.put(key, body, "application/pdf");
    await s3.sync();
    const put = s3.requests[0]!;
    expect(put).toMatchObject({ method: "PUT", url: `/studypack-files/${key}` });
    expect(put.headers["content-type"]).toBe("application/pdf");
    expect(put.headers["x-amz-content-sha256"]).toBe(sha256(body));
    // The signature matches the request as it arrived (host, path, headers): nothing that was
    // signed changed on the way. (The signing itself: s3-signing.test.ts.)
    const signedHeaders = /SignedHeaders=([a-z0-9;-]+)/.exec(String(put.headers.authorization))?.[1]?.split(";") ?? [];
    expect(signedHeaders).toEqual(["host", "x-amz-content-sha256", "x-amz-date"]);
    const again = new AwsV4Signer({
      method: "PUT",
      url: `http://${put.headers.host}${put.url}`,
      headers: { "x-amz-content-sha256": String(put.headers["x-amz-content-sha256"]) },
      datetime: String(put.headers["x-amz-date"]),
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      region,
      service: "s3",
    });
    expect(put.headers.authorization).toBe(await again.authHeader());

    expect(await store.exists(key)).toBe(true);
    expect((await buffer(await store.get(key))).equals(body)).toBe(true);
    await store.delete(key);
    expect(await store.exists(key)).toBe(false);
    await expect(store.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    // Deleting again succeeds (a retried clean-up must not fail).
    await store.delete(key);
  });

  it("a put replaces the object whole", async () => {
    const key = newStorageKey("scans");
    await store.put(key, Buffer.from("first version"), "application/pdf");
    await store.put(key, Buffer.from("second"), "application/pdf");
    expect((await buffer(await store.get(key))).toString()).toBe("second");
  });

  it("a missing key: get throws StorageNotFoundError, exists is false", async () => {
    const key = newStorageKey("scans");
    await expect(store.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    expect(await store.exists(key)).toBe(false);
  });

  it("a bucket that does not exist is a clear error from every operation, never 'no such object'", async () => {
    const nowhere = new S3Storage({ endpoint: s3.endpoint, bucket: "no-such-bucket", region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    const key = newStorageKey("scans");
    for (const attempt of [
      () => nowhere.put(key, Buffer.from("x"), "image/png"),
      () => nowhere.get(key),
      () => nowhere.exists(key),
      () => nowhere.delete(key),
      async () => {
        for await (const _ of nowhere.list()) break;
      },
    ]) {
      const error = await attempt().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(S3StorageError);
      expect(error).toMatchObject({ status: 404, s3Code: "NoSuchBucket" });
      expect(String(error)).toContain('bucket "no-such-bucket" does not exist');
    }
  });

  it("an access key id the service does not know is refused with S3's code and no secret in the message", async () => {
    const stranger = new S3Storage({ endpoint: s3.endpoint, bucket: s3.bucket, region, accessKeyId: "NOT-A-KEY", secretAccessKey: "very-secret-value" });
    const error = await stranger.put(newStorageKey("scans"), Buffer.from("x"), "image/png").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3StorageError);
    expect(error).toMatchObject({ status: 403, s3Code: "InvalidAccessKeyId", operation: "PutObject" });
    expect(String(error)).not.toContain("very-secret-value");
    await expect(stranger.exists(newStorageKey("scans"))).rejects.toMatchObject({ status: 403, operation: "HeadObject" });
  });

  it("streams a 30 MB object up (spooled, with its length, not chunked) and down, byte for byte", async () => {
    const before = spools();
    const key = newStorageKey("print-runs");
    const chunk = 64 * 1024;
    const total = 30 * 1024 * 1024;
    const upHash = createHash("sha256");
    // Made chunk by chunk as a generated print run is, never whole in memory.
    async function* generate() {
      for (let sent = 0, i = 0; sent < total; sent += chunk, i++) {
        const part = Buffer.alloc(chunk, i % 251);
        part.writeUInt32BE(i, 0);
        upHash.update(part);
        yield part;
      }
    }
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    await store.put(key, Readable.from(generate()), "application/pdf");
    const putMs = performance.now() - started;
    await s3.sync();
    const put = s3.requests.find((r) => r.method === "PUT")!;
    expect(put.headers["content-length"]).toBe(String(total));
    expect(put.headers["transfer-encoding"]).toBeUndefined();
    expect(put.headers["x-amz-content-sha256"]).toBe(upHash.digest("hex"));
    expect(spools()).toBe(before);

    const downHash = createHash("sha256");
    let size = 0;
    const fetched = performance.now();
    for await (const part of await store.get(key)) {
      downHash.update(part as Buffer);
      size += (part as Buffer).length;
    }
    const getMs = performance.now() - fetched;
    clearInterval(sampler);
    expect(size).toBe(total);
    expect(downHash.digest("hex")).toBe(put.headers["x-amz-content-sha256"]);
    console.info(`30 MB stream: put ${Math.round(putMs)} ms (spool + send), get ${Math.round(getMs)} ms, RSS +${Math.round((rssPeak - rssBefore) / 2 ** 20)} MB at peak`);
    await store.delete(key);
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
    expect(s3.requests).toEqual([]);
    expect(spools()).toBe(before);
  });

  it("tries again after a 503, sending a spooled stream whole each time, and gives up after the retries", async () => {
    const key = newStorageKey("print-runs");
    const parts = Array.from({ length: 20 }, (_, i) => Buffer.alloc(50_000, i));
    const all = Buffer.concat(parts);
    await s3.failNext(503, 1);
    await store.put(key, Readable.from(parts), "application/pdf");
    await s3.sync();
    const puts = s3.requests.filter((r) => r.method === "PUT");
    expect(puts.map((r) => r.headers["content-length"])).toEqual([String(all.length), String(all.length)]);
    expect((await buffer(await store.get(key))).equals(all)).toBe(true);

    await s3.failNext(503, 3); // the first try and both retries
    await expect(store.get(key)).rejects.toMatchObject({ status: 503, s3Code: "SlowDown", operation: "GetObject" });
    expect((await buffer(await store.get(key))).equals(all)).toBe(true);
  });

  it("lists objects under a prefix, across pages", async () => {
    const paged = new S3Storage({ endpoint: s3.endpoint, bucket: s3.bucket, region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, listPageSize: 2 });
    const keys = [newStorageKey("exports/list-a"), newStorageKey("exports/list-a"), newStorageKey("exports/list-a"), newStorageKey("exports/list-a"), newStorageKey("exports/list-a")];
    const other = newStorageKey("exports/list-b");
    for (const [i, key] of [...keys, other].entries()) await paged.put(key, Buffer.alloc(i + 1, 1), "application/pdf");
    await s3.sync();
    s3.requests.length = 0;
    const listed = [];
    for await (const object of paged.list("exports/list-a/")) listed.push(object);
    await s3.sync();
    expect(listed.map((o) => o.key).sort()).toEqual([...keys].sort());
    expect(listed.find((o) => o.key === keys[2])).toMatchObject({ size: 3 });
    for (const object of listed) expect(Math.abs(object.lastModified.getTime() - Date.now())).toBeLessThan(60_000);
    expect(s3.requests.filter((r) => r.method === "GET").length).toBe(3); // 2 + 2 + 1
    await expect(async () => {
      for await (const _ of paged.list("../x")) break;
    }).rejects.toBeInstanceOf(StorageKeyError);
  });

  it("refuses keys that are not ours before any request", async () => {
    await expect(store.get("../other-bucket/x")).rejects.toThrow("invalid storage key");
    await s3.sync();
    expect(s3.requests).toEqual([]);
  });

  it("builds path-style URLs with or without a path in the endpoint", () => {
    const credentials = { accessKeyId: "a", secretAccessKey: "b" };
    const plain = new S3Storage({ endpoint: "https://s3.eu-west-1.amazonaws.com", bucket: "b", region: "eu-west-1", ...credentials });
    expect(plain.objectUrl("scans/2025/01/abc").href).toBe("https://s3.eu-west-1.amazonaws.com/b/scans/2025/01/abc");
    const withPath = new S3Storage({ endpoint: "http://minio:9000/s3/", bucket: "b", region, ...credentials });
    expect(withPath.objectUrl("scans/x").href).toBe("http://minio:9000/s3/b/scans/x");
    expect(withPath.bucketUrl({ "list-type": "2", prefix: "scans/" }).href).toBe("http://minio:9000/s3/b?list-type=2&prefix=scans%2F");
  });
});

describe("parseListPage", () => {
  it("reads keys, sizes, times, entities and the continuation token", () => {
    const page = parseListPage(
      `<?xml version="1.0"?><ListBucketResult><IsTruncated>true</IsTruncated><Contents><Key>scans/a</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified><Size>12</Size></Contents><NextContinuationToken>a&amp;b</NextContinuationToken></ListBucketResult>`,
    );
    expect(page).toEqual({ objects: [{ key: "scans/a", lastModified: new Date("2026-01-02T03:04:05.000Z"), size: 12 }], nextToken: "a&b" });
    expect(parseListPage("<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>")).toEqual({ objects: [], nextToken: undefined });
  });
});
