// Sends a submit to its route (app/api/groups/[groupSlug]/packs/[packNumber]/responses), which
// answers with the same result shape as a server action. Throws only when no answer could be
// read (offline, or a proxy's error page): the editor then says so and keeps the text.
//
// A busy server (lib/server/admission.ts) answers 503 with Retry-After, having done nothing: the
// result is then BUSY with the seconds to wait, and the editor tries again with the same key.
// A proxy's own 503 with Retry-After (an HTML page) means the same.
import type { ActionResult } from "@/lib/server/result";

export type SubmitInput = { groupSlug: string; packNumber: number; promptId: string; body: string; submitKey: string };
export type SubmitResult = ActionResult<{ version: number; submittedAt: string }> & { retryAfterSeconds?: number };

export function responsesPath(groupSlug: string, packNumber: number): string {
  return `/api/groups/${encodeURIComponent(groupSlug)}/packs/${packNumber}/responses`;
}

/** Retry-After in seconds (a number, or an HTTP date), kept within 1–60; 2 when absent or odd. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  const value = header?.trim() ?? "";
  // Delta-seconds, or an HTTP date ("Sun, 06 Dec 2026 10:00:07 GMT"), which always names a day.
  let seconds = /^\d+$/.test(value) ? Number(value) : /[A-Za-z]/.test(value) ? (Date.parse(value) - now) / 1000 : NaN;
  if (!Number.isFinite(seconds)) seconds = 2;
  return Math.min(60, Math.max(1, Math.ceil(seconds)));
}

export async function postResponse({ groupSlug, packNumber, ...fields }: SubmitInput): Promise<SubmitResult> {
  const response = await fetch(responsesPath(groupSlug, packNumber), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(fields),
    credentials: "same-origin",
  });
  if (response.status === 503 && response.headers.has("retry-after")) {
    return { ok: false, code: "BUSY", fieldErrors: {}, formError: "errors.busy", retryAfterSeconds: retryAfterSeconds(response.headers.get("retry-after")) };
  }
  const result = (await response.json()) as SubmitResult;
  if (typeof result !== "object" || result === null || typeof result.ok !== "boolean") throw new Error(`unexpected answer (${response.status})`);
  return result;
}
