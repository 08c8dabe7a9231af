// Pages of an uploaded PDF reading, placed into a pack drawn with pdfkit.
//
// pdfkit cannot read a PDF; pdf-lib can, and its embedPdf() turns each page of another PDF into
// a Form XObject (the page's content and resources as one reusable drawing). We let pdf-lib make
// those objects in a scratch document, then write them into the pdfkit document ourselves, as
// they are, with pdfkit's own low-level objects (doc.ref). Each page is then one XObject in the
// print run's file, written ONCE however many members get it: a member's copy of an imported page
// is a few bytes ("draw XObject n, scaled, here") plus that member's own furniture. Pages are
// copied, never rasterized: text stays text (and searchable), a scan stays the scan it was.
//
// Only what the page draws is copied (content and resources): links, form fields, annotations
// and scripts of the uploaded file are not, so nothing active reaches the printed pack.
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject,
} from "pdf-lib";

/** Where an imported page goes on the sheet: inside the furniture (head above, footer below). */
export const IMPORT_BOX = { left: 54, top: 64, width: 612 - 108, height: 728 - 64 } as const;

type Form = { ref: PDFKit.PDFKitReference; width: number; height: number };

/** The reading's PDF could not be read when the print was made (damaged, or gone from storage). */
export class UnreadableReadingError extends Error {
  constructor(readonly title: string, cause: unknown) {
    super(`the PDF of the reading "${title}" could not be read${cause instanceof Error && cause.message ? `: ${cause.message}` : ""}`, { cause });
    this.name = "UnreadableReadingError";
  }
}

export class ImportedPages {
  private readonly forms = new Map<string, Form[]>();
  private serial = 0;

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** Writes every page of `bytes` into the document as a Form XObject; once per reading. */
  async embed(readingId: string, title: string, bytes: Uint8Array): Promise<void> {
    if (this.forms.has(readingId)) return;
    let scratch: PDFDocument;
    let pages: Awaited<ReturnType<PDFDocument["embedPdf"]>>;
    try {
      const source = await PDFDocument.load(bytes, { updateMetadata: false });
      scratch = await PDFDocument.create({ updateMetadata: false });
      pages = await scratch.embedPdf(source, source.getPageIndices());
      for (const page of pages) await page.embed();
    } catch (error) {
      throw new UnreadableReadingError(title, error);
    }
    const copy = new Transplant(this.doc, scratch);
    const forms = pages.map((page) => ({ ref: copy.ref(page.ref), width: page.width, height: page.height }));
    copy.finish();
    this.forms.set(readingId, forms);
  }

  pageCount(readingId: string): number {
    return this.forms.get(readingId)?.length ?? 0;
  }

  /**
   * Draws page `index` (0-based) of the reading on the current page, fitted and centred in
   * IMPORT_BOX. A landscape page is turned a quarter to the left (its top along the sheet's left
   * edge), as printers do, so it is printed half again as large rather than shrunk to the width.
   */
  place(readingId: string, index: number): void {
    const form = this.forms.get(readingId)?.[index];
    if (!form) throw new Error(`page ${index + 1} of reading ${readingId} was not embedded`);
    const name = `Imp${++this.serial}`;
    (this.doc.page.xobjects as unknown as Record<string, unknown>)[name] = form.ref;
    const turn = form.width > form.height;
    const [width, height] = turn ? [form.height, form.width] : [form.width, form.height];
    const scale = Math.min(IMPORT_BOX.width / width, IMPORT_BOX.height / height);
    const x = IMPORT_BOX.left + (IMPORT_BOX.width - width * scale) / 2;
    const top = IMPORT_BOX.top + (IMPORT_BOX.height - height * scale) / 2;
    // pdfkit draws with y running down (its page starts with a flip); the form's own y runs up.
    // Upright: (u, v) → (x + s·u, top + s·h − s·v). Turned: (u, v) → (x + s·h − s·v, top + s·w − s·u).
    const matrix = turn
      ? [0, -scale, -scale, 0, x + form.height * scale, top + form.width * scale]
      : [scale, 0, 0, -scale, x, top + form.height * scale];
    this.doc.addContent(`q ${matrix.map((n) => Number(n.toFixed(4))).join(" ")} cm /${name} Do Q`);
  }
}

/**
 * Copies objects of a pdf-lib document into a pdfkit document: pdfkit's PDFObject.convert
 * writes a JS string as a name, a Uint8Array as a hex string, a number, boolean, array or plain
 * object as such, and a reference as "n 0 R". Streams keep their bytes and filters.
 */
class Transplant {
  private readonly refs = new Map<string, PDFKit.PDFKitReference>();
  private readonly queue: [PDFObject, PDFKit.PDFKitReference][] = [];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly from: PDFDocument,
  ) {}

  ref(ref: PDFRef): PDFKit.PDFKitReference {
    const known = this.refs.get(ref.tag);
    if (known) return known;
    const target = this.doc.ref({});
    this.refs.set(ref.tag, target);
    this.queue.push([this.from.context.lookup(ref) ?? PDFNull, target]);
    return target;
  }

  /** Writes every object reached so far (and those they reach) into the document. */
  finish(): void {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      const [object, target] = next;
      const writable = target as unknown as { data: unknown; compress: boolean; end: (chunk?: Uint8Array) => void };
      if (object instanceof PDFStream) {
        const data = this.value(object.dict) as Record<string, unknown>;
        delete data.Length; // pdfkit counts it as it writes
        writable.data = data;
        // Already filtered bytes are written as they are; unfiltered ones pdfkit may compress.
        writable.compress = writable.compress && data.Filter === undefined;
        writable.end(object.getContents());
      } else {
        writable.data = this.value(object);
        writable.end();
      }
    }
  }

  private value(object: PDFObject): unknown {
    if (object instanceof PDFRef) return this.ref(object);
    if (object instanceof PDFName) return object.asString().slice(1);
    if (object instanceof PDFNumber) return object.asNumber();
    if (object instanceof PDFString || object instanceof PDFHexString) return object.asBytes();
    if (object instanceof PDFBool) return object.asBoolean();
    if (object instanceof PDFArray) return object.asArray().map((item) => this.value(item));
    if (object instanceof PDFDict) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of object.entries()) out[key.asString().slice(1)] = this.value(item);
      return out;
    }
    if (object instanceof PDFStream) throw new Error("a stream inside another object (streams are always indirect)");
    return null;
  }
}
