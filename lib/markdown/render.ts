// Markdown → an HTML string, through exactly the configuration the <Markdown> component uses
// (lib/markdown/config.ts), for tests and for the pack PDF renderer. Without the typography
// wrapper: the caller styles the fragment.
//
// Uses react-dom/server, which Next.js does not allow in Server Components: import this from
// jobs, route handlers and tests, and use <Markdown> in pages.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ReactMarkdown from "react-markdown";
import { markdownOptions, type MarkdownRenderOptions } from "@/lib/markdown/config";

export function renderMarkdownToHtml(source: string, options: MarkdownRenderOptions = {}): string {
  return renderToStaticMarkup(createElement(ReactMarkdown, markdownOptions(options), source));
}
