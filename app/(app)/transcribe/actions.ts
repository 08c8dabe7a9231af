"use server";
// Typing a response code: parse it (the check character catches a misread character or two
// swapped ones before any lookup), find what it names, and send the facilitator to the
// letter's desk, that question first — only if they may transcribe in that group. Anyone else hears "no
// response sheet has this code", the same as for a code that does not exist. The group is only
// known once the code is read, so this is a userAction that asks lib/authz for that group.
import { redirect } from "next/navigation";
import { authorizeGroup } from "@/lib/authz";
import { lookupResponseCode } from "@/lib/data/response-codes";
import { AppError } from "@/lib/errors";
import { parseResponseCode } from "@/lib/packs/response-code";
import { userAction } from "@/lib/server/actions";
import { z } from "zod";
import { letterHref } from "@/lib/desk/href";

// Longer than any code with its dashes and spaces: not a code.
const codeInput = z.object({ code: z.string().max(40, "mail.code.unknown") });

const unknownCode = () => new AppError("NOT_FOUND", "mail.code.unknown", { field: "code" });

export const openResponseCodeAction = userAction(codeInput, async (user, { code }) => {
  const parsed = parseResponseCode(code);
  if (!parsed.ok) throw new AppError("INVALID", `mail.code.${parsed.problem}`, { field: "code" });
  const found = await lookupResponseCode(parsed.code);
  if (!found) throw unknownCode();
  try {
    await authorizeGroup(user, found.groupSlug, "response.transcribe");
  } catch (error) {
    throw error instanceof AppError ? unknownCode() : error;
  }
  redirect(letterHref(found.groupSlug, found.packNumber, found.memberId, found.promptId));
});
