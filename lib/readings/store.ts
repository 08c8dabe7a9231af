// Saving a PDF reading: check the upload (lib/readings/inspect.ts), put its bytes in storage,
// then write the rows (lib/data/courses.ts) — and undo the bytes if the rows fail, so the
// database never points at nothing and a refused upload leaves nothing behind. A replaced or
// released PDF goes the other way round, as erasure does: rows first (the reading points at the
// new file, the old StoredFile row is deleted in the same transaction), then the old bytes; a
// crash in between leaves unreferenced bytes under a random key, never a row without bytes.
import "server-only";
import { createHash } from "node:crypto";
import type { CourseContext } from "@/lib/authz";
import { createPdfReading, updatePdfReading, type LessonRef, type ReadingRef, type StoredReadingPdf } from "@/lib/data/courses";
import { AppError } from "@/lib/errors";
import { safeFilename } from "@/lib/files/filename";
import { inspectPdfReading, PDF_READING_ERRORS } from "@/lib/readings/inspect";
import { releaseStoredBytes } from "@/lib/readings/release";
import { newStorageKey, storage } from "@/lib/storage";
import type { ReadingDetails } from "@/lib/validations/pdf-reading";

export type PdfUpload = { name: string; bytes: Uint8Array };

/** Checks and stores the bytes; runs `write` with them; takes them back if `write` fails. */
async function withStoredPdf<T>(upload: PdfUpload, write: (pdf: StoredReadingPdf) => Promise<T>): Promise<T> {
  const checked = await inspectPdfReading(upload.bytes);
  const key = newStorageKey("readings");
  await storage().put(key, Buffer.from(checked.bytes.buffer, checked.bytes.byteOffset, checked.bytes.byteLength), "application/pdf");
  try {
    return await write({
      storageKey: key,
      filename: safeFilename(upload.name, "application/pdf", "reading"),
      byteSize: checked.bytes.byteLength,
      sha256: createHash("sha256").update(checked.bytes).digest("hex"),
      pageCount: checked.pageCount,
      hasText: checked.hasText,
    });
  } catch (error) {
    await releaseStoredBytes(key);
    throw error;
  }
}

/** A new PDF reading at the end of the lesson. */
export async function addPdfReading(ctx: CourseContext, ref: LessonRef, details: ReadingDetails, upload: PdfUpload | null): Promise<{ id: string }> {
  if (!upload) throw new AppError("INVALID", PDF_READING_ERRORS.noFile, { field: "file" });
  const reading = await withStoredPdf(upload, (pdf) => createPdfReading(ctx, ref, details, pdf));
  return { id: reading.id };
}

/** A PDF reading's details, and its file when a new one is sent (a text reading becomes a PDF one). */
export async function savePdfReading(ctx: CourseContext, ref: ReadingRef, details: ReadingDetails, upload: PdfUpload | null): Promise<{ id: string }> {
  const saved = upload ? await withStoredPdf(upload, (pdf) => updatePdfReading(ctx, ref, details, pdf)) : await updatePdfReading(ctx, ref, details, null);
  if (saved.missingFile) throw new AppError("INVALID", PDF_READING_ERRORS.noFile, { field: "file" });
  await releaseStoredBytes(saved.releasedKey);
  return { id: saved.id };
}
