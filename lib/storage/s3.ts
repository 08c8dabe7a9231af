// Objects in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Backblaze B2, Garage …), so
// that several web processes on different machines see the same files. PutObject, GetObject,
// HeadObject, DeleteObject and ListObjectsV2 over fetch, signed with SigV4 by aws4fetch
// (decision 040: a small, much-used library instead of our own signing code).
//
// - Path-style URLs (<endpoint>/<bucket>/<key>): every S3-compatible service accepts them and
//   they need no wildcard DNS. S3_ENDPOINT is e.g. https://s3.eu-west-1.amazonaws.com.
// - Every body is signed with its SHA-256 (not UNSIGNED-PAYLOAD), so the service checks that
//   the bytes it stored are the bytes we hashed. PutObject also needs the length before the
//   first byte. A Buffer has both. A stream (a generated print run, tens of MB) is first spooled
//   to a temporary file while it is counted and hashed, then sent from there: memory stays flat
//   for any size, and a retry can send the file again.
// - One PUT carries at most 5 GB; multipart upload is not implemented (no file of ours comes
//   near that).
// - A PUT is atomic on the service's side: an object is visible whole or not at all.
// - A missing bucket is an S3StorageError naming the bucket (NoSuchBucket), never "no object".
// - HeadObject of a missing key answers 404 only when the credentials may list the bucket;
//   without s3:ListBucket AWS answers 403, and exists() reports that as an error, not "false".
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { AwsClient } from "aws4fetch";
import type { FileStorage, StoredObject } from "@/lib/storage/types";
import { assertValidKey, assertValidPrefix, StorageNotFoundError } from "@/lib/storage/keys";
import { Meter } from "@/lib/storage/meter";

export type S3Config = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Tries after a 5xx, a 429 or a network error (every operation here is idempotent). */
  retries?: number;
  /** Objects per ListObjectsV2 page (the service's default, 1000, when unset); for tests. */
  listPageSize?: number;
};

/** A request the storage service refused; carries its status and S3 error code, never credentials. */
export class S3StorageError extends Error {
  constructor(
    readonly operation: string,
    readonly bucket: string,
    readonly status: number,
    readonly s3Code: string | null,
  ) {
    const hint = s3Code === "NoSuchBucket" ? ` (bucket "${bucket}" does not exist at S3_ENDPOINT; create it first)` : "";
    super(`S3 ${operation} on bucket "${bucket}" failed: HTTP ${status}${s3Code ? ` ${s3Code}` : ""}${hint}`);
    this.name = "S3StorageError";
  }
}

/** A body that can be sent more than once (for retries): made afresh for each try. */
type Payload = { open: () => BodyInit; length: number; sha256: string };

const EMPTY_SHA256 = createHash("sha256").digest("hex");

export class S3Storage implements FileStorage {
  private readonly base: URL;
  private readonly client: AwsClient;
  private readonly retries: number;

  constructor(private readonly config: S3Config) {
    this.base = new URL(config.endpoint);
    // aws4fetch's own retry would resend a stream that is already used up; ours reopens it.
    this.client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, service: "s3", region: config.region, retries: 0 });
    this.retries = config.retries ?? 2;
  }

  /** The bucket's URL, path-style, with an optional query (ListObjectsV2). */
  bucketUrl(query: Record<string, string> = {}): URL {
    const prefix = this.base.pathname.replace(/\/+$/, "");
    const url = new URL(`${this.base.origin}${prefix}/${encodeURIComponent(this.config.bucket)}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url;
  }

  /** The URL of an object. Keys are made of [A-Za-z0-9._-/] only (keys.ts), so need no encoding. */
  objectUrl(key: string): URL {
    assertValidKey(key);
    const url = this.bucketUrl();
    url.pathname += `/${key}`;
    return url;
  }

  /** Signs and sends one request; tries again after a 5xx, a 429 or a network error. */
  private async send(method: string, url: URL, payload: Payload | null = null, headers: Record<string, string> = {}): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const init: RequestInit & { duplex?: "half" } = {
        method,
        headers: { ...headers, "x-amz-content-sha256": payload?.sha256 ?? EMPTY_SHA256 },
      };
      if (payload) {
        init.body = payload.open();
        // Sent as Content-Length, not chunked: S3 refuses a PUT of unknown length.
        (init.headers as Record<string, string>)["content-length"] = String(payload.length);
        // A stream body needs half-duplex mode in Node's fetch.
        if (init.body instanceof ReadableStream) init.duplex = "half";
      }
      const last = attempt >= this.retries;
      try {
        const response = await fetch(await this.client.sign(url, init));
        if (last || (response.status < 500 && response.status !== 429)) return response;
        await response.body?.cancel();
      } catch (error) {
        if (last) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }

  /** Throws S3StorageError unless the status is expected; releases the connection unless `keepBody`. */
  private async expect(operation: string, response: Response, ok: readonly number[], keepBody = false): Promise<void> {
    if (ok.includes(response.status)) {
      if (!keepBody) await response.body?.cancel();
      return;
    }
    throw new S3StorageError(operation, this.config.bucket, response.status, await errorCode(response));
  }

  async put(key: string, body: Buffer | Readable, contentType: string): Promise<void> {
    const url = this.objectUrl(key);
    if (Buffer.isBuffer(body)) {
      const sha256 = createHash("sha256").update(body).digest("hex");
      const response = await this.send("PUT", url, { open: () => bytesOf(body), length: body.length, sha256 }, { "content-type": contentType });
      return this.expect("PutObject", response, [200]);
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), "studypack-s3-"));
    try {
      const file = path.join(dir, "body");
      const meter = new Meter();
      await pipeline(body, meter, createWriteStream(file, { mode: 0o600 }));
      const payload: Payload = {
        open: () => Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
        length: meter.byteSize,
        sha256: meter.sha256(),
      };
      await this.expect("PutObject", await this.send("PUT", url, payload, { "content-type": contentType }), [200]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async get(key: string): Promise<Readable> {
    const response = await this.send("GET", this.objectUrl(key));
    if (response.status === 404) {
      const code = await errorCode(response);
      if (code !== "NoSuchBucket") throw new StorageNotFoundError(key);
      throw new S3StorageError("GetObject", this.config.bucket, 404, code);
    }
    await this.expect("GetObject", response, [200], true);
    if (!response.body) return Readable.from([]);
    return Readable.fromWeb(response.body as NodeWebReadableStream<Uint8Array>);
  }

  async delete(key: string): Promise<void> {
    const response = await this.send("DELETE", this.objectUrl(key));
    // S3 answers 204 whether or not the key held anything; some services answer 404 instead.
    if (response.status === 404) {
      const code = await errorCode(response);
      if (code === "NoSuchBucket") throw new S3StorageError("DeleteObject", this.config.bucket, 404, code);
      return;
    }
    await this.expect("DeleteObject", response, [200, 204]);
  }

  async exists(key: string): Promise<boolean> {
    const response = await this.send("HEAD", this.objectUrl(key));
    if (response.status === 404) {
      // A HEAD answer has no body to tell a missing key from a missing bucket; ask the bucket.
      const bucket = await this.send("HEAD", this.bucketUrl());
      if (bucket.status === 404) throw new S3StorageError("HeadBucket", this.config.bucket, 404, "NoSuchBucket");
      await bucket.body?.cancel();
      return false;
    }
    await this.expect("HeadObject", response, [200]);
    return true;
  }

  async *list(prefix = ""): AsyncIterable<StoredObject> {
    assertValidPrefix(prefix);
    let token: string | undefined;
    do {
      const query: Record<string, string> = { "list-type": "2", prefix };
      if (token) query["continuation-token"] = token;
      if (this.config.listPageSize) query["max-keys"] = String(this.config.listPageSize);
      const response = await this.send("GET", this.bucketUrl(query));
      await this.expect("ListObjectsV2", response, [200], true);
      const page = parseListPage(await response.text());
      yield* page.objects;
      token = page.nextToken;
    } while (token);
  }
}

/** One page of a ListObjectsV2 answer. Exported for tests. */
export function parseListPage(xml: string): { objects: StoredObject[]; nextToken: string | undefined } {
  const field = (block: string, name: string) => {
    const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(block);
    return match ? decodeXml(match[1]!) : undefined;
  };
  const objects: StoredObject[] = [];
  for (const [, block] of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
    const key = field(block!, "Key");
    if (key === undefined) continue;
    objects.push({ key, lastModified: new Date(field(block!, "LastModified") ?? 0), size: Number(field(block!, "Size") ?? 0) });
  }
  const truncated = field(xml, "IsTruncated") === "true";
  return { objects, nextToken: truncated ? field(xml, "NextContinuationToken") : undefined };
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
    if (named[entity]) return named[entity];
    return String.fromCodePoint(entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });
}

/** S3's error code from an error answer's XML (none for HEAD); reads and so releases the body. */
async function errorCode(response: Response): Promise<string | null> {
  const text = await response.text().catch(() => "");
  return /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? null;
}

/** The Buffer's bytes as a fetch body, without a copy unless they sit in shared memory. */
function bytesOf(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return buffer.buffer instanceof ArrayBuffer ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : new Uint8Array(buffer);
}
