// A file name given by a user is a label and nothing more: it is never part of a storage path
// (keys are ours, lib/storage), and it is cleaned before it is kept so that showing it or sending
// it back in a Content-Disposition header is safe:
// - path parts ("../../x", "C:\\scans\\x") are dropped, leaving the last part;
// - control and invisible format characters go, among them the right-to-left override that
//   makes "scan\u202Egpj.exe" display as "scanexe.jpg";
// - the extension is made to match the type sniffed from the content, so a PNG uploaded as
//   "letter.html" is saved by the browser as "letter.html.png", never as a page to open.
import { EXTENSIONS, isScanContentType } from "@/lib/files/sniff";

const MAX_STEM = 120;
// Cc: controls; Cf: format characters (bidi overrides, zero-width); Zl/Zp: line and paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
// Characters Windows refuses in a name; browsers would replace them anyway.
const RESERVED = /[<>:"|?*]/g;

export function safeFilename(name: string, contentType: string, fallback = "file"): string {
  let clean = name.toWellFormed().normalize("NFC");
  clean = clean.split(/[\\/]/).pop() ?? "";
  clean = clean.replace(INVISIBLE, "").replace(RESERVED, "_").replace(/\s+/g, " ").trim();
  // No hidden names and no "." or "..".
  clean = clean.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");

  const dot = clean.lastIndexOf(".");
  let stem = dot > 0 ? clean.slice(0, dot) : clean;
  let extension = dot > 0 ? clean.slice(dot + 1) : "";
  if (isScanContentType(contentType)) {
    const allowed = EXTENSIONS[contentType];
    if (!allowed.includes(extension.toLowerCase())) {
      // Keep the wrong extension in the stem: it tells the facilitator what they uploaded.
      stem = extension ? `${stem}.${extension}` : stem;
      extension = allowed[0] ?? "";
    }
  }
  stem = [...stem].slice(0, MAX_STEM).join("").trim() || fallback;
  extension = [...extension].slice(0, 16).join("");
  return extension ? `${stem}.${extension}` : stem;
}

/**
 * A Content-Disposition value (RFC 6266) carrying the name twice: `filename=` in plain ASCII for
 * old clients, and `filename*=` in UTF-8 (RFC 5987/8187), which current browsers prefer.
 */
export function contentDisposition(filename: string, disposition: "inline" | "attachment" = "inline"): string {
  const name = filename.toWellFormed().replace(INVISIBLE, "");
  const ascii =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      // Quotes and backslashes would end or escape the quoted string; some clients decode %XX.
      .replace(/[^\x20-\x7e]|["\\%]/g, "_") || "file";
  // encodeURIComponent leaves ' ( ) * as they are, but RFC 5987 attr-char does not allow them.
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
