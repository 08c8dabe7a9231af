// The one interface to file storage. Drivers: local disk (lib/storage/local.ts) and
// S3-compatible object storage (lib/storage/s3.ts); lib/storage/index.ts picks one.
import type { Readable } from "node:stream";

/** What list() tells of one stored object. */
export type StoredObject = { key: string; lastModified: Date; size: number };

export interface FileStorage {
  /** Stores the whole body under `key`, replacing what was there, or nothing at all. */
  put(key: string, body: Buffer | Readable, contentType: string): Promise<void>;
  /** The stored bytes. Throws StorageNotFoundError when nothing is stored under `key`. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing a key that holds nothing succeeds. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /**
   * Every stored object whose key starts with `prefix` (all of them without one), page by page,
   * in no promised order; for sweepers and retention jobs. An object put or deleted while the
   * listing runs may or may not appear.
   */
  list(prefix?: string): AsyncIterable<StoredObject>;
}
