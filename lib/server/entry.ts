// The mark that the entry layer puts on every server action and route handler it makes, so a
// test can tell, from the modules alone, that no export bypasses it. A symbol from Symbol.for,
// so the mark survives being read from another copy of this module (Next's bundles).
export type EntryKind = "group" | "course" | "organization" | "user" | "public";

const ENTRY = Symbol.for("studypack.entry");

export function markEntry<F extends (...args: never[]) => unknown>(fn: F, kind: EntryKind): F {
  Object.defineProperty(fn, ENTRY, { value: kind, enumerable: false });
  return fn;
}

/** How the layer made `fn`, or null when it did not. */
export function entryKindOf(fn: unknown): EntryKind | null {
  if (typeof fn !== "function") return null;
  return ((fn as unknown as Record<symbol, EntryKind | undefined>)[ENTRY] ?? null) as EntryKind | null;
}
