// Expected errors carry a code and a message-catalog key fit for a user; anything else is a bug,
// logged on the server with a request id and answered with a generic message. A record you may
// not see is NOT_FOUND, never "forbidden", so that its existence is not revealed.
//
// The code decides the HTTP status and the fallback message, in one table
// (lib/server/answers.ts); nothing compares message text to decide what happened.
// BUSY is the server's own overload, not the caller's fault: nothing was done, try again soon
// (lib/server/admission.ts).
export const APP_ERROR_CODES = ["NOT_FOUND", "INVALID", "CONFLICT", "RATE_LIMITED", "TOO_LARGE", "INTERNAL", "BUSY"] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  /** The input field the message belongs to ("values.penName"), when it is about one field. */
  readonly field: string | undefined;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    options: { field?: string } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.field = options.field;
  }
}

export const notFound = (what = "errors.notFound") => new AppError("NOT_FOUND", what);
