// Markdown on paper, read back with pdftotext: what the web shows, in print.
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMarkdownToHtml } from "@/tests/setup/markdown-html";
import { renderMemberPack } from "@/lib/packs/pdf/render";
import { demoPack, mailMember, NO_LIMIT } from "@/tests/factories/print";
import { pdfImages, pdfPages, tempDir } from "@/tests/setup/pdf-tools";

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The printed text of a pack whose one reading is `markdown`, and the file. */
async function printed(markdown: string, name: string): Promise<{ text: string; file: string }> {
  const pack = demoPack([0], { letterMarkdown: "" });
  const lesson = pack.lessons[0]!;
  lesson.readings = [{ ...lesson.readings[0]!, bodyMarkdown: markdown }];
  lesson.prompts = [];
  const file = path.join(dir, `${name}.pdf`);
  await renderMemberPack(pack, mailMember(pack, { facility: NO_LIMIT }), createWriteStream(file));
  return { text: squash((await pdfPages(file)).join(" ")), file };
}

/** What a browser shows of the web's HTML for the same Markdown. */
function webText(markdown: string): string {
  const html = renderMarkdownToHtml(markdown)
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
  return squash(html);
}

describe("Markdown in the pack PDF", () => {
  it("prints raw HTML as the same plain text the web shows", async () => {
    const source = [
      '<div class="note">Pasted from a <b>web page</b>, with <span style="color:red">styled</span> words &amp; an entity.</div>',
      "",
      "<p>Second paragraph<br>after a break.</p>",
      "",
      'Inline <em>emphasis</em> and <script>alert("x")</script> a dropped script, <img src="x.png" alt="a chart"> an image tag.',
      "",
      "<!-- a comment --><style>p { color: red }</style><iframe src=\"https://evil.example\">framed</iframe>",
      "",
      "Last words.",
    ].join("\n");
    const web = webText(source);
    const { text } = await printed(source, "html");
    expect(web).toContain("Pasted from a web page, with styled words & an entity.");
    expect(text).toContain(web);
    for (const gone of ["<div", "<b>", "alert(", "color: red", "framed", "<!--"]) expect(text).not.toContain(gone);
  });

  it("prints links with their URL, images as their alt text, and every GFM construct", async () => {
    const source = `# Heading one

Text with a [link](https://example.org/path) and https://example.com bare, a [relative link](/groups/x), an [evil link](javascript:alert(1)), a ![Photo of a mill floor](https://example.org/mill.jpg) and a decorative ![](https://example.org/x.png) picture. A [mail link](mailto:study@example.org).

A claim.[^a] Another.[^b]

- [x] done task
- [ ] open task

1. first
   - nested bullet
     1. deeply nested
2. second

> A quoted line.
>
> — Someone

| Left | Right |
|:-----|------:|
| a    | 1     |

\`\`\`
const x = 1; // kept
\`\`\`

~~struck~~ text.

[^a]: The first note.
[^b]: The second note, in **bold**.
`;
    const { text, file } = await printed(source, "gfm");
    expect(text).toContain("Heading one");
    expect(text).toContain("a link (https://example.org/path) and https://example.com bare");
    expect(text).not.toContain("(https://example.com)");
    expect(text).toContain("a relative link, an evil link, a [image: Photo of a mill floor] and a decorative picture.");
    expect(text).not.toContain("javascript");
    expect(text).not.toContain("mill.jpg");
    expect(text).toContain("A mail link (study@example.org).");
    expect(text).toMatch(/A claim\.1 Another\.2/);
    expect(text).toContain("Notes 1. The first note. 2. The second note, in bold.");
    expect(text).toContain("☑ done task ☐ open task");
    expect(text).toMatch(/1\. first ◦ nested bullet 1\. deeply nested 2\. second/);
    expect(text).toContain("A quoted line. — Someone");
    expect(text).toContain("Left Right a 1");
    expect(text).toContain("const x = 1; // kept");
    expect(text).toContain("struck text.");
    expect(await pdfImages(file)).toEqual([]);
  });

  it("breaks words too long for a line instead of running off the page", async () => {
    const long = "x".repeat(400);
    const { text } = await printed(`Before ${long} after, and https://example.org/${"a".repeat(200)}.`, "long");
    expect(text.replace(/ /g, "")).toContain(`Before${long}after`);
  });
});
