// One table from an error's code to what the caller is told: the HTTP status and the message
// when the error brought none. Every action and route answers failures through here.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { StorageNotFoundError } from "@/lib/storage/keys";
import type { ActionFailure } from "@/lib/server/result";

export const ERROR_ANSWERS: Record<AppErrorCode, { status: number; message: string }> = {
  NOT_FOUND: { status: 404, message: "errors.notFound" },
  INVALID: { status: 400, message: "errors.formHasErrors" },
  CONFLICT: { status: 409, message: "errors.conflict" },
  RATE_LIMITED: { status: 429, message: "errors.rateLimited" },
  TOO_LARGE: { status: 413, message: "errors.tooLarge" },
  INTERNAL: { status: 500, message: "errors.generic" },
  BUSY: { status: 503, message: "errors.busy" },
};

export const statusOf = (code: AppErrorCode) => ERROR_ANSWERS[code].status;

/** Zod's issues as message keys by input path; the first issue of a path wins. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

export function invalidInput(error: z.ZodError): ActionFailure {
  return { ok: false, code: "INVALID", fieldErrors: fieldErrorsOf(error), formError: null };
}

export function failureOf(code: AppErrorCode, message = ERROR_ANSWERS[code].message): ActionFailure {
  return { ok: false, code, fieldErrors: {}, formError: message };
}

/**
 * Any thrown error as a failure. An AppError says what it is; anything else is a bug: logged
 * here with a request id, and answered with the generic message and that id only.
 */
export function failureOfError(error: unknown, where: string): ActionFailure {
  if (error instanceof AppError) {
    if (error.field) return { ok: false, code: error.code, fieldErrors: { [error.field]: error.message }, formError: null };
    return failureOf(error.code, error.message);
  }
  if (error instanceof StorageNotFoundError) {
    // A row names bytes that are gone (restored from a backup without the bucket, a file deleted
    // by hand): the caller is told plainly, the operator finds it in the log.
    console.error(`${where}: a stored file is missing`, error.message);
    return failureOf("NOT_FOUND", "errors.fileMissing");
  }
  const requestId = randomUUID();
  console.error(`[${requestId}] ${where} failed`, error);
  return { ...failureOf("INTERNAL"), requestId };
}
