// A reading's headings nest under the page's (issue 17, axe heading-order): under a reading
// title at h3, the reading's "# Part" is an h4 and its "## Section" an h5, keeping their look.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown/markdown";

const render = (source: string, headingLevel?: number) => renderToStaticMarkup(createElement(Markdown, { source, headingLevel }));

describe("headings nested under the page's own", () => {
  it("shifts the text's top level to the one given and the rest after it, marked by their rank", () => {
    const html = render("# Part one\n\ntext\n\n## A section\n\n### A detail\n\n#### Deeper\n\n##### Deepest", 4);
    expect(html).toContain('<h4 class="md-h1">Part one</h4>');
    expect(html).toContain('<h5 class="md-h2">A section</h5>');
    expect(html).toContain('<h6 class="md-h3">A detail</h6>');
    expect(html).toContain('<h6 class="md-h4">Deeper</h6>');
    expect(html).not.toMatch(/<h[1-3][ >]/);
  });

  it("starts from the text's own top level, so a text that begins at ## is not left with a gap", () => {
    expect(render("## Only second-level\n\n### Under it", 3)).toMatch(/<h3 class="md-h1">Only second-level<\/h3>.*<h4 class="md-h2">Under it<\/h4>/s);
  });

  it("leaves headings alone without a level", () => {
    expect(render("# Title")).toContain("<h1>Title</h1>");
  });
});
