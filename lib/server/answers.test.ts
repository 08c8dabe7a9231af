// The one table from error codes to answers: every code has a status and a message the
// catalog holds, and an unexpected error reaches the caller only as a generic message and an id.
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { loadMessages } from "@/i18n/request";
import { APP_ERROR_CODES, AppError } from "@/lib/errors";
import { ERROR_ANSWERS, failureOfError } from "@/lib/server/answers";
import { StorageNotFoundError } from "@/lib/storage/keys";

describe("ERROR_ANSWERS", () => {
  it("gives every code a distinct status and a message in the catalog", async () => {
    const t = createTranslator({ locale: "en", messages: await loadMessages("en") });
    for (const code of APP_ERROR_CODES) {
      expect(t.has(ERROR_ANSWERS[code].message as never), code).toBe(true);
    }
    expect(new Set(APP_ERROR_CODES.map((c) => ERROR_ANSWERS[c].status)).size).toBe(APP_ERROR_CODES.length);
    expect(ERROR_ANSWERS.NOT_FOUND.status).toBe(404);
    expect(ERROR_ANSWERS.TOO_LARGE.status).toBe(413);
  });
});

describe("failureOfError", () => {
  it("answers an AppError by its code and message, on its field when it names one", () => {
    expect(failureOfError(new AppError("CONFLICT", "members.errors.penNameTaken"), "test")).toEqual({ ok: false, code: "CONFLICT", fieldErrors: {}, formError: "members.errors.penNameTaken" });
    expect(failureOfError(new AppError("CONFLICT", "members.errors.penNameTaken", { field: "values.penName" }), "test")).toEqual({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { "values.penName": "members.errors.penNameTaken" },
      formError: null,
    });
  });

  it("logs anything else under a request id and tells the caller only that id", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const failure = failureOfError(new Error('duplicate key value violates unique constraint "User_email_key" at /srv/app'), "test");
      expect(failure).toMatchObject({ ok: false, code: "INTERNAL", fieldErrors: {}, formError: "errors.generic" });
      expect(failure.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(failure)).not.toContain("User_email_key");
      expect(log).toHaveBeenCalledWith(expect.stringContaining(failure.requestId!), expect.any(Error));
    } finally {
      log.mockRestore();
    }
  });

  it("answers a row whose stored bytes are gone as not found, naming no key, and logs it", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const failure = failureOfError(new StorageNotFoundError("print-runs/2026/12/abc"), "GET /api/print-runs/x/pdf");
      expect(failure).toEqual({ ok: false, code: "NOT_FOUND", fieldErrors: {}, formError: "errors.fileMissing" });
      expect(log).toHaveBeenCalledWith(expect.stringContaining("missing"), expect.stringContaining("print-runs/2026/12/abc"));
    } finally {
      log.mockRestore();
    }
  });
});
