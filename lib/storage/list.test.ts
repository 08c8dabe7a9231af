// list(): what the sweeper of unreferenced files (lib/retention/sweep.ts) walks. Local disk: every
// key with its modification time, never a temporary file of a write under way. S3: every page of
// ListObjectsV2, following the continuation token, against a stand-in on a local port.
import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LocalStorage } from "@/lib/storage/local";
import { S3Storage } from "@/lib/storage/s3";
import type { FileStorage, StoredObject } from "@/lib/storage/types";

async function all(store: FileStorage, prefix?: string): Promise<StoredObject[]> {
  const found: StoredObject[] = [];
  for await (const object of store.list(prefix)) found.push(object);
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

describe("LocalStorage.list", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it("lists every key under the root, or under a prefix, with its modification time", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "studypack-list-"));
    dirs.push(root);
    const store = new LocalStorage(root);
    await store.put("scans/2026/01/aaa", Buffer.from("a"), "image/png");
    await store.put("scans/2026/02/bbb", Buffer.from("b"), "image/png");
    await store.put("print-runs/2026/01/ccc", Buffer.from("c"), "application/pdf");
    // A write under way, and a stray file no key can name: not objects.
    await writeFile(path.join(root, "scans", "2026", "01", ".aaa.123.tmp"), "half");
    await writeFile(path.join(root, "scans", "2026", "01", "bad name"), "x");
    const old = new Date("2025-01-02T03:04:05Z");
    await utimes(path.join(root, "scans", "2026", "01", "aaa"), old, old);

    const everything = await all(store);
    expect(everything.map((o) => o.key)).toEqual(["print-runs/2026/01/ccc", "scans/2026/01/aaa", "scans/2026/02/bbb"]);
    expect(everything.find((o) => o.key === "scans/2026/01/aaa")!.lastModified.toISOString()).toBe(old.toISOString());
    expect((await all(store, "scans/")).map((o) => o.key)).toEqual(["scans/2026/01/aaa", "scans/2026/02/bbb"]);
    expect((await all(store, "scans/2026/02")).map((o) => o.key)).toEqual(["scans/2026/02/bbb"]);
    expect(await all(new LocalStorage(path.join(root, "missing")))).toEqual([]);
  });
});

describe("S3Storage.list", () => {
  it("follows ListObjectsV2's pages and skips keys that are not ours", async () => {
    const asked: URLSearchParams[] = [];
    const pages: Record<string, string> = {
      first: `<ListBucketResult><IsTruncated>true</IsTruncated><NextContinuationToken>page+2/=</NextContinuationToken>
        <Contents><Key>scans/2026/01/aaa</Key><LastModified>2026-01-05T10:00:00.000Z</LastModified></Contents>
        <Contents><Key>not ours.txt</Key><LastModified>2026-01-05T10:00:00.000Z</LastModified></Contents></ListBucketResult>`,
      second: `<ListBucketResult><IsTruncated>false</IsTruncated>
        <Contents><Key>print-runs/2026/02/bbb</Key><LastModified>2026-02-06T11:00:00.000Z</LastModified></Contents></ListBucketResult>`,
    };
    const server = http.createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://stand-in");
      asked.push(url.searchParams);
      const ok = request.method === "GET" && url.pathname === "/bucket" && url.searchParams.get("list-type") === "2" && /^AWS4-HMAC-SHA256 /.test(String(request.headers.authorization));
      response.writeHead(ok ? 200 : 400, { "content-type": "application/xml" });
      response.end(ok ? (url.searchParams.get("continuation-token") === "page+2/=" ? pages.second : pages.first) : "<Error><Code>Bad</Code></Error>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const store = new S3Storage({ endpoint: `http://127.0.0.1:${port}`, bucket: "bucket", region: "test-1", accessKeyId: "AK", secretAccessKey: "SK" });
      const found = await all(store, "");
      expect(found).toEqual([
        { key: "print-runs/2026/02/bbb", lastModified: new Date("2026-02-06T11:00:00.000Z") },
        { key: "scans/2026/01/aaa", lastModified: new Date("2026-01-05T10:00:00.000Z") },
      ]);
      expect(asked.map((q) => q.get("continuation-token"))).toEqual([null, "page+2/="]);
      await all(store, "scans/");
      expect(asked.at(-1)!.get("prefix")).toBe("scans/");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
