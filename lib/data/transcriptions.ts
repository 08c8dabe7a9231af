// Transcribing a mailed response: a facilitator types what a mail member wrote, for them.
// The record says so: source TRANSCRIBED, who transcribed it, the postmark or received date.
// It uses the same single row per member × prompt × pack as online answers (see
// responses.ts), so a transcription and a later online answer never make two responses, and
// every submitted text is kept as a version.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";
import { ensureRow, lockRow, markResponded, type Target } from "@/lib/data/responses";
import { assertTranscriberMayShare } from "@/lib/data/discussion";
import { writeAudit } from "@/lib/data/audit";

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
export async function saveTranscriptionDraft(ctx: GroupContext, input: { packNumber: number; memberId: string; promptId: string; body: string }) {
  const target = await resolve(ctx, input.packNumber, input.memberId, input.promptId);
  const savedAt = new Date();
  await db.$transaction(async (tx) => {
    await ensureRow(tx, target, "TRANSCRIBED");
    const row = await lockRow(tx, target);
    const nothingPending = row.status === "SUBMITTED" && row.body === input.body;
    await tx.response.update({ where: { id: row.id }, data: { draftBody: nothingPending ? null : input.body, draftSavedAt: savedAt } });
  });
  return { savedAt };
}

/** Saves the transcription as the member's response. Safe to repeat with one key. */
export async function submitTranscription(
  ctx: GroupContext,
  input: { packNumber: number; memberId: string; promptId: string; body: string; receivedOn: string; submitKey: string; shared?: boolean },
) {
  const target = await resolve(ctx, input.packNumber, input.memberId, input.promptId);
  const receivedOn = new Date(`${input.receivedOn}T00:00:00Z`);
  return db.$transaction(async (tx) => {
    await ensureRow(tx, target, "TRANSCRIBED");
    const row = await lockRow(tx, target);
    // Sharing only as far as the member's recorded consent goes, whatever the form sent.
    await assertTranscriberMayShare(tx, target.memberId, input.shared);
    const shared = input.shared === undefined ? {} : { shared: input.shared };
    if (row.lastSubmitKey === input.submitKey || (row.status === "SUBMITTED" && row.body === input.body)) {
      await tx.response.update({ where: { id: row.id }, data: { draftBody: null, lastSubmitKey: input.submitKey, receivedOn, ...shared } });
      return { responseId: row.id, version: row.version, repeated: true };
    }
    const now = new Date();
    const version = row.version + 1;
    await tx.responseVersion.create({ data: { responseId: row.id, version, body: input.body, createdById: ctx.user.id } });
    await tx.response.update({
      where: { id: row.id },
      data: {
        body: input.body,
        status: "SUBMITTED",
        source: "TRANSCRIBED",
        version,
        submittedAt: row.submittedAt ?? now,
        receivedOn,
        transcribedById: ctx.user.id,
        draftBody: null,
        draftSavedAt: now,
        lastSubmitKey: input.submitKey,
        ...shared,
      },
    });
    if (version === 1) await markResponded(tx, target, ctx.user.id, now);
    return { responseId: row.id, version, repeated: false };
  });
}
