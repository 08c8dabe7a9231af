// What an uploaded file really is, read from its first bytes. A file's name and the content type
// the browser sends are chosen by whoever uploads it, so neither decides how we store or serve
// it: a page named "letter.png" that is really HTML would otherwise be served as HTML from our
// origin, with the viewer's session. Only the three formats a scanner or phone makes for a
// letter are accepted; everything else (SVG, which can carry script; GIF; HEIC; office files) is
// refused, and the facilitator is asked to save the scan as PDF, JPEG or PNG.
//
// The signature must start at byte 0. PDF readers tolerate junk before "%PDF-", but accepting it
// would let a file be an HTML page and a PDF at once.

export const SCAN_CONTENT_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type ScanContentType = (typeof SCAN_CONTENT_TYPES)[number];

const SIGNATURES: readonly { type: ScanContentType; bytes: readonly number[] }[] = [
  // "%PDF-"
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // SOI marker followed by the first byte of the next marker
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  // "\x89PNG\r\n\x1a\n": the CR LF / LF pair catches files mangled by a text-mode transfer
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** How many leading bytes detectFileType needs to see. */
export const SNIFF_LENGTH = Math.max(...SIGNATURES.map((s) => s.bytes.length));

/** The type of a file from its first bytes (at least SNIFF_LENGTH of them), or null if not accepted. */
export function detectFileType(head: Uint8Array): ScanContentType | null {
  for (const signature of SIGNATURES) {
    if (head.length >= signature.bytes.length && signature.bytes.every((byte, i) => head[i] === byte)) return signature.type;
  }
  return null;
}

/** The file-name extensions that match a type; the first is the one we add when it is missing. */
export const EXTENSIONS: Record<ScanContentType, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
};

export function isScanContentType(value: string): value is ScanContentType {
  return (SCAN_CONTENT_TYPES as readonly string[]).includes(value);
}
