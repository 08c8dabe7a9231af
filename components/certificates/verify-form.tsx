// The code box of /verify: a plain GET form (no script, no session), which /verify turns into
// /verify/<code>. A server component: it needs no client code at all.
export function VerifyForm({ labels, initial = "" }: { labels: { code: string; submit: string; hint: string }; initial?: string }) {
  return (
    <form method="get" action="/verify" className="space-y-3">
      <div>
        <label htmlFor="code" className="block font-medium">
          {labels.code}
        </label>
        <p id="code-hint" className="text-sm text-muted">
          {labels.hint}
        </p>
        <input
          id="code"
          name="code"
          defaultValue={initial}
          required
          maxLength={64}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby="code-hint"
          className="mt-1 block w-full rounded-md border border-stone-400 bg-white px-3 py-2 font-mono text-lg uppercase tracking-wider"
        />
      </div>
      <button type="submit" className="inline-flex min-h-11 items-center justify-center rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong">
        {labels.submit}
      </button>
    </form>
  );
}
