// Deleting the bytes of a file whose StoredFile row is already gone (a replaced or released PDF
// reading): the second half of "rows first, then bytes" (lib/readings/store.ts). Its own module
// so the course editor's actions can call it without importing the upload checks.
import "server-only";
import { deleteStoredBytes } from "@/lib/retention/stored-files";

/** Deletes stored bytes nothing points at any more; a failure is logged (the sweep retries), never shown. */
export async function releaseStoredBytes(key: string | null): Promise<void> {
  if (!key) return;
  await deleteStoredBytes([key], "a replaced or released reading PDF");
}
