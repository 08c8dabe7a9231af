// The local driver against a real temporary folder, never the app's .data/.
import { mkdtempSync, rmSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, describe, expect, it } from "vitest";
import { LocalStorage } from "@/lib/storage/local";
import { newStorageKey, StorageKeyError, StorageNotFoundError } from "@/lib/storage/keys";

const root = mkdtempSync(path.join(os.tmpdir(), "studypack-local-storage-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const store = new LocalStorage(root);

async function allFiles(dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** A stream that yields some bytes and then fails, like an upload cut off half-way. */
function failingStream(first: string): Readable {
  return new Readable({
    read() {
      this.push(Buffer.from(first));
      this.destroy(new Error("connection reset"));
    },
  });
}

describe("LocalStorage", () => {
  it("stores and reads back a Buffer and a stream, under the root", async () => {
    const a = newStorageKey("scans");
    const b = newStorageKey("print-runs/pack1");
    await store.put(a, Buffer.from("hello"), "text/plain");
    await store.put(b, Readable.from([Buffer.from("big "), Buffer.from("file")]), "application/pdf");
    expect(await text(await store.get(a))).toBe("hello");
    expect(await text(await store.get(b))).toBe("big file");
    expect(await readFile(path.join(root, ...a.split("/")), "utf8")).toBe("hello");
    expect(await store.exists(a)).toBe(true);
  });

  it("keys look like <prefix>/<yyyy>/<mm>/<random> and never repeat", () => {
    const key = newStorageKey("scans", new Date("2025-03-09T12:00:00Z"));
    expect(key).toMatch(/^scans\/2025\/03\/[A-Za-z0-9_-]{22}$/);
    const many = new Set(Array.from({ length: 1000 }, () => newStorageKey("scans")));
    expect(many.size).toBe(1000);
  });

  it("replaces an object whole", async () => {
    const key = newStorageKey("scans");
    await store.put(key, Buffer.from("first"), "text/plain");
    await store.put(key, Buffer.from("second version"), "text/plain");
    expect(await text(await store.get(key))).toBe("second version");
  });

  it("writes atomically: a failed upload leaves nothing under the key, and no temporary file", async () => {
    const before = await allFiles();
    const key = newStorageKey("scans");
    await expect(store.put(key, failingStream("half a fi"), "image/png")).rejects.toThrow("connection reset");
    expect(await store.exists(key)).toBe(false);
    expect(await allFiles()).toEqual(before);
  });

  it("writes atomically: a failed replacement keeps the old object intact", async () => {
    const key = newStorageKey("scans");
    await store.put(key, Buffer.from("the complete old scan"), "image/png");
    await expect(store.put(key, failingStream("new but cut"), "image/png")).rejects.toThrow();
    expect(await text(await store.get(key))).toBe("the complete old scan");
  });

  it("writes atomically: simultaneous writes to one key leave one whole object", async () => {
    const key = newStorageKey("scans");
    const bodies = Array.from({ length: 10 }, (_, i) => Buffer.alloc(256 * 1024, String(i)));
    await Promise.all(bodies.map((body) => store.put(key, body, "image/png")));
    const stored = await readFile(path.join(root, ...key.split("/")));
    expect(bodies.some((body) => body.equals(stored))).toBe(true);
    expect((await allFiles()).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses keys that could leave the root or are not ours", async () => {
    const outside = path.join(path.dirname(root), `outside-${path.basename(root)}`);
    const bad = [
      "",
      "../outside",
      `../${path.basename(outside)}`,
      "scans/../../etc/passwd",
      "/etc/passwd",
      "scans//x",
      "scans/./x",
      "scans/..",
      ".hidden",
      "scans/.x.tmp",
      "scans\\..\\..\\x",
      "scans/x\u0000y",
      "scans/ü",
      "scans/x/",
      "scans/%2e%2e/x",
      `scans/${"a".repeat(200)}`,
    ];
    for (const key of bad) {
      await expect(store.put(key, Buffer.from("x"), "text/plain"), key).rejects.toBeInstanceOf(StorageKeyError);
      await expect(store.get(key), key).rejects.toBeInstanceOf(StorageKeyError);
      await expect(store.delete(key), key).rejects.toBeInstanceOf(StorageKeyError);
      await expect(store.exists(key), key).rejects.toBeInstanceOf(StorageKeyError);
    }
    expect(() => newStorageKey("../x")).toThrow(StorageKeyError);
    await expect(readFile(outside)).rejects.toThrow();
  });

  it("delete removes the object and succeeds when there is nothing to remove", async () => {
    const key = newStorageKey("scans");
    await store.put(key, Buffer.from("bye"), "text/plain");
    await store.delete(key);
    expect(await store.exists(key)).toBe(false);
    await expect(store.delete(key)).resolves.toBeUndefined();
    await expect(store.delete(newStorageKey("never-written"))).resolves.toBeUndefined();
  });

  it("get of a missing key is StorageNotFoundError; exists is false", async () => {
    const key = newStorageKey("scans");
    await expect(store.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    expect(await store.exists(key)).toBe(false);
    // A key whose "folder" is a file is missing too, not an error.
    const file = newStorageKey("scans");
    await store.put(file, Buffer.from("x"), "text/plain");
    expect(await store.exists(`${file}/child`)).toBe(false);
  });

  it("resolves a relative root against the working directory", () => {
    expect(new LocalStorage(".data/files").root).toBe(path.resolve(process.cwd(), ".data/files"));
  });

  it("lists what is stored under a prefix, with size and time, and not put()'s temporary files", async () => {
    const own = new LocalStorage(mkdtempSync(path.join(os.tmpdir(), "studypack-local-list-")));
    try {
      const scans = [newStorageKey("scans"), newStorageKey("scans")];
      const run = newStorageKey("print-runs/pack1");
      await own.put(scans[0]!, Buffer.from("a"), "image/png");
      await own.put(scans[1]!, Buffer.from("bb"), "image/png");
      await own.put(run, Buffer.from("ccc"), "application/pdf");
      // A temporary file left by a crash mid-put is not an object.
      await writeFile(path.join(own.root, "scans", `.left.${"x".repeat(6)}.tmp`), "half");
      const list = async (prefix?: string) => {
        const found = [];
        for await (const object of own.list(prefix)) found.push(object);
        return found.sort((x, y) => (x.key < y.key ? -1 : 1));
      };
      expect((await list()).map((o) => o.key)).toEqual([run, ...scans].sort());
      expect((await list("scans")).map((o) => [o.key, o.size])).toEqual(scans.map((k) => [k, k === scans[0] ? 1 : 2]).sort());
      expect((await list("print-runs/pack1/")).map((o) => o.key)).toEqual([run]);
      // A prefix that ends inside a segment, and one under which nothing is stored.
      expect((await list(run.slice(0, -3))).map((o) => o.key)).toEqual([run]);
      expect(await list("exports/")).toEqual([]);
      const [first] = await list(scans[0]);
      expect(Math.abs(first!.lastModified.getTime() - Date.now())).toBeLessThan(60_000);
      await expect(list("../")).rejects.toBeInstanceOf(StorageKeyError);
    } finally {
      rmSync(own.root, { recursive: true, force: true });
    }
  });
});
