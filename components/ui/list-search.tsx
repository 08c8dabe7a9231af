// The search box above a paged list (the dashboard's groups, the People page's staff): a plain
// GET form, so a search is a shareable address and works before any script has loaded.
// Decision 041.
export function ListSearch({
  action,
  organizationId,
  q,
  clearHref,
  labels,
}: {
  action: string;
  /** Kept in the address when the person organizes more than one organization. */
  organizationId?: string;
  q: string | undefined;
  clearHref: string;
  labels: { search: string; button: string; clear: string };
}) {
  return (
    <form method="get" action={action} role="search" className="mt-3 flex flex-wrap items-end gap-2">
      {organizationId && <input type="hidden" name="org" value={organizationId} />}
      <label className="block min-w-0 text-sm">
        <span className="font-medium">{labels.search}</span>
        <input type="search" name="q" defaultValue={q ?? ""} maxLength={100} className="mt-1 block min-h-11 w-72 max-w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base" />
      </label>
      <button type="submit" className="inline-flex min-h-11 items-center rounded-md border border-stone-400 bg-white px-4 font-medium hover:bg-stone-100">
        {labels.button}
      </button>
      {q && (
        <a href={clearHref} className="inline-flex min-h-11 items-center text-accent underline underline-offset-4">
          {labels.clear}
        </a>
      )}
    </form>
  );
}
