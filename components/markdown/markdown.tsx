// Renders a reading or a facilitator's letter. Works in Server Components (no client
// JavaScript is needed to read). The safety rules live in lib/markdown/config.ts; this file
// only adds the typography for long reading on a phone and at a desk:
// - `prose` at 17px (1rem here, see app/globals.css) with line-height 1.7, `lg:` 19px;
// - a measure of about 65 characters;
// - block quotes set apart by a rule and a tint, upright (italic is tiring at length);
// - footnotes smaller, after a rule at the end;
// - long URLs and words wrap instead of widening the page (`break-words` in spirit; Tailwind 4
//   spells it `wrap-anywhere`); wide tables scroll in their own box;
// - text is stone-800/900 on the near-white page: well above 4.5:1 contrast.
import ReactMarkdown from "react-markdown";
import { markdownOptions } from "@/lib/markdown/config";

export const MARKDOWN_PROSE_CLASSES = [
  "prose prose-stone max-w-[65ch] text-base leading-[1.7] lg:prose-lg lg:leading-[1.7]",
  // Long URLs and words wrap anywhere in running text; in tables they wrap only where they
  // must, so a column is not squeezed to a letter's width and the table scrolls instead.
  "wrap-anywhere [&_table]:wrap-break-word",
  "prose-p:leading-[1.7] prose-li:leading-[1.7]",
  "prose-headings:text-stone-900 prose-headings:font-semibold",
  "prose-h1:text-[1.75em] prose-h2:text-[1.4em] prose-h3:text-[1.15em] prose-h4:text-[1em]",
  // A text nested under the page's headings (headingLevel) keeps the look of its own levels.
  "[&_.md-h1]:text-[1.4em] [&_.md-h2]:text-[1.15em] [&_.md-h3]:text-[1em] [&_.md-h4]:text-[1em]",
  "[--tw-prose-body:var(--color-stone-800)] [--tw-prose-bullets:var(--color-stone-500)]",
  "prose-a:text-accent prose-a:underline-offset-2 hover:prose-a:text-accent-strong",
  "prose-blockquote:not-italic prose-blockquote:font-normal prose-blockquote:border-l-4",
  "prose-blockquote:border-stone-400 prose-blockquote:bg-stone-100 prose-blockquote:py-1",
  "prose-blockquote:pr-4 prose-blockquote:text-stone-800",
  "[&_blockquote_p]:before:content-none [&_blockquote_p]:after:content-none",
  "prose-table:my-0 [&_.md-table]:my-6 [&_.md-table]:max-w-full",
  "prose-th:bg-stone-100 prose-th:px-3 prose-td:px-3 prose-th:align-bottom",
  "prose-pre:whitespace-pre-wrap",
  "[&_.footnotes]:mt-10 [&_.footnotes]:border-t [&_.footnotes]:border-stone-300",
  "[&_.footnotes]:pt-2 [&_.footnotes]:text-[0.875em] [&_.footnotes_p]:my-1",
  "[&_.md-image]:text-stone-600 [&_.md-image]:italic",
].join(" ");

export function Markdown({
  source,
  className,
  idPrefix,
  headingLevel,
}: {
  source: string;
  className?: string;
  /** The level the text's top headings take, under the page's own (see markdownOptions). */
  headingLevel?: number;
  /** Set when several Markdown texts share a page, so their footnote ids differ. */
  idPrefix?: string;
}) {
  return (
    <div className={className ? `${MARKDOWN_PROSE_CLASSES} ${className}` : MARKDOWN_PROSE_CLASSES}>
      <ReactMarkdown {...markdownOptions({ idPrefix, headingLevel })}>{source}</ReactMarkdown>
    </div>
  );
}
