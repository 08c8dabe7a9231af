// How a PDF reading leaves the server (app/api/readings/[readingId]/pdf/route.ts):
// - `Content-Type: application/pdf`, the type its content was checked to be on upload, with
//   `nosniff` so no browser guesses another;
// - `inline` to read it in the browser's own PDF viewer, `attachment` for "Download";
// - `Content-Security-Policy: sandbox` on top of the policy of every non-page answer: whatever
//   the file holds runs in a unique origin, without our cookies, scripts, forms or popups. Chromium
//   156 still shows the PDF under it when the PDF is opened as a page (measured; decision 029),
//   but NOT inside an <iframe sandbox>, which is why the pack page links to it instead;
// - `private`: a reading belongs to a course, not the public; only the member's own browser
//   keeps it, and only for a while, revalidated by its ETag (the sha256 of its bytes).
// next.config.mjs writes the same policy for this path (a header set there wins over a route's).
import "server-only";
import { Readable } from "node:stream";
import { contentDisposition } from "@/lib/files/filename";
import { NOT_A_PAGE_POLICY } from "@/lib/http/security-headers";
import type { ReadingPdf } from "@/lib/readings/access";

export const READING_PDF_POLICY = `sandbox; ${NOT_A_PAGE_POLICY}`;

const HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": READING_PDF_POLICY,
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cache-Control": "private, max-age=600, must-revalidate",
} as const;

export const etagOf = (sha256: string) => `"${sha256}"`;

export function readingPdfResponse(pdf: ReadingPdf, disposition: "inline" | "attachment", ifNoneMatch: string | null): Response {
  const etag = etagOf(pdf.sha256);
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === etag)) {
    pdf.stream.destroy();
    return new Response(null, { status: 304, headers: { ...HEADERS, ETag: etag } });
  }
  // Readable.toWeb cancels (and so closes) the file when the browser goes away mid-download.
  const body = Readable.toWeb(pdf.stream) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      ...HEADERS,
      ETag: etag,
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.byteSize),
      "Content-Disposition": contentDisposition(pdf.filename, disposition),
    },
  });
}
