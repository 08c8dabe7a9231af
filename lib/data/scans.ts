// Scans of mailed letters, attached to the responses transcribed from them, and the other files
// the app makes itself (print-run PDFs).
//
// An upload is refused before anything is written when it is empty, larger than MAX_UPLOAD_MB,
// or not a PDF, JPEG or PNG by its content (lib/files/sniff.ts). The bytes are stored first,
// under a fresh key, and the StoredFile and ResponseScan rows are then made in one transaction;
// if that fails the bytes are deleted again, so the database never points at nothing. (A crash
// between the two leaves an unreferenced object under a random key, never a half one.)
//
// A scan is the writer's handwriting, often with their name and ID number on it: only staff of
// the response's group see it (response.viewAll). Anyone else gets NOT_FOUND, as if it did not
// exist.
import "server-only";
import { createHash } from "node:crypto";
import { pipeline, type Readable } from "node:stream";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { loadGroupContext, type GroupContext } from "@/lib/authz";
import type { CurrentUser } from "@/lib/auth/session";
import { canInGroup } from "@/lib/permissions";
import { writeAudit } from "@/lib/data/audit";
import { detectFileType } from "@/lib/files/sniff";
import { safeFilename } from "@/lib/files/filename";
import type { FileDownload } from "@/lib/files/http";
import { newStorageKey, storage, type FileStorage } from "@/lib/storage";
import { Meter } from "@/lib/storage/meter";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

export const SCAN_ERRORS = {
  empty: "mail.scans.errors.empty",
  tooLarge: "mail.scans.errors.tooLarge",
  unsupportedType: "mail.scans.errors.unsupportedType",
  noFile: "mail.scans.errors.noFile",
} as const;

export type ScanSummary = { id: string; filename: string; contentType: string; byteSize: number };
const summarySelect = { id: true, filename: true, contentType: true, byteSize: true } as const;

/** The largest upload, in bytes. */
export function maxUploadBytes(): number {
  return env().MAX_UPLOAD_MB * 1024 * 1024;
}

/** The sniffed type of an acceptable scan; throws INVALID with a message key otherwise. */
function checkScan(bytes: Buffer) {
  if (bytes.length === 0) throw new AppError("INVALID", SCAN_ERRORS.empty);
  if (bytes.length > maxUploadBytes()) throw new AppError("INVALID", SCAN_ERRORS.tooLarge);
  const contentType = detectFileType(bytes);
  if (!contentType) throw new AppError("INVALID", SCAN_ERRORS.unsupportedType);
  return contentType;
}

/** Removes stored bytes nobody will reference; a failure here must not hide the first error. */
async function discard(store: FileStorage, key: string): Promise<void> {
  await store.delete(key).catch((error: unknown) => console.error("could not delete an unreferenced stored file", key, error));
}

/**
 * Attaches a scan to responses of the caller's group (staff only): one response, or every answer
 * of one letter (the desk uploads a letter's scan once; its bytes are stored once and linked to
 * each). Sending the same bytes again (a double click, a retry) returns the scan already there.
 */
export async function attachScan(ctx: GroupContext, responseIds: string | string[], file: { name: string; bytes: Buffer }): Promise<ScanSummary> {
  if (!canInGroup(ctx.roles, "response.transcribe")) throw notFound();
  const wanted = [...new Set(typeof responseIds === "string" ? [responseIds] : responseIds)];
  const responses = await db.response.findMany({ where: { id: { in: wanted }, pack: { groupId: ctx.group.id } }, select: { id: true }, orderBy: { id: "asc" } });
  if (wanted.length === 0 || responses.length !== wanted.length) throw notFound();
  const ids = responses.map((r) => r.id);

  const contentType = checkScan(file.bytes);
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const byteSize = file.bytes.length;
  const store = storage();
  const key = newStorageKey("scans");
  await store.put(key, file.bytes, contentType);

  let result: { scan: ScanSummary; repeated: boolean };
  try {
    result = await db.$transaction(async (tx) => {
      // Queue simultaneous uploads to the same responses (locked in one order), so a repeated upload finds the first.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Response" WHERE "id" = ANY(${ids}) ORDER BY "id" FOR UPDATE`;
      if (locked.length !== ids.length) throw notFound();
      const existing = await tx.responseScan.findFirst({ where: { responseId: { in: ids }, file: { sha256, byteSize } }, select: { file: { select: summarySelect } } });
      const scan =
        existing?.file ??
        (await tx.storedFile.create({
          data: {
            organizationId: ctx.group.organizationId,
            storageKey: key,
            filename: safeFilename(file.name, contentType, "scan"),
            contentType,
            byteSize,
            sha256,
            createdById: ctx.user.id,
          },
          select: summarySelect,
        }));
      await tx.responseScan.createMany({ data: ids.map((responseId) => ({ responseId, fileId: scan.id })), skipDuplicates: true });
      return { scan, repeated: existing !== null };
    });
  } catch (error) {
    await discard(store, key);
    throw error;
  }
  if (result.repeated) await discard(store, key);
  return result.scan;
}

export type ScanListItem = ScanSummary & { attachedAt: Date };

/** The scans of a response of the caller's group, oldest first (staff only). */
export async function listScans(ctx: GroupContext, responseId: string): Promise<ScanListItem[]> {
  if (!canInGroup(ctx.roles, "response.viewAll")) throw notFound();
  const response = await db.response.findFirst({
    where: { id: responseId, pack: { groupId: ctx.group.id } },
    select: { scans: { select: { createdAt: true, file: { select: summarySelect } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  if (!response) throw notFound();
  return response.scans.map((s) => ({ ...s.file, attachedAt: s.createdAt }));
}

/**
 * A scan's bytes for the download route. Allowed when the user may see all responses of a group
 * that one of the file's responses belongs to; the roles come from lib/authz, so a withdrawn
 * member or a removed facilitator loses access at once. A scan shows the writer's handwriting and
 * often their name and ID number, so each download is written to the audit log.
 */
export async function openScanForDownload(user: CurrentUser, fileId: string): Promise<FileDownload> {
  const file = await db.storedFile.findUnique({
    where: { id: fileId },
    select: {
      id: true,
      storageKey: true,
      filename: true,
      contentType: true,
      byteSize: true,
      scans: {
        select: {
          response: { select: { member: { select: { personId: true } }, pack: { select: { group: { select: { id: true, slug: true, organizationId: true } } } } } },
        },
      },
    },
  });
  if (!file) throw notFound();
  let granted: { group: { id: string; organizationId: string }; personId: string } | null = null;
  for (const { response } of file.scans) {
    const ctx = await loadGroupContext(user, response.pack.group.slug);
    if (ctx && canInGroup(ctx.roles, "response.viewAll")) {
      granted = { group: response.pack.group, personId: response.member.personId };
      break;
    }
  }
  // Reading PDFs and print runs are not scans: they are served by their own routes and rules.
  if (!granted) throw notFound();
  const stream = await storage().get(file.storageKey);
  try {
    await writeAudit(db, {
      organizationId: granted.group.organizationId,
      actorId: user.id,
      action: "scan.download",
      entityType: "StoredFile",
      entityId: file.id,
      groupId: granted.group.id,
      personId: granted.personId,
    });
  } catch (error) {
    // No record, no download.
    stream.destroy();
    throw error;
  }
  return { stream, contentType: file.contentType, filename: file.filename, byteSize: file.byteSize };
}

export type GeneratedFile = ScanSummary & { storageKey: string; sha256: string };

const KEY_PREFIX = /^[a-z0-9][a-z0-9-]{0,39}(\/[A-Za-z0-9_-]{1,64}){0,2}$/;
const MIME_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9.+-]{0,100}$/;

/**
 * Stores a file the app made (e.g. a print-run PDF) and records it for the organization. Streams:
 * the body is sized and hashed on its way to storage. No authorization here: the caller (a job)
 * acts for someone it has already authorized, and serving the file needs its own check.
 */
export async function storeGeneratedFile(
  organizationId: string,
  keyPrefix: string,
  contentType: string,
  body: Readable,
  options: { filename?: string; createdById?: string | null } = {},
): Promise<GeneratedFile> {
  if (!KEY_PREFIX.test(keyPrefix)) throw new Error(`storeGeneratedFile: bad key prefix ${JSON.stringify(keyPrefix)}`);
  if (!MIME_TYPE.test(contentType)) throw new Error(`storeGeneratedFile: bad content type ${JSON.stringify(contentType)}`);
  const store = storage();
  const key = newStorageKey(keyPrefix);
  const meter = new Meter();
  // The callback form of pipeline returns the meter and passes a failure of `body` on to it,
  // so put() sees the error instead of waiting for an end that never comes.
  const metered = pipeline(body, meter, () => undefined);
  await store.put(key, metered, contentType);
  try {
    if (meter.byteSize > 2 ** 31 - 1) throw new Error("storeGeneratedFile: file larger than StoredFile.byteSize can record");
    return await db.storedFile.create({
      data: {
        organizationId,
        storageKey: key,
        filename: safeFilename(options.filename ?? "file", contentType),
        contentType,
        byteSize: meter.byteSize,
        sha256: meter.sha256(),
        createdById: options.createdById ?? null,
      },
      select: { ...summarySelect, storageKey: true, sha256: true },
    });
  } catch (error) {
    await discard(store, key);
    throw error;
  }
}
