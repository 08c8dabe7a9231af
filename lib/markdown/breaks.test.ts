// Line breaks on screen (docs/decisions/032): a single line break typed in a letter is a line
// break on the page, as it is on paper (lib/packs/pdf/paper-details.test.ts).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown/markdown";

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe("line breaks", () => {
  it("keeps a letter's single line breaks as <br>, and blank lines as paragraphs", () => {
    const out = html("Dear all,\nThe reading is short this time.\nRead it twice.\n\nFrank");
    expect(out).toContain("<p>Dear all,<br/>\nThe reading is short this time.<br/>\nRead it twice.</p>");
    expect(out).toContain("<p>Frank</p>");
  });

  it("leaves code blocks and tables as they were", () => {
    expect(html("```\nline one\nline two\n```")).toContain("line one\nline two");
    expect(html("| a |\n| - |\n| b |")).not.toContain("<br/>");
  });
});
