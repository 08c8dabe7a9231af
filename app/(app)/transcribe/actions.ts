"use server";
// Typing a response code: parse it (the check character catches a misread character or two
// swapped ones before any lookup), find what it names, and send the facilitator to the
// transcription form — only if they may transcribe in that group. Anyone else hears "no
// response sheet has this code", the same as for a code that does not exist.
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { loadGroupContext } from "@/lib/authz";
import { lookupResponseCode } from "@/lib/data/response-codes";
import { parseResponseCode } from "@/lib/packs/response-code";
import { canInGroup } from "@/lib/permissions";
import { responseCodeInputSchema } from "@/lib/validations/mail";

export type CodeState = { error: string | null; value: string };

export async function openResponseCodeAction(_previous: CodeState, form: FormData): Promise<CodeState> {
  const parsedInput = responseCodeInputSchema.safeParse({ code: form.get("code") ?? "" });
  const value = parsedInput.success ? parsedInput.data.code : "";
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Ftranscribe");
  const parsed = parseResponseCode(value);
  if (!parsed.ok) return { error: `mail.code.${parsed.problem}`, value };
  const found = await lookupResponseCode(parsed.code);
  const ctx = found ? await loadGroupContext(user, found.groupSlug) : null;
  if (!found || !ctx || !canInGroup(ctx.roles, "response.transcribe")) return { error: "mail.code.unknown", value };
  redirect(`/groups/${found.groupSlug}/packs/${found.packNumber}/transcribe/${found.memberId}/${found.promptId}`);
}
