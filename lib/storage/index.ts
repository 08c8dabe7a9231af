// The one way the app stores file bytes: scans of mailed letters, reading PDFs, generated
// print-run PDFs. What a file is, who owns it and who may see it live in the database
// (StoredFile, ResponseScan); storage holds only bytes under keys we make (keys.ts).
//
// Local disk (STORAGE_DIR, outside the web root) is the default so a new install needs nothing.
// With S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY set, files go to
// S3-compatible storage instead, which every web process can reach; a partial S3 setting stops
// the app rather than quietly writing to one machine's disk.
import "server-only";
import path from "node:path";
import { env, EnvError, type Env } from "@/lib/env";
import type { FileStorage } from "@/lib/storage/types";
import { LocalStorage } from "@/lib/storage/local";
import { S3Storage } from "@/lib/storage/s3";

export type { FileStorage } from "@/lib/storage/types";
export { newStorageKey, StorageKeyError, StorageNotFoundError } from "@/lib/storage/keys";

const S3_SETTINGS = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

/** The driver a given environment asks for. Exported for tests; the app calls storage(). */
export function storageFor(settings: Env, cwd: string = process.cwd()): FileStorage {
  const { S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = settings;
  if (endpoint && bucket && accessKeyId && secretAccessKey) {
    return new S3Storage({ endpoint, bucket, accessKeyId, secretAccessKey, region: settings.S3_REGION });
  }
  const missing = S3_SETTINGS.filter((name) => !settings[name]);
  if (missing.length < S3_SETTINGS.length) {
    throw new EnvError(missing.map((name) => `${name}: not set, but other S3_ settings are; set all four or none.`));
  }
  return new LocalStorage(path.resolve(cwd, settings.STORAGE_DIR));
}

let cached: FileStorage | undefined;

/** The storage of this process. */
export function storage(): FileStorage {
  cached ??= storageFor(env());
  return cached;
}
