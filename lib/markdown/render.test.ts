// The Markdown renderer is a security boundary (volunteers paste readings from anywhere), so
// these tests attack it: raw HTML, dangerous URLs in every spelling Markdown allows, and the
// Big List of Naughty Strings, checking the output's tags and attributes one by one.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown, MARKDOWN_PROSE_CLASSES } from "@/components/markdown/markdown";
import { renderMarkdownToHtml } from "@/tests/setup/markdown-html";
import { DEMO_LESSONS } from "@/prisma/demo-content";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

type Tag = { name: string; attributes: Array<[string, string]> };

// React's static markup escapes `<` in text and `"` in attribute values, so every `<` in the
// output starts a tag and this pattern reads them all; `parse` checks that nothing is left.
const START_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/g;
const END_TAG = /<\/([a-zA-Z][a-zA-Z0-9-]*)>/g;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;

function decode(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

function parse(html: string): { tags: Tag[]; text: string } {
  const tags = [...html.matchAll(START_TAG)].map((match): Tag => ({
    name: (match[1] ?? "").toLowerCase(),
    attributes: [...(match[2] ?? "").matchAll(ATTRIBUTE)].map((a): [string, string] => [
      (a[1] ?? "").toLowerCase(),
      decode(a[2] ?? ""),
    ]),
  }));
  const rest = html.replace(START_TAG, "").replace(END_TAG, "");
  // Every `<` belonged to a tag this parser read: no tag escaped the checks below.
  expect(rest).not.toContain("<");
  return { tags, text: decode(rest) };
}

/** Elements the renderer may produce: what Markdown + GFM make, plus the table wrapper. */
const ALLOWED_TAGS = new Set([
  "a", "blockquote", "br", "code", "del", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6",
  "hr", "input", "li", "ol", "p", "pre", "section", "span", "strong", "sup", "table", "tbody",
  "td", "th", "thead", "tr", "ul",
]);

/** What a browser reads as the scheme: ASCII whitespace and controls are ignored. */
function scheme(url: string): string | undefined {
  const squeezed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const match = /^([a-z][a-z0-9+.-]*):/.exec(squeezed);
  return match?.[1];
}

function expectSafe(html: string): void {
  const { tags } = parse(html);
  expect(html).not.toMatch(/<\s*(script|iframe|object|embed|style|img|svg|math|link|meta|base|form)\b/i);
  for (const tag of tags) {
    expect(ALLOWED_TAGS, `unexpected <${tag.name}> in ${html}`).toContain(tag.name);
    for (const [name, value] of tag.attributes) {
      expect(name, `event handler in ${html}`).not.toMatch(/^on/);
      expect(name).not.toBe("style");
      expect(name).not.toBe("srcdoc");
      if (name === "href" || name === "src" || name === "action" || name === "formaction") {
        const s = scheme(value);
        expect(s === undefined || ["http", "https", "mailto"].includes(s), `unsafe ${name}="${value}"`).toBe(true);
      }
    }
    if (tag.name === "a" && tag.attributes.some(([name]) => name === "href")) {
      const rel = tag.attributes.find(([name]) => name === "rel")?.[1];
      expect(rel).toBe("noopener noreferrer nofollow");
    }
  }
}

function textOf(html: string): string {
  return parse(html).text.replace(/\s+/g, " ").trim();
}

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  consoleError = vi.spyOn(console, "error");
});
afterEach(() => {
  // React warnings (keys, invalid props) come through console.error: none are expected.
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

describe("renderMarkdownToHtml: raw HTML is never rendered", () => {
  it.each([
    ["an inline <script>", "Before <script>alert(1)</script> after.", "Before after."],
    ["a <script> block", "Before.\n\n<script>\nalert(1)\n</script>\n\nAfter.", "Before. After."],
    ["<img onerror>", 'Look <img src=x onerror="alert(1)"> here.', "Look here."],
    ["<img onerror> with alt text", '<img src="x" alt="A map" onerror=alert(1)>', "[A map]"],
    ["<iframe>", 'Watch <iframe src="https://evil.example/"></iframe> this.', "Watch this."],
    ["an <iframe> block", '<iframe src="https://evil.example/">\n</iframe>\n\nThen text.', "Then text."],
    ["<style>", "Plain <style>body{display:none}</style> text.", "Plain text."],
    ["a <style> block", "<style>\nbody { display: none }\n</style>\n\nStill here.", "Still here."],
    ["style=", 'A <span style="color:red">red</span> word.', "A red word."],
    ["onclick on a tag", '<b onclick="alert(1)">Bold</b> text', "Bold text"],
    ["<object>/<embed>", 'X <object data="a.swf"></object><embed src="a.swf"> Y', "X Y"],
    ["a raw <a href=javascript:>", '<a href="javascript:alert(1)">Click</a> me', "Click me"],
    ["an HTML comment", "Seen <!-- hidden --> text", "Seen text"],
    ["<svg onload>", '<svg onload="alert(1)"><circle/></svg> after', "after"],
  ])("drops %s and keeps the text around it", (_, source, text) => {
    const html = renderMarkdownToHtml(source);
    expectSafe(html);
    expect(textOf(html)).toBe(text);
    expect(html).not.toMatch(/alert|display|onerror|onclick|onload/);
  });

  it("keeps the words of pasted HTML as paragraphs, with entities decoded", () => {
    const html = renderMarkdownToHtml('<div class="x">\n<p>One &amp; two</p><p>Three<br>four</p>\n</div>');
    expectSafe(html);
    expect(html).toBe("<p>One &amp; two</p>\n<p>Three<br/>\nfour</p>");
  });

  it.each([
    ["<img alt= with no >", "<div>\n" + "<img alt=".repeat(20_000)],
    ["<script with no >", "<div>\n" + "<script ".repeat(20_000)],
    ["<p with no >", "<div>\n" + "<p class=".repeat(20_000)],
    ["attributes with no >", "<div>\n" + "<a b c d e f g h".repeat(10_000)],
  ])("handles a long malformed paste (%s) in linear time", (_, source) => {
    const started = performance.now();
    expectSafe(renderMarkdownToHtml(source));
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("shows escaped HTML in text as text", () => {
    const html = renderMarkdownToHtml("Write `<script>` or \\<b> in prose.");
    expectSafe(html);
    expect(html).toContain("<code>&lt;script&gt;</code>");
    expect(textOf(html)).toBe("Write <script> or <b> in prose.");
  });
});

describe("renderMarkdownToHtml: dangerous URLs", () => {
  const dangerous = [
    ["inline link", "[x](javascript:alert(1))"],
    ["mixed case", "[x](JaVaScRiPt:alert(1))"],
    ["decimal entity", "[x](&#106;avascript:alert(1))"],
    ["hex entity", "[x](&#x6A;avascript&#x3A;alert(1))"],
    ["named entity colon", "[x](javascript&colon;alert(1))"],
    ["leading spaces", "[x](   javascript:alert(1))"],
    ["leading newline", "[x](\njavascript:alert(1))"],
    ["angle brackets with a tab", "[x](<java\tscript:alert(1)>)"],
    ["angle brackets with spaces", "[x](< javascript:alert(1)>)"],
    ["escaped tab entity", "[x](java&#9;script:alert(1))"],
    ["newline entity", "[x](java&#10;script:alert(1))"],
    ["autolink", "<javascript:alert(1)>"],
    ["reference link", "[x][r]\n\n[r]: javascript:alert(1)"],
    ["reference link, angle brackets", "[x][r]\n\n[r]: <JAVASCRIPT:alert(1)>"],
    ["collapsed reference", "[r][]\n\n[r]: javascript:alert(1) \"title\""],
    ["vbscript", "[x](vbscript:msgbox(1))"],
    ["data: link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
    ["javascript: image", "![x](javascript:alert(1))"],
    ["file:", "[x](file:///etc/passwd)"],
  ] as const;

  it.each(dangerous)("drops a %s and keeps the link text", (_, source) => {
    const html = renderMarkdownToHtml(`Before ${source} after.`);
    expectSafe(html);
    expect(html).not.toMatch(/href=|src=/);
    expect(textOf(html)).toMatch(/^Before .*\S.* after\.$/);
    expect(textOf(html)).not.toMatch(/\bx\b.*\bx\b/); // the text appears once, not doubled
  });

  it.each(dangerous)("drops a %s in a footnote and a heading too", (_, source) => {
    const html = renderMarkdownToHtml(`## See ${source}\n\nText.[^1]\n\n[^1]: Also ${source}`);
    expectSafe(html);
    expect(html).not.toMatch(/href="(?!#user-content-fn)/);
  });

  it.each([
    ["https", "[site](https://example.org/a?b=1&c=2#d)", "https://example.org/a?b=1&amp;c=2#d"],
    ["http", "[site](http://example.org/)", "http://example.org/"],
    ["mailto", "[mail](mailto:study@example.org)", "mailto:study@example.org"],
    ["autolink", "<https://example.org/path>", "https://example.org/path"],
    ["GFM bare URL", "See www.example.org today", "http://www.example.org"],
    ["relative", "[next](/groups/abc)", "/groups/abc"],
    ["fragment", "[up](#top)", "#top"],
  ])("keeps a %s link, with rel=noopener noreferrer nofollow", (_, source, href) => {
    const html = renderMarkdownToHtml(source);
    expectSafe(html);
    expect(html).toContain(`href="${href}" rel="noopener noreferrer nofollow"`);
  });
});

describe("renderMarkdownToHtml: images are not loaded", () => {
  it("renders a remote image as a link whose text is the alt text", () => {
    const html = renderMarkdownToHtml("A ![map of the mill](https://example.org/map.png) here.");
    expectSafe(html);
    expect(html).toBe(
      '<p>A <a href="https://example.org/map.png" rel="noopener noreferrer nofollow" class="md-image">[map of the mill]</a> here.</p>',
    );
  });

  it("renders a relative or unsafe image as its alt text only, and drops one without alt text", () => {
    expect(renderMarkdownToHtml("![a chart](chart.png)")).toBe('<p><span class="md-image">[a chart]</span></p>');
    expect(renderMarkdownToHtml("![](https://example.org/spacer.gif)x")).toBe("<p>x</p>");
  });
});

describe("renderMarkdownToHtml: keeps Markdown and GFM", () => {
  it("keeps headings, emphasis, lists, block quotes, code, rules", () => {
    const html = renderMarkdownToHtml(
      [
        "# One", "## Two", "### Three",
        "Some *emphasis*, **strong**, ~~struck~~ and `code`.",
        "- a\n  - nested\n- b", "1. first\n2. second", "Between.", "3. third\n4. fourth",
        "> quoted\n>\n> > inner", "```ts\nconst a = 1;\n```", "---",
      ].join("\n\n"),
    );
    expectSafe(html);
    for (const fragment of [
      "<h1>One</h1>", "<h2>Two</h2>", "<h3>Three</h3>", "<em>emphasis</em>", "<strong>strong</strong>",
      "<del>struck</del>", "<code>code</code>", "<li>nested</li>", '<ol start="3">', "<blockquote>",
      '<code class="language-ts">const a = 1;\n</code>', "<hr/>",
    ]) {
      expect(html).toContain(fragment);
    }
  });

  it("keeps tables in a scrolling box, alignment as classes, not style", () => {
    const html = renderMarkdownToHtml("| Year | Hours |\n|:--|--:|\n| 1840 | 12 |");
    expectSafe(html);
    expect(html).toBe(
      '<div class="md-table overflow-x-auto" tabindex="0"><table><thead><tr><th class="text-left">Year</th><th class="text-right">Hours</th></tr></thead><tbody><tr><td class="text-left">1840</td><td class="text-right">12</td></tr></tbody></table></div>',
    );
  });

  it("keeps task lists as disabled checkboxes", () => {
    const html = renderMarkdownToHtml("- [x] read\n- [ ] write");
    expectSafe(html);
    expect(html).toContain('<input type="checkbox" disabled="" checked=""/> read');
    expect(html).toContain('<input type="checkbox" disabled=""/> write');
  });

  it("keeps footnotes with matching ids and back-references", () => {
    const html = renderMarkdownToHtml("Claim.[^a] Again.[^a] Other.[^2]\n\n[^a]: Source A.\n[^2]: Source *B*.");
    expectSafe(html);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const targets = [...html.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBe(6); // 3 references, 3 back-references
    for (const target of targets) expect(ids).toContain(target);
    expect(html).toContain('<section data-footnotes="true" class="footnotes">');
    expect(html).toContain('<h2 class="sr-only" id="footnote-label">Footnotes</h2>');
    expect(html).toContain('aria-describedby="footnote-label"');
    expect(html).toContain('class="data-footnote-backref"');
    expect(html).toContain("<em>B</em>");
  });

  it("prefixes footnote ids when asked, so two texts can share a page", () => {
    const html = renderMarkdownToHtml("A.[^1]\n\n[^1]: N.", { idPrefix: "letter <x>" });
    expect(html).toContain('id="user-content-letterx-fn-1"');
    expect(html).toContain('href="#user-content-letterx-fn-1"');
    expect(renderMarkdownToHtml("A.[^1]\n\n[^1]: N.", { idPrefix: "r12-" })).toContain('id="user-content-r12-fn-1"');
  });

  it("renders the empty document as nothing", () => {
    expect(renderMarkdownToHtml("")).toBe("");
  });
});

describe("renderMarkdownToHtml: the Big List of Naughty Strings", () => {
  it("has the list", () => {
    expect(naughtyStrings.length).toBeGreaterThan(400);
  });

  const shapes: Array<[string, (s: string) => string]> = [
    ["a whole document", (s) => s],
    ["link text", (s) => `Before [${s}](https://example.org/) after`],
    ["a link URL", (s) => `Before [text](${s}) after`],
    ["a reference definition", (s) => `[text][r] after\n\n[r]: ${s}`],
    ["an image", (s) => `![${s}](${s})`],
    ["a heading", (s) => `## ${s}\n\nText`],
    ["a table cell and footnote", (s) => `| a |\n|---|\n| ${s} |\n\nN.[^1]\n\n[^1]: ${s}`],
  ];

  it.each(shapes)("never throws and never emits markup, handlers or unsafe URLs: as %s", (_, shape) => {
    for (const naughty of naughtyStrings) {
      let html = "";
      expect(() => {
        html = renderMarkdownToHtml(shape(naughty));
      }, naughty).not.toThrow();
      expectSafe(html);
    }
  });
});

describe("renderMarkdownToHtml: the demo readings", () => {
  const readings = DEMO_LESSONS.flatMap((lesson) => lesson.readings);

  it.each(readings.map((r) => [r.title, r.bodyMarkdown] as const))("renders %s safely, losing no text", (_, body) => {
    const html = renderMarkdownToHtml(body);
    expectSafe(html);
    expect(textOf(html).length).toBeGreaterThan(body.length * 0.8);
  });

  it("has one long reading that exercises every construct", () => {
    const long = readings.find((r) => r.bodyMarkdown.split(/\s+/).length >= 2500);
    expect(long).toBeDefined();
    const html = renderMarkdownToHtml(long?.bodyMarkdown ?? "");
    expect(html.match(/<h2>/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain("<h3>");
    expect(html).toContain("<blockquote>");
    expect(html).toMatch(/<ol>[\s\S]*<ul>[\s\S]*<\/ul>[\s\S]*<\/ol>/);
    expect(html).toContain("<table>");
    expect(html).toContain("<em>");
    expect(html).toMatch(/href="https:\/\/[^"]+" rel="noopener noreferrer nofollow"/);
    expect(html.match(/<li id="user-content-fn-/g)?.length).toBeGreaterThanOrEqual(3);
  });
});

describe("<Markdown>", () => {
  it("renders the same HTML as renderMarkdownToHtml, inside the typography wrapper", () => {
    const source = "# Title\n\nText with [a link](https://example.org) and <script>x()</script>.[^1]\n\n[^1]: Note.";
    const html = renderToStaticMarkup(createElement(Markdown, { source, className: "mx-auto", idPrefix: "r1" }));
    expect(html).toBe(`<div class="${MARKDOWN_PROSE_CLASSES.replaceAll("&", "&amp;")} mx-auto">${renderMarkdownToHtml(source, { idPrefix: "r1" })}</div>`);
    expect(html).toContain('id="user-content-r1-fn-1"');
    expect(MARKDOWN_PROSE_CLASSES).toMatch(/\bprose\b/);
    expect(MARKDOWN_PROSE_CLASSES).toContain("max-w-[65ch]");
  });
});
