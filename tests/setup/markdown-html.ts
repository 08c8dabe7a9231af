// For tests: Markdown → an HTML string, through exactly the configuration the <Markdown>
// component uses (lib/markdown/config.ts), without the typography wrapper. The renderer's
// security tests read its tags one by one, and the PDF tests compare the pack's text with it.
// Only tests use it, so it lives here rather than in lib/ (react-dom/server, which it needs, is
// not allowed in Server Components anyway).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ReactMarkdown from "react-markdown";
import { markdownOptions, type MarkdownRenderOptions } from "@/lib/markdown/config";

export function renderMarkdownToHtml(source: string, options: MarkdownRenderOptions = {}): string {
  return renderToStaticMarkup(createElement(ReactMarkdown, markdownOptions(options), source));
}
