// A real S3 server on loopback for tests: s3rver (npm), which keeps objects in a folder of its
// own, in a child process on 127.0.0.1. It speaks the S3 REST API the way our driver uses it
// (path-style PUT/GET/HEAD/DELETE, ListObjectsV2 with continuation, NoSuchKey/NoSuchBucket).
// What it does not do: check SigV4 signatures (only that the access key id is S3RVER) or the
// body against x-amz-content-sha256; the signing is pinned to AWS's published examples in
// lib/storage/s3-signing.test.ts instead.
//
// It runs in its own process because it needs --openssl-legacy-provider (DES continuation
// tokens), which must not change the test process. Each request is reported as it arrives, so
// a test can see what was sent (e.g. that an upload carried Content-Length, not chunks).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";

export type SeenRequest = { method: string; url: string; headers: IncomingHttpHeaders };

export type S3Server = {
  /** S3_ENDPOINT for the driver: http://127.0.0.1:<port> */
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Where s3rver keeps the objects. */
  directory: string;
  /** Every request so far (method, path and query, headers); call sync() before reading it. */
  requests: SeenRequest[];
  /** Resolves once every request made before the call is in `requests`. */
  sync: () => Promise<void>;
  /** The next `count` requests are answered with `status` (and S3's SlowDown) before s3rver sees them. */
  failNext: (status: number, count: number) => Promise<void>;
  close: () => Promise<void>;
};

/** s3rver on 127.0.0.1 on a free port (or `port`), with `bucket` made and empty. */
export async function startS3rver(options: { bucket?: string; port?: number } = {}): Promise<S3Server> {
  const bucket = options.bucket ?? "studypack-test";
  const directory = mkdtempSync(path.join(os.tmpdir(), "studypack-s3rver-"));
  const script = path.resolve(import.meta.dirname, "s3rver-process.mjs");
  const child = spawn(process.execPath, ["--openssl-legacy-provider", script, directory, bucket, String(options.port ?? 0)], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const requests: SeenRequest[] = [];
  const waiting: (() => void)[] = [];
  let onListening: (port: number) => void = () => undefined;
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    const event = JSON.parse(line) as { listening?: number; request?: SeenRequest; synced?: true };
    if (event.request) requests.push(event.request);
    if (event.synced) waiting.shift()?.();
    if (event.listening) onListening(event.listening);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    onListening = resolve;
    void exited.then(() => reject(new Error(`s3rver did not start:\n${errors}`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    directory,
    requests,
    sync: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        child.stdin.write("sync\n");
      }),
    failNext: async (status, count) => {
      child.stdin.write(`fail ${status} ${count}\n`);
      // The child reads stdin in order: once "sync" is answered, "fail" has been taken.
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        child.stdin.write("sync\n");
      });
    },
    close: async () => {
      child.stdin.end();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
