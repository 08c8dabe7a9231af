// A remark plugin that turns raw HTML inside Markdown into plain text, before anything is
// rendered. Why: readings and letters are pasted by volunteers from web pages and word
// processors, so they carry stray tags (`<p>`, `<div>`, `<br>`, `<span style=…>`). Rendering
// them would be unsafe, and dropping them outright (what rehype-sanitize does with raw HTML)
// would also drop the words inside a `<div>…</div>` block. So: tags are removed, the words
// between them stay as ordinary text (escaped when rendered), and elements whose content is
// code or hidden markup rather than prose (`<script>`, `<style>`, `<iframe>`, comments, …)
// are removed together with their content. Nothing here ever produces an element: the output
// is only `text`, `break` and `paragraph` nodes, so it cannot introduce HTML.
import type { Break, Code, Html, Paragraph, Parent, Root, RootContent, Text } from "mdast";

/** Elements whose content is not prose meant for a reader: dropped with their content. */
const CONTENT_DROPPING = ["script", "style", "template", "iframe", "object", "noscript", "noembed", "noframes", "xmp", "svg", "math", "head", "title"];
const DROPPING = CONTENT_DROPPING.join("|");
const DROPPING_OPENER = new RegExp(`<(${DROPPING})\\b`, "gi");

/** Containers whose children are blocks (so converted HTML becomes paragraphs). */
const BLOCK_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

// Every pattern below stops at the next "<" or consumes what it scans, so that a long
// malformed paste (thousands of "<img" with no ">") is handled in linear time.

/** Tags that end a paragraph when pasted HTML is turned back into text. */
const BLOCK_TAG = /<\/?(?:p|div|section|article|header|footer|main|aside|nav|blockquote|ul|ol|li|dl|dt|dd|h[1-6]|table|thead|tbody|tfoot|tr|td|th|pre|hr|figure|figcaption|address|center)\b[^<>]*>/gi;
const BR_TAG = /<br\b[^<>]*>/gi;
/** An `<img … alt="…">`: its alt text is kept in brackets, as for Markdown images. */
const IMG_TAG = /<img\b(?:[^<>"']|"[^"<]*"|'[^'<]*')*>/gi;
const ALT_ATTR = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
/** CommonMark's open or closing tag (minus `<` inside it), then a forgiving fallback. */
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
const LOOSE_TAG = /<\/?[A-Za-z][^>]*>?/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const OTHER_MARKUP = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<![A-Za-z][^>]*>?/g;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201c",
  rdquo: "\u201d",
  laquo: "\u00ab",
  raquo: "\u00bb",
  copy: "\u00a9",
  shy: "",
};

function decodeEntities(value: string): string {
  return value.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? "", 16);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : "\ufffd";
  });
}

function altText(tag: string): string {
  const match = ALT_ATTR.exec(tag);
  const alt = (match?.[1] ?? match?.[2] ?? match?.[3] ?? "").trim();
  return alt ? `[${alt}]` : "";
}

/** Stands for a `<br>` while whitespace is collapsed; never left in the output. */
const LINE_BREAK = "\ue000";

/**
 * Removes content-dropping elements with their content. Returns the rest and, if one was
 * opened and not closed, its name (everything after such an opener is removed).
 */
function removeDropping(html: string): { rest: string; unclosed?: string } {
  let rest = "";
  let position = 0;
  for (;;) {
    DROPPING_OPENER.lastIndex = position;
    const open = DROPPING_OPENER.exec(html);
    if (!open) return { rest: rest + html.slice(position) };
    rest += html.slice(position, open.index);
    const name = (open[1] ?? "").toLowerCase();
    const closer = new RegExp(`<\\/${name}\\s*>`, "gi");
    closer.lastIndex = open.index + open[0].length;
    const close = closer.exec(html);
    if (!close) return { rest, unclosed: name };
    position = close.index + close[0].length;
  }
}

/** Raw HTML → the text a reader would have seen. `blockBreak` separates paragraphs. */
function htmlToText(html: string, blockBreak: string, lineBreak: string): string {
  return decodeEntities(
    removeDropping(html.replaceAll(LINE_BREAK, "").replace(COMMENT, "")).rest
      .replace(OTHER_MARKUP, "")
      .replace(IMG_TAG, altText)
      .replace(BR_TAG, lineBreak)
      .replace(BLOCK_TAG, blockBreak)
      .replace(TAG, "")
      .replace(LOOSE_TAG, ""),
  );
}

/** The name of a content-dropping element this fragment opens and does not close. */
function unclosedDroppingTag(html: string): string | undefined {
  return removeDropping(html.replace(COMMENT, "")).unclosed;
}

/** Block HTML → paragraphs; line breaks in the source are spaces, as in a browser. */
function paragraphsFrom(html: string): Array<Paragraph | Code> {
  // A pasted `<pre>` block keeps its lines, as code.
  if (/^\s*<pre\b/i.test(html)) {
    const value = htmlToText(html, "", "\n").replace(/^\n+|\s+$/g, "");
    return value ? [{ type: "code", value }] : [];
  }
  return htmlToText(html, "\n\n", LINE_BREAK)
    .split(/\n[ \t\u00a0]*\n/)
    .map((chunk) => chunk.replace(/[ \t\n\r\f]+/g, " ").trim())
    .filter((chunk) => chunk.replaceAll(LINE_BREAK, "").trim().length > 0)
    .map((chunk): Paragraph => ({ type: "paragraph", children: withBreaks(chunk) }));
}

/** Text with `LINE_BREAK` marks → text and break nodes; `trim` for the edges of lines. */
function withBreaks(value: string, trim = true): Array<Text | Break> {
  const nodes: Array<Text | Break> = [];
  value.split(LINE_BREAK).forEach((line, index) => {
    if (index > 0) nodes.push({ type: "break" });
    const text = trim ? line.trim() : line;
    if (text) nodes.push({ type: "text", value: text });
  });
  return nodes;
}

function inlineFrom(html: string): Array<Text | Break> {
  return withBreaks(htmlToText(html, " ", LINE_BREAK), false);
}

function isParent(node: RootContent | Root): node is RootContent & Parent {
  return "children" in node && Array.isArray(node.children);
}

function transform(parent: Root | (RootContent & Parent)): void {
  const block = BLOCK_PARENTS.has(parent.type);
  const out: RootContent[] = [];
  // Inline HTML arrives tag by tag: `<script>`, then Markdown text, then `</script>`.
  // Between an opening content-dropping tag and its closing tag, siblings are dropped.
  let dropping: string | undefined;

  for (const child of parent.children as RootContent[]) {
    if (dropping !== undefined) {
      if (child.type !== "html") continue;
      const close = new RegExp(`<\\/${dropping}\\s*>`, "i").exec(child.value);
      if (!close) continue;
      dropping = undefined;
      const rest: Html = { type: "html", value: child.value.slice(close.index + close[0].length) };
      out.push(...convert(rest, block));
      continue;
    }
    if (child.type === "html") {
      dropping = block ? undefined : unclosedDroppingTag(child.value);
      out.push(...convert(child, block));
      continue;
    }
    if (isParent(child)) transform(child);
    out.push(child);
  }
  parent.children = out as typeof parent.children;
}

function convert(node: Html, block: boolean): RootContent[] {
  return block ? paragraphsFrom(node.value) : inlineFrom(node.value);
}

export function remarkHtmlAsText() {
  return (tree: Root): void => {
    transform(tree);
  };
}
