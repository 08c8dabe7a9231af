// Deleting the bytes of a file whose StoredFile row is already gone (a replaced or released PDF
// reading): the second half of "rows first, then bytes" (lib/readings/store.ts). Its own module
// so the course editor's actions can call it without importing the upload checks.
import "server-only";
import { storage } from "@/lib/storage";

/** Deletes stored bytes nothing points at any more; a failure is logged, never shown. */
export async function releaseStoredBytes(key: string | null): Promise<void> {
  if (!key) return;
  await storage()
    .delete(key)
    .catch((error: unknown) => console.error("could not delete an unreferenced stored file", key, error));
}
