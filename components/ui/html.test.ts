import { describe, expect, it } from "vitest";
import { escapeHtml, html, Html } from "@/components/ui/html";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);

describe("html", () => {
  it("escapes every value, in text and in attributes, and keeps it readable", () => {
    for (const s of naughtyStrings) {
      const out = html`<a title="${s}">${s}</a>`.markup;
      const inner = out.slice('<a title="'.length, -"</a>".length);
      const [attr, text] = inner.split('">');
      // Nothing in a value can end the attribute or open a tag.
      expect(attr).not.toMatch(/[<>"']/);
      expect(text).not.toMatch(/[<>"']/);
      expect(unescape(attr!)).toBe(s);
      expect(unescape(text!)).toBe(s);
    }
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;");
  });

  it("nests markup made by html, joins arrays and writes nothing for false, null and undefined", () => {
    const items = ["<b>", "c"].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}${false}${null}${undefined}${0}</ul>`.markup).toBe("<ul><li>&lt;b&gt;</li><li>c</li>0</ul>");
  });

  it("cannot be handed a string as markup", () => {
    expect(() => new Html("<script>", Symbol("html"))).toThrow();
  });
});
