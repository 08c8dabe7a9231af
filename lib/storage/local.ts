// Files on the local disk, under STORAGE_DIR (outside the web root: Next serves only public/).
// Fit for one web process, or several sharing one disk.
//
// A write goes to a temporary file in the same directory, is flushed to disk, and is then
// renamed onto its key. rename() within one file system is atomic, so a reader sees the old
// object or the whole new one, and a crash or a failed upload leaves at most a temporary file
// (named ".<name>.<random>.tmp", which no key can be) — never half a file under the key.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, opendir, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FileStorage, StoredObject } from "@/lib/storage/types";
import { assertValidKey, isValidKey, StorageKeyError, StorageNotFoundError } from "@/lib/storage/keys";

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

export class LocalStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file of a key, checked twice: the key's shape, then that the path stays under root. */
  private pathOf(key: string): string {
    assertValidKey(key);
    const full = path.resolve(this.root, ...key.split("/"));
    const inside = path.relative(this.root, full);
    if (inside === "" || inside.startsWith("..") || path.isAbsolute(inside)) throw new StorageKeyError(key);
    return full;
  }

  async put(key: string, body: Buffer | Readable, _contentType: string): Promise<void> {
    // The content type lives in the database (StoredFile); the disk needs only the bytes.
    const target = this.pathOf(key);
    const dir = path.dirname(target);
    await mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(temp, { flags: "wx", mode: 0o640 }));
      await flush(temp);
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    // Make the rename itself durable; some file systems cannot fsync a directory, which is fine.
    await flush(dir).catch(() => undefined);
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    // Open first, so a missing file is an error here rather than later in the stream.
    const handle = await open(file, "r").catch((error: unknown) => {
      throw isMissing(error) ? new StorageNotFoundError(key) : error;
    });
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    // Deleting what is not there succeeds, as in S3, so a retried clean-up never fails.
    await unlink(this.pathOf(key)).catch((error: unknown) => {
      if (!isMissing(error)) throw error;
    });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async *list(prefix = ""): AsyncIterable<StoredObject> {
    // Walks the folders, one directory handle at a time; only files named like a key are
    // objects (a temporary file of a write under way starts with a dot, which no key can).
    async function* walk(dir: string, keyPrefix: string): AsyncIterable<StoredObject> {
      let entries;
      try {
        entries = await opendir(dir);
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      for await (const entry of entries) {
        const key = keyPrefix ? `${keyPrefix}/${entry.name}` : entry.name;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) yield* walk(full, key);
        }
        else if (entry.isFile() && isValidKey(key) && key.startsWith(prefix)) {
          const info = await stat(full).catch((error: unknown) => (isMissing(error) ? null : Promise.reject(error)));
          if (info) yield { key, lastModified: info.mtime };
        }
      }
    }
    yield* walk(this.root, "");
  }
}

async function flush(file: string): Promise<void> {
  const handle = await open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
