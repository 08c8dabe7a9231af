// How a stored file leaves the server, for every route that serves one (scans now, print-run
// PDFs later). The headers are the second line of defence after content sniffing at upload:
// - the Content-Type is the one we sniffed and stored, and `nosniff` stops the browser guessing;
// - `default-src 'none'` means that even a file that slipped through runs no script and loads
//   nothing if it is opened as a document;
// - `private, no-store`: scans hold handwriting and personal details; no shared cache or
//   browser cache keeps them after sign-out;
// - same-origin resource policy: other sites cannot embed them.
import "server-only";
import { Readable } from "node:stream";
import { contentDisposition } from "@/lib/files/filename";

export type FileDownload = { stream: Readable; contentType: string; filename: string; byteSize: number };

const COMMON_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "private, no-store",
  "Content-Security-Policy": "default-src 'none'",
  "Cross-Origin-Resource-Policy": "same-origin",
} as const;

export function fileResponse(file: FileDownload, disposition: "inline" | "attachment" = "inline"): Response {
  // Readable.toWeb cancels (and so closes) the file when the browser goes away mid-download.
  const body = Readable.toWeb(file.stream) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      ...COMMON_HEADERS,
      "Content-Type": file.contentType,
      "Content-Length": String(file.byteSize),
      "Content-Disposition": contentDisposition(file.filename, disposition),
    },
  });
}

/** The one answer for a file that does not exist, is not a file of yours, or you may not see. */
export function fileNotFoundResponse(): Response {
  return new Response("Not found", { status: 404, headers: { ...COMMON_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}
