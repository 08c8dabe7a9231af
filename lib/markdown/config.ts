// The one Markdown configuration. The reading page, the facilitator's letter, the tests and
// the pack PDF all render through `markdownOptions()`, so what is safe on screen is safe on
// paper, and a change to the rules is made once.
//
// Why it is strict: readings and letters are written by volunteers and pasted from anywhere
// (web pages, word processors, e-mail), then shown to every member of a group. So:
// - Raw HTML is never rendered. `remarkHtmlAsText` turns it into plain text first (the words
//   stay, the tags go; `<script>`/`<style>`/`<iframe>`… go with their content). Do not add
//   rehype-raw.
// - rehype-sanitize then runs with `markdownSchema`, an allow-list of exactly the elements and
//   attributes that Markdown + GFM produce (tables, footnotes with their ids and
//   back-references, strikethrough, task lists): defense in depth should a plugin change.
// - URLs are allowed only as http(s), mailto, or relative/fragment links (`safeUrl`), checked
//   both by the sanitizer and by react-markdown's `urlTransform`. Links get
//   `rel="noopener noreferrer nofollow"`; a link whose URL was dropped renders as its text.
// - Images are never loaded. A remote image tells its host who is reading and when (privacy),
//   and prison mailrooms reject packs with pictures; so an image renders as its alt text in
//   brackets, a link to it when its URL is safe (online readers may choose to open it).
// - No `style` attributes: table-cell alignment becomes a class instead.
//
// Line breaks (docs/decisions/032): a single line break in the source is a line break on screen
// and on paper (remark-breaks), not a space as in CommonMark. Letters, poems, addresses and
// answers are typed in plain text boxes by people who expect the break they typed to stay; two
// trailing spaces are not something a volunteer knows to type. The pack PDF parses with these
// same remark plugins (lib/packs/pdf/markdown.ts), so the rule is the same in both places.
import { createElement, type CSSProperties, type ReactNode } from "react";
import type { Components, Options } from "react-markdown";
import rehypeSanitize, { type Options as SanitizeSchema } from "rehype-sanitize";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";
import { remarkHtmlAsText } from "@/lib/markdown/html-as-text";

/** Prefix of every generated id (footnotes); ids without it are removed by the sanitizer. */
export const ID_PREFIX = "user-content-";

export const LINK_REL = "noopener noreferrer nofollow";

const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);

/**
 * The URL if it is http(s), mailto, or relative (a path, `?query` or `#fragment`), else
 * `undefined`. Browsers ignore ASCII whitespace and control characters inside a scheme
 * (`java\tscript:`), so those are removed before the scheme is read.
 */
export function safeUrl(url: string): string | undefined {
  const normalized = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  const colon = normalized.indexOf(":");
  if (colon === -1) return url;
  const firstDelimiter = normalized.search(/[/?#]/);
  if (firstDelimiter !== -1 && firstDelimiter < colon) return url; // "a/b:c" is a path
  return SAFE_SCHEMES.has(normalized.slice(0, colon).toLowerCase()) ? url : undefined;
}

/**
 * Exactly what Markdown and GFM produce, nothing else: no `style`, no event handlers, no
 * `div`/`span`/`iframe`. Generated ids already carry `ID_PREFIX` (remark-rehype adds it), so
 * the sanitizer does not prefix again (that would break footnote back-references); it keeps
 * only ids that have it.
 */
export const markdownSchema: SanitizeSchema = {
  tagNames: [
    "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "img", "input", "li", "ol", "p", "pre", "section", "strong", "sup", "table", "tbody",
    "td", "th", "thead", "tr", "ul",
  ],
  attributes: {
    a: [
      "href",
      "title",
      "ariaLabel",
      ["ariaDescribedBy", "footnote-label"],
      "dataFootnoteRef",
      "dataFootnoteBackref",
      ["className", "data-footnote-backref"],
      ["id", new RegExp(`^${ID_PREFIX}`)],
    ],
    code: [["className", /^language-[\w+#.-]+$/]],
    h2: [["className", "sr-only"], ["id", "footnote-label"]],
    img: ["src", "alt", "title"],
    input: [["type", "checkbox"], ["disabled", true], "checked"],
    li: [["className", "task-list-item"], ["id", new RegExp(`^${ID_PREFIX}`)]],
    ol: ["start", ["className", "contains-task-list"]],
    section: ["dataFootnotes", ["className", "footnotes"]],
    td: [["align", "left", "center", "right"]],
    th: [["align", "left", "center", "right"]],
    ul: [["className", "contains-task-list"]],
  },
  required: { input: { type: "checkbox", disabled: true } },
  ancestors: {
    tbody: ["table"],
    td: ["table"],
    th: ["table"],
    thead: ["table"],
    tr: ["table"],
  },
  protocols: {
    href: ["http", "https", "mailto"],
    src: ["http", "https"],
  },
  clobber: [],
  clobberPrefix: "",
  strip: ["script", "style"],
};

type WithNode<P> = P & { node?: unknown; children?: ReactNode };

function withoutNode<P extends object>(props: WithNode<P>): Omit<P, "node"> {
  const { node: _node, ...rest } = props;
  return rest;
}

const ALIGN_CLASS: Record<string, string> = { left: "text-left", center: "text-center", right: "text-right" };

function alignedCell(tag: "th" | "td") {
  return function Cell(props: WithNode<{ style?: CSSProperties; className?: string }>) {
    const { style, className, ...rest } = withoutNode(props);
    const align = typeof style?.textAlign === "string" ? ALIGN_CLASS[style.textAlign] : undefined;
    const classes = [className, align].filter(Boolean).join(" ");
    return createElement(tag, { ...rest, className: classes || undefined });
  };
}

const components: Components = {
  a(props) {
    const { href, children, ...rest } = withoutNode(props);
    const url = typeof href === "string" ? safeUrl(href) : undefined;
    if (url === undefined) return createElement("span", null, children);
    return createElement("a", { ...rest, href: url, rel: LINK_REL }, children);
  },
  img(props) {
    const { alt, src } = withoutNode(props);
    // Never an <img>: see the module comment. No alt text means a decorative image.
    const label = typeof alt === "string" ? alt.trim() : "";
    if (!label) return null;
    const url = typeof src === "string" ? safeUrl(src) : undefined;
    const text = `[${label}]`;
    if (url === undefined || !/^https?:/i.test(url)) {
      return createElement("span", { className: "md-image" }, text);
    }
    return createElement("a", { href: url, rel: LINK_REL, className: "md-image" }, text);
  },
  table(props) {
    // A wide table scrolls inside its own box on a phone instead of widening the page;
    // the box is focusable so it can be scrolled from the keyboard.
    return createElement(
      "div",
      { className: "md-table overflow-x-auto", tabIndex: 0 },
      createElement("table", withoutNode(props)),
    );
  },
  th: alignedCell("th"),
  td: alignedCell("td"),
};

type HastNode = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };

/**
 * Nests a text's headings under the page's own (WCAG 1.3.1; axe's heading-order): the text's top
 * level becomes `level` and the rest follow (capped at h6), each marked `md-h1`…`md-h4` by its
 * rank in the text so it keeps its look. Runs after sanitizing, so the classes it adds stay.
 */
function rehypeHeadingLevel(level: number) {
  return () => (tree: HastNode) => {
    const headings: HastNode[] = [];
    const walk = (node: HastNode) => {
      if (node.type === "element" && /^h[1-6]$/.test(node.tagName ?? "")) headings.push(node);
      node.children?.forEach(walk);
    };
    walk(tree);
    if (headings.length === 0) return;
    const top = Math.min(...headings.map((h) => Number(h.tagName![1])));
    for (const heading of headings) {
      const rank = Number(heading.tagName![1]) - top + 1;
      heading.tagName = `h${Math.min(6, level + rank - 1)}`;
      const existing = heading.properties?.className;
      heading.properties = { ...heading.properties, className: [...(Array.isArray(existing) ? existing : []), `md-h${Math.min(rank, 4)}`] };
    }
  };
}

export type MarkdownRenderOptions = {
  /** The level the text's top headings take on the page (a reading under an h3 title: 4). */
  headingLevel?: number;
  /**
   * Distinguishes footnote ids when several Markdown texts share a page (a letter and two
   * readings each with a `[^1]`). Letters, digits and `-` only; anything else is removed,
   * and a trailing `-` is optional (`"letter"` and `"letter-"` give the same ids).
   */
  idPrefix?: string;
};

export function markdownOptions({ idPrefix, headingLevel }: MarkdownRenderOptions = {}): Readonly<Options> {
  const cleaned = (idPrefix ?? "").replace(/[^A-Za-z0-9-]/g, "").replace(/^-+|-+$/g, "");
  return {
    remarkPlugins: [remarkGfm, remarkBreaks, remarkHtmlAsText],
    remarkRehypeOptions: { clobberPrefix: cleaned ? `${ID_PREFIX}${cleaned}-` : ID_PREFIX },
    rehypePlugins: headingLevel ? [[rehypeSanitize, markdownSchema], rehypeHeadingLevel(headingLevel)] : [[rehypeSanitize, markdownSchema]],
    // Belt and braces: the plugins above leave no raw HTML, and if one ever did, drop it.
    skipHtml: true,
    urlTransform: (url) => safeUrl(url),
    components,
  };
}
