// In a print run, the pages every member shares (a page of a reading, a response sheet without
// its code) are written to the file once. A PDF page's content may be a list of streams, so each
// member's copy of such a page is: a small stream of its own (that member's header, footer and
// response code) followed by the one stream of shared content, which every copy refers to.
// The printed result is the same; the file is about 20 times smaller and the run several times
// faster, since drawing and compressing the readings 500 times was most of its work.
//
// Within one document only: the shared stream uses that document's font subsets. It reaches
// pdfkit's page objects (content stream, page dictionary, font resources), which @types/pdfkit
// describes; should they change, `paint` falls back to drawing the page in full.
import type { Typesetter } from "@/lib/packs/pdf/fonts";
import type { Op, Page } from "@/lib/packs/pdf/page";
import { paint, type Codes } from "@/lib/packs/pdf/paint";

type Stream = { ref: PDFKit.PDFKitReference; fonts: [string, unknown][] };

function fontResources(page: PDFKit.PDFPage): Record<string, unknown> | undefined {
  const fonts: unknown = page.fonts;
  return typeof fonts === "object" && fonts !== null ? (fonts as Record<string, unknown>) : undefined;
}

export class SharedPages {
  private readonly streams = new Map<Page, Stream | null>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly type: Typesetter,
  ) {}

  /** Paints `page` on the document's current page; its member-specific ops (codes) directly. */
  paint(page: Page, codes: Codes, own?: Set<string>): void {
    const mine = page.ops.filter((op) => op.t === "code");
    const shared = mine.length > 0 ? page.ops.filter((op) => op.t !== "code") : page.ops;
    const stream = this.stream(page, shared);
    if (stream) {
      const target = this.doc.page;
      const fonts = fontResources(target)!;
      for (const [id, font] of stream.fonts) fonts[id] = font;
      (target.dictionary.data as Record<string, unknown>).Contents = [target.content, stream.ref];
    } else {
      paint(this.doc, this.type, shared);
    }
    paint(this.doc, this.type, mine, codes, own);
  }

  /** The page's shared stream, written the first time it is asked for (null: cannot share). */
  private stream(page: Page, ops: Op[]): Stream | null {
    if (this.streams.has(page)) return this.streams.get(page)!;
    const target = this.doc.page;
    const content: unknown = target.content;
    const fonts = fontResources(target);
    const dictionary: unknown = target.dictionary?.data;
    if (ops.length === 0 || !content || !fonts || typeof dictionary !== "object" || dictionary === null || !("Contents" in dictionary)) {
      this.streams.set(page, null);
      return null;
    }
    const ref = this.doc.ref({});
    target.content = ref;
    try {
      paint(this.doc, this.type, ops);
    } finally {
      target.content = content as PDFKit.PDFKitReference;
    }
    ref.end(undefined);
    const stream = { ref, fonts: Object.entries(fonts) };
    this.streams.set(page, stream);
    return stream;
  }
}
