// Expected errors carry a code and a message fit for a user; anything else is a bug, logged on
// the server and shown as a generic message. A record you may not see is NOT_FOUND, never
// FORBIDDEN, so that its existence is not revealed.
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "RATE_LIMITED";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "errors.notFound") => new AppError("NOT_FOUND", what);
