// One result shape for every server action, and one place that turns errors into it:
// field errors from zod, a user-fit message from an AppError, and for anything else a
// generic message (the real error is logged on the server, never sent to the browser).
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: Record<string, string>; formError: string | null };

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Parses `input` with `schema`, then runs `work`. `formError` is a message-catalog key
 * (or an AppError's message, which is itself a key) for the form to translate.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  work: (values: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), formError: null };
  try {
    return { ok: true, data: await work(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, fieldErrors: {}, formError: error.message };
    // Next's redirect() and notFound() work by throwing; let them through.
    if (error && typeof error === "object" && "digest" in error) throw error;
    console.error("server action failed", error);
    return { ok: false, fieldErrors: {}, formError: "errors.generic" };
  }
}
