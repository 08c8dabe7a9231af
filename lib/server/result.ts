// The one result shape of every server action and of the JSON route handlers, from the server
// to the form (components/forms/use-action-form.ts). Plain types, so client code may import them.
import type { AppErrorCode } from "@/lib/errors";

export type ActionFailure = {
  ok: false;
  /** What kind of failure (lib/errors.ts); the HTTP status of a route follows from it. */
  code: AppErrorCode;
  /** Message-catalog keys by input path ("values.penName"). */
  fieldErrors: Record<string, string>;
  /** A message-catalog key for the whole form, or null when the field errors say it all. */
  formError: string | null;
  /** For an unexpected error: the id under which the server logged it, to quote when asking for help. */
  requestId?: string;
};

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;
