// Objects in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Backblaze B2, Garage …), so
// that several web processes on different machines see the same files. Five operations —
// PutObject, GetObject, HeadObject, DeleteObject, and ListObjectsV2 for the sweeper — over
// fetch, signed with SigV4 (sigv4.ts).
//
// - Path-style URLs (<endpoint>/<bucket>/<key>): every S3-compatible service accepts them and
//   they need no wildcard DNS. S3_ENDPOINT is e.g. https://s3.eu-west-1.amazonaws.com.
// - PutObject needs the length and (signed) SHA-256 of the body before the first byte is sent.
//   A Buffer has both. A stream of unknown length (a generated print run) is first spooled to
//   a temporary file while it is hashed, then sent from there: memory stays flat for any size.
// - One PUT carries at most 5 GB; multipart upload is not implemented (no file of ours comes
//   near that).
// - A PUT is atomic on the service's side: an object is visible whole or not at all.
// - HeadObject of a missing key answers 404 only when the credentials may list the bucket;
//   without s3:ListBucket AWS answers 403, and exists() reports that as an error, not "false".
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createHash } from "node:crypto";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import type { FileStorage, StoredObject } from "@/lib/storage/types";
import { assertValidKey, isValidKey, StorageNotFoundError } from "@/lib/storage/keys";
import { Meter } from "@/lib/storage/meter";
import { EMPTY_PAYLOAD_SHA256, encodeKeyPath, encodeRfc3986, sign, toAmzDate, type Credentials } from "@/lib/storage/sigv4";

export type S3Config = Credentials & {
  endpoint: string;
  bucket: string;
  region: string;
  /** For tests: a fixed clock. */
  now?: () => Date;
};

/** A request the storage service refused; carries its status and S3 error code, never credentials. */
export class S3StorageError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly s3Code: string | null,
  ) {
    super(`S3 ${operation} failed: HTTP ${status}${s3Code ? ` ${s3Code}` : ""}`);
    this.name = "S3StorageError";
  }
}

type Payload = { body: BodyInit | null; length: number; sha256: string };

export class S3Storage implements FileStorage {
  private readonly base: URL;

  constructor(private readonly config: S3Config) {
    this.base = new URL(config.endpoint);
  }

  /** The URL of an object, its path encoded exactly as it is signed. */
  objectUrl(key: string): URL {
    assertValidKey(key);
    const prefix = this.base.pathname.replace(/\/+$/, "");
    return new URL(`${this.base.origin}${prefix}/${encodeRfc3986(this.config.bucket)}/${encodeKeyPath(key)}`);
  }

  private async send(method: string, key: string | URL, payload: Payload | null, extraHeaders: Record<string, string> = {}): Promise<Response> {
    const url = typeof key === "string" ? this.objectUrl(key) : key;
    const amzDate = toAmzDate((this.config.now ?? (() => new Date()))());
    const payloadHash = payload?.sha256 ?? EMPTY_PAYLOAD_SHA256;
    const headers: Record<string, string> = { ...extraHeaders, host: url.host, "x-amz-date": amzDate, "x-amz-content-sha256": payloadHash };
    const { authorization } = sign({ method, url, headers, payloadHash, amzDate, region: this.config.region, service: "s3", credentials: this.config });
    // fetch sets Host itself, from the URL: the same value that was signed.
    const { host: _host, ...sent } = headers;
    const init: RequestInit & { duplex?: "half" } = { method, headers: { ...sent, authorization } };
    if (payload) {
      init.body = payload.body;
      (init.headers as Record<string, string>)["content-length"] = String(payload.length);
      // A stream body needs half-duplex mode in Node's fetch.
      if (payload.body instanceof ReadableStream) init.duplex = "half";
    }
    return fetch(url, init);
  }

  async put(key: string, body: Buffer | Readable, contentType: string): Promise<void> {
    if (Buffer.isBuffer(body)) {
      const sha256 = createHash("sha256").update(body).digest("hex");
      const response = await this.send("PUT", key, { body: bytesOf(body), length: body.length, sha256 }, { "content-type": contentType });
      await expectOk("PutObject", response, [200]);
      return;
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), "studypack-s3-"));
    try {
      const file = path.join(dir, "body");
      const meter = new Meter();
      await pipeline(body, meter, createWriteStream(file, { mode: 0o600 }));
      const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
      const response = await this.send("PUT", key, { body: stream, length: meter.byteSize, sha256: meter.sha256() }, { "content-type": contentType });
      await expectOk("PutObject", response, [200]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async get(key: string): Promise<Readable> {
    const response = await this.send("GET", key, null);
    if (response.status === 404) {
      await response.body?.cancel();
      throw new StorageNotFoundError(key);
    }
    await expectOk("GetObject", response, [200]);
    if (!response.body) return Readable.from([]);
    return Readable.fromWeb(response.body as NodeWebReadableStream<Uint8Array>);
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 whether or not the key held anything; some services answer 404.
    await expectOk("DeleteObject", await this.send("DELETE", key, null), [200, 204, 404]);
  }

  async exists(key: string): Promise<boolean> {
    const response = await this.send("HEAD", key, null);
    if (response.status === 404) return false;
    await expectOk("HeadObject", response, [200]);
    return true;
  }

  async *list(prefix = ""): AsyncIterable<StoredObject> {
    // ListObjectsV2, a page of up to 1,000 keys at a time. Our keys need no XML unescaping
    // (keys.ts allows letters, digits, "._-/"); anything else in the bucket is not ours and skipped.
    const bucketUrl = new URL(`${this.base.origin}${this.base.pathname.replace(/\/+$/, "")}/${encodeRfc3986(this.config.bucket)}`);
    let token: string | null = null;
    do {
      const url = new URL(bucketUrl);
      url.searchParams.set("list-type", "2");
      if (prefix) url.searchParams.set("prefix", prefix);
      if (token) url.searchParams.set("continuation-token", token);
      const response = await this.send("GET", url, null);
      if (response.status !== 200) await expectOk("ListObjectsV2", response, [200]);
      const xml = await response.text();
      for (const [, entry] of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
        const key = /<Key>([^<]*)<\/Key>/.exec(entry!)?.[1];
        const modified = /<LastModified>([^<]*)<\/LastModified>/.exec(entry!)?.[1];
        if (key && modified && isValidKey(key)) yield { key, lastModified: new Date(modified) };
      }
      token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? (/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1] ?? null) : null;
    } while (token);
  }
}

/** The Buffer's bytes as a fetch body, without a copy unless they sit in shared memory. */
function bytesOf(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return buffer.buffer instanceof ArrayBuffer ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : new Uint8Array(buffer);
}

/** Throws S3StorageError unless the status is expected; always releases the connection. */
async function expectOk(operation: string, response: Response, ok: readonly number[]): Promise<void> {
  if (ok.includes(response.status)) {
    // A GET's body is the caller's; any other body is not needed.
    if (operation !== "GetObject") await response.body?.cancel();
    return;
  }
  const text = await response.text().catch(() => "");
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? null;
  throw new S3StorageError(operation, response.status, code);
}
