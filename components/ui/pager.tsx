import Link from "next/link";

/**
 * Previous / next links of a paged list, with where the reader is. Links (not buttons): a page
 * is a URL to share and to open in a new tab; the nav's label names the list for screen readers.
 */
export function Pager({
  label,
  page,
  pages,
  href,
  text,
}: {
  label: string;
  page: number;
  pages: number;
  href: (page: number) => string;
  text: { previous: string; next: string; pageOf: string };
}) {
  if (pages <= 1 && page <= 1) return null;
  const link = "inline-flex min-h-11 items-center text-accent underline underline-offset-4";
  return (
    <nav aria-label={label} className="mt-4">
      <ul className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <li>
          {page > 1 ? (
            <Link href={href(Math.min(page - 1, pages))} rel="prev" className={link}>
              {text.previous}
            </Link>
          ) : (
            <span aria-disabled="true" className="inline-flex min-h-11 items-center text-stone-500">
              {text.previous}
            </span>
          )}
        </li>
        <li aria-current="page">{text.pageOf}</li>
        <li>
          {page < pages ? (
            <Link href={href(page + 1)} rel="next" className={link}>
              {text.next}
            </Link>
          ) : (
            <span aria-disabled="true" className="inline-flex min-h-11 items-center text-stone-500">
              {text.next}
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
