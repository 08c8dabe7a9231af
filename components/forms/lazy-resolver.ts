// A react-hook-form resolver whose code — zod and the form's schema, about 30 kB gzip — loads
// when the form is first used rather than with the page (docs/decisions/042-light-member-pages.md).
// For forms on pages that are mostly read, where most visits never submit: the check is the same
// schema the server action parses, only fetched later. `preload` starts fetching it early (the
// form calls it when a field gets focus), so a submit seldom waits for it.
//
// If the code cannot be fetched (offline), the values go on unchecked: the server action checks
// them anyway, and the form shows its failure to answer as it always did.
import type { FieldValues, Resolver } from "react-hook-form";

export function lazyResolver<T extends FieldValues, C = unknown, R = T>(load: () => Promise<Resolver<T, C, R>>) {
  let loading: Promise<Resolver<T, C, R>> | null = null;
  const get = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null; // try again next time
      throw error;
    }));
  const resolver: Resolver<T, C, R> = async (values, context, options) => {
    let check: Resolver<T, C, R>;
    try {
      check = await get();
    } catch {
      return { values: values as unknown as R, errors: {} };
    }
    return check(values, context, options);
  };
  return { resolver, preload: () => void get().catch(() => undefined) };
}
