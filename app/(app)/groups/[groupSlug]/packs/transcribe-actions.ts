"use server";
// Server actions of the transcription desk (docs/decisions/032), each made by groupAction
// (lib/server) for "response.transcribe". A letter's scan is uploaded through a route handler
// instead (app/api/groups/[groupSlug]/packs/[packNumber]/scans), which can refuse a file that is
// too large before reading it.
import { revalidatePath } from "next/cache";
import { fileLetter, moveAnswer, saveTranscriptionDraft } from "@/lib/data/transcriptions";
import { groupAction } from "@/lib/server/actions";
import { fileLetterSchema, moveAnswerSchema } from "@/lib/validations/desk";
import { transcriptionDraftSchema } from "@/lib/validations/response";

const refresh = (slug: string, n: number, memberId: string) => {
  revalidatePath(`/groups/${slug}/packs/${n}/mail`);
  revalidatePath(`/groups/${slug}/packs/${n}/responses`);
  revalidatePath(`/groups/${slug}/packs/${n}/transcribe/${memberId}`);
};

export const saveTranscriptionDraftAction = groupAction("response.transcribe", transcriptionDraftSchema, async (ctx, { groupSlug: _slug, ...target }) => {
  const { savedAt } = await saveTranscriptionDraft(ctx, target);
  return { savedAt: savedAt.toISOString() };
});

/** Files a whole letter: every answer typed, the received date, each answer's sharing tick. */
export const fileLetterAction = groupAction("response.transcribe", fileLetterSchema, async (ctx, { groupSlug, ...letter }) => {
  const result = await fileLetter(ctx, letter);
  refresh(groupSlug, letter.packNumber, letter.memberId);
  return { filed: result.filed.filter((f) => !f.repeated).length, lettersToday: result.lettersToday };
});

/** Moves an answer filed under the wrong question to the right one (history kept, audited). */
export const moveAnswerAction = groupAction("response.transcribe", moveAnswerSchema, async (ctx, { groupSlug, ...input }) => {
  const moved = await moveAnswer(ctx, input);
  refresh(groupSlug, input.packNumber, input.memberId);
  return { from: moved.from, to: moved.to };
});
