// The one interface to file storage. Drivers: local disk (lib/storage/local.ts) and
// S3-compatible object storage (lib/storage/s3.ts); lib/storage/index.ts picks one.
import type { Readable } from "node:stream";

/** One stored object as list() sees it. */
export type StoredObject = { key: string; lastModified: Date };

export interface FileStorage {
  /** Stores the whole body under `key`, replacing what was there, or nothing at all. */
  put(key: string, body: Buffer | Readable, contentType: string): Promise<void>;
  /** The stored bytes. Throws StorageNotFoundError when nothing is stored under `key`. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing a key that holds nothing succeeds. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /**
   * Every object whose key starts with `prefix` (all when none), in no particular order. For the
   * sweeper of unreferenced files (lib/retention/sweep.ts), which needs each one's age.
   */
  list(prefix?: string): AsyncIterable<StoredObject>;
}
