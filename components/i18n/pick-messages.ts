// Which part of the message catalog travels to the browser (docs/decisions/013-client-messages.md).
// Plain data and functions, no "server-only": the root layout, <ClientMessages> and the test that
// checks every page's client components against what it provides all read them.

/**
 * What every page's client components may use without asking: the header's sign-out button
 * (`nav`), app/error.tsx and the shared form hooks' fallbacks (`errors`), and the messages of
 * the schemas every area shares (`validation`). Keep it small: every page carries it.
 */
export const BASE_NAMESPACES = ["nav", "errors", "validation"] as const;

export type Messages = { [key: string]: string | Messages };

/** The catalog entry at a dotted path ("packs.response"), or undefined. */
export function messageAt(messages: Messages, path: string): string | Messages | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of path.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return node;
}

/** The parts of `messages` at the dotted `namespaces`, nested as they are in the catalog. */
export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  const picked: Messages = {};
  for (const namespace of namespaces) {
    const value = messageAt(messages, namespace);
    if (value === undefined) throw new Error(`No messages at "${namespace}"`);
    const parts = namespace.split(".");
    const last = parts.pop() as string;
    let target = picked;
    for (const part of parts) {
      const next = target[part];
      target = typeof next === "object" ? next : (target[part] = {});
    }
    target[last] = value;
  }
  return picked;
}

/** `outer` with `inner` laid over it, nested objects merged rather than replaced. */
export function mergeMessages(outer: Messages, inner: Messages): Messages {
  const merged: Messages = { ...outer };
  for (const [key, value] of Object.entries(inner)) {
    const current = merged[key];
    merged[key] = typeof value === "object" && typeof current === "object" ? mergeMessages(current, value) : value;
  }
  return merged;
}
