// Storage keys are made by us, never taken from a request: "<prefix>/<yyyy>/<mm>/<random>".
// The random part (128 bits) makes a key unguessable and unique without asking the store, and
// the month folders keep any one directory small on local disk. Every driver still checks each
// key against this narrow shape, so that a bug upstream cannot turn into "../../etc/passwd".
import { randomBytes } from "node:crypto";

/** A key, or a key prefix, that does not have the shape we make. */
export class StorageKeyError extends Error {
  constructor(key: string) {
    super(`invalid storage key ${JSON.stringify(key.slice(0, 200))}`);
    this.name = "StorageKeyError";
  }
}

/** get() of a key that holds nothing. */
export class StorageNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no stored object under ${key}`);
    this.name = "StorageNotFoundError";
  }
}

// A segment never starts with a dot, so "." and ".." are impossible and the local driver's
// temporary files (".name.tmp") can never be mistaken for, or overwritten by, a key.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const MAX_SEGMENTS = 8;
const MAX_LENGTH = 512;

export function isValidKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_LENGTH) return false;
  const segments = key.split("/");
  return segments.length <= MAX_SEGMENTS && segments.every((s) => SEGMENT.test(s));
}

export function assertValidKey(key: string): void {
  if (!isValidKey(key)) throw new StorageKeyError(key);
}

/** A list() prefix: empty, or the start of a key ("scans", "scans/2026/", "scans/2026/1"). */
export function assertValidPrefix(prefix: string): void {
  if (prefix !== "" && !isValidKey(prefix.replace(/\/$/, ""))) throw new StorageKeyError(prefix);
}

/** A fresh key under `prefix` (e.g. "scans", "print-runs/<packId>"). */
export function newStorageKey(prefix: string, now: Date = new Date()): string {
  const yyyy = String(now.getUTCFullYear());
  const mm = String(now.getUTCMonth() + 1).padStart(2, "0");
  const key = `${prefix}/${yyyy}/${mm}/${randomBytes(16).toString("base64url")}`;
  assertValidKey(key);
  return key;
}
