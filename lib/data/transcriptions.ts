// Transcribing a mailed response: a facilitator types what a mail member wrote, for them.
// The record says so: source TRANSCRIBED, who transcribed it, the postmark or received date.
// It uses the same single row per member × prompt × pack as online answers (see
// responses.ts), so a transcription and a later online answer never make two responses, and
// the same submit: response_submit (prisma/sql/functions/response_submit.sql) decides when a text
// is a new version, for a letter as for an online answer.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";
import { ensureRow, keepDraft, lockRow, type DraftSaved, type Target } from "@/lib/data/responses";
import { assertTranscriberMayShare } from "@/lib/data/discussion";
import { writeAudit } from "@/lib/data/audit";
import { notifyAnswersArrived } from "@/lib/data/notifications";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

async function resolve(ctx: GroupContext, packNumber: number, memberId: string, promptId: string): Promise<Target> {
  if (!canInGroup(ctx.roles, "response.transcribe")) throw notFound();
  const pack = await db.pack.findFirst({
    where: {
      groupId: ctx.group.id,
      number: packNumber,
      status: "PUBLISHED",
      lessons: { some: { lesson: { prompts: { some: { id: promptId } } } } },
      group: { members: { some: { id: memberId } } },
    },
    select: { id: true },
  });
  if (!pack) throw notFound();
  return { packId: pack.id, memberId, promptId };
}

/** Everything the transcription form shows (staff only; includes the member's legal name). */
export async function getTranscription(ctx: GroupContext, packNumber: number, memberId: string, promptId: string) {
  const target = await resolve(ctx, packNumber, memberId, promptId);
  const [pack, member, prompt, response, code] = await Promise.all([
    db.pack.findUniqueOrThrow({ where: { id: target.packId }, select: { id: true, number: true, title: true } }),
    db.member.findUniqueOrThrow({
      where: { id: memberId },
      select: { id: true, penName: true, channel: true, sharingPreference: true, sharingConsentAt: true, personId: true, person: { select: { legalName: true, idNumber: true, facility: { select: { name: true } } } } },
    }),
    db.prompt.findUniqueOrThrow({ where: { id: promptId }, select: { id: true, text: true } }),
    db.response.findUnique({
      where: { packId_memberId_promptId: target },
      select: { id: true, status: true, source: true, body: true, draftBody: true, draftSavedAt: true, receivedOn: true, version: true, submittedAt: true, transcribedById: true, shared: true },
    }),
    db.responseCode.findUnique({ where: { packId_memberId_promptId: target }, select: { code: true } }),
  ]);
  const transcriber = response?.transcribedById ? await db.user.findUnique({ where: { id: response.transcribedById }, select: { name: true } }) : null;
  return { pack, member, prompt, response, code: code?.code ?? null, transcriberName: transcriber?.name ?? null };
}

/** The transcription form as the page shows it: the member's legal name and ID are on it, so the look is recorded. */
export async function viewTranscription(ctx: GroupContext, packNumber: number, memberId: string, promptId: string) {
  const data = await getTranscription(ctx, packNumber, memberId, promptId);
  await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "transcription.view", entityType: "Member", entityId: memberId, groupId: ctx.group.id, personId: data.member.personId });
  return data;
}

/** The response row a scan is attached to, made (empty) if nothing was typed yet. */
export async function transcriptionResponseId(ctx: GroupContext, input: { packNumber: number; memberId: string; promptId: string }): Promise<string> {
  const target = await resolve(ctx, input.packNumber, input.memberId, input.promptId);
  return db.$transaction(async (tx) => {
    await ensureRow(tx, target, "TRANSCRIBED");
    return (await lockRow(tx, target)).id;
  });
}

/** Keeps the text being typed, so a crash or a closed tab loses nothing. */
export async function saveTranscriptionDraft(ctx: GroupContext, input: { packNumber: number; memberId: string; promptId: string; body: string }): Promise<DraftSaved> {
  const target = await resolve(ctx, input.packNumber, input.memberId, input.promptId);
  return keepDraft(target, input.body, "TRANSCRIBED");
}

/**
 * Saves the transcription as the member's response. Safe to repeat with one key. The same
 * statement as an online submit (response_submit), given the received date, the transcriber (as
 * the actor) and the sharing choice, which is first checked against the member's consent.
 */
export async function submitTranscription(
  ctx: GroupContext,
  input: { packNumber: number; memberId: string; promptId: string; body: string; receivedOn: string; submitKey: string; shared?: boolean },
): Promise<{ responseId: string; version: number; repeated: boolean }> {
  const target = await resolve(ctx, input.packNumber, input.memberId, input.promptId);
  const rows = await db.$transaction(async (tx) => {
    // Sharing only as far as the member's recorded consent goes, whatever the form sent.
    await assertTranscriberMayShare(tx, target.memberId, input.shared);
    const submitted = await tx.$queryRaw<{ responseId: string; version: number; repeated: boolean }[]>`
      SELECT out_response_id AS "responseId", out_version AS "version", out_repeated AS "repeated"
        FROM response_submit(${ctx.group.id}, ${target.memberId}, ${input.packNumber}::int, ${target.promptId},
                             ${input.body}, ${input.submitKey}, ${ctx.user.id},
                             ${input.receivedOn}::date, ${input.shared ?? null}::boolean)`;
    const first = submitted[0];
    if (first && !first.repeated && first.version === 1) await notifyAnswersArrived(tx, { groupId: ctx.group.id, packNumber: input.packNumber, actorId: ctx.user.id });
    return submitted;
  });
  // resolve() found the pack; it can only have gone since (unpublished or deleted).
  const row = rows[0];
  if (!row) throw notFound();
  return row;
}
