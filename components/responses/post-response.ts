// Sends a submit to its route (app/api/groups/[groupSlug]/packs/[packNumber]/responses), which
// answers with the same result shape as a server action. Throws only when no answer could be
// read (offline, or a proxy's error page): the editor then says so and keeps the text.
import type { ActionResult } from "@/lib/server/result";

export type SubmitInput = { groupSlug: string; packNumber: number; promptId: string; body: string; submitKey: string };
export type SubmitResult = ActionResult<{ version: number; submittedAt: string }>;

export function responsesPath(groupSlug: string, packNumber: number): string {
  return `/api/groups/${encodeURIComponent(groupSlug)}/packs/${packNumber}/responses`;
}

export async function postResponse({ groupSlug, packNumber, ...fields }: SubmitInput): Promise<SubmitResult> {
  const response = await fetch(responsesPath(groupSlug, packNumber), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(fields),
    credentials: "same-origin",
  });
  const result = (await response.json()) as SubmitResult;
  if (typeof result !== "object" || result === null || typeof result.ok !== "boolean") throw new Error(`unexpected answer (${response.status})`);
  return result;
}
