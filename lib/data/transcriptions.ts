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
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ResponseSource } from "@/lib/generated/prisma/enums";

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

/**
 * One answer a facilitator entered for a member — from a letter or an e-message reply — through
 * response_submit (the one rule for versions; the first answer of a pack marks its delivery
 * RESPONDED), inside the caller's transaction. response_submit records a letter (TRANSCRIBED);
 * another `source` is set on the version it made. No row: the pack is not a published pack of
 * the group with that prompt (the caller answers NOT_FOUND).
 */
export async function submitEnteredAnswer(
  tx: Prisma.TransactionClient,
  ctx: GroupContext,
  input: { memberId: string; packNumber: number; promptId: string; body: string; submitKey: string; receivedOn: string; source: Exclude<ResponseSource, "ONLINE"> },
): Promise<{ responseId: string; version: number; repeated: boolean } | null> {
  const rows = await tx.$queryRaw<{ responseId: string; version: number; repeated: boolean }[]>`
    SELECT out_response_id AS "responseId", out_version AS "version", out_repeated AS "repeated"
      FROM response_submit(${ctx.group.id}, ${input.memberId}, ${input.packNumber}::int, ${input.promptId},
                           ${input.body}, ${input.submitKey}, ${ctx.user.id},
                           ${input.receivedOn}::date, NULL::boolean)`;
  const row = rows[0];
  if (!row) return null;
  if (!row.repeated && input.source !== "TRANSCRIBED") {
    await tx.$executeRaw`UPDATE "Response" SET "source" = ${input.source}::"ResponseSource" WHERE "id" = ${row.responseId} AND "source" <> ${input.source}::"ResponseSource"`;
  }
  return row;
}

// ───────────── The transcription desk: one letter at a time (docs/decisions/032) ─────────────
// A letter is what one member mailed back for one pack: an answer to each question, one received
// date, one scan. The desk files all of it in one save, and counts letters per person per day.

/** A question of the pack as the desk shows it: its number in the pack (as printed on its sheet). */
export type LetterQuestion = { promptId: string; number: number; text: string; code: string | null };

export type LetterAnswer = {
  id: string;
  status: "DRAFT" | "SUBMITTED";
  body: string;
  draftBody: string | null;
  draftSavedAt: Date | null;
  version: number;
  receivedOn: Date | null;
  shared: boolean | null;
  submittedAt: Date | null;
};

export type LetterMove = { responseId: string; from: number; to: number; by: string | null; at: Date };

/** The first words of a question, for headings ("What changed when…"). */
export function firstWords(text: string, words = 6): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  if (all.length <= words) return all.join(" ");
  return `${all.slice(0, words).join(" ").replace(/[,;:.!?]+$/, "")}…`;
}

/** The published pack of the group, with its questions in printed order, and the member in it. */
async function resolveLetter(ctx: GroupContext, packNumber: number, memberId: string) {
  if (!canInGroup(ctx.roles, "response.transcribe")) throw notFound();
  const pack = await db.pack.findFirst({
    where: { groupId: ctx.group.id, number: packNumber, status: "PUBLISHED", group: { members: { some: { id: memberId } } } },
    select: {
      id: true,
      number: true,
      title: true,
      lessons: { orderBy: { position: "asc" }, select: { lesson: { select: { prompts: { orderBy: { position: "asc" }, select: { id: true, text: true } } } } } },
    },
  });
  if (!pack) throw notFound();
  const prompts = pack.lessons.flatMap((l) => l.lesson.prompts);
  const numberOf = new Map(prompts.map((p, index) => [p.id, index + 1]));
  return { pack, prompts, numberOf };
}

/** Everything the desk shows for one letter (staff only; includes the member's legal name). */
export async function getLetter(ctx: GroupContext, packNumber: number, memberId: string) {
  const { pack, prompts, numberOf } = await resolveLetter(ctx, packNumber, memberId);
  const [organization, member, responses, codes] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: ctx.group.organizationId }, select: { timeZone: true } }),
    db.member.findUniqueOrThrow({
      where: { id: memberId },
      select: { id: true, penName: true, channel: true, sharingPreference: true, sharingConsentAt: true, personId: true, person: { select: { legalName: true, idNumber: true, facility: { select: { name: true } } } } },
    }),
    db.response.findMany({
      where: { packId: pack.id, memberId },
      select: {
        id: true, promptId: true, status: true, body: true, draftBody: true, draftSavedAt: true, version: true, receivedOn: true, shared: true, submittedAt: true,
        versions: { orderBy: { version: "asc" }, select: { version: true, body: true, createdAt: true, createdById: true } },
        scans: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { file: { select: { id: true, filename: true, byteSize: true } } } },
      },
    }),
    db.responseCode.findMany({ where: { packId: pack.id, memberId }, select: { promptId: true, code: true } }),
  ]);
  const responseIds = responses.map((r) => r.id);
  const moveRows = responseIds.length
    ? await db.auditLog.findMany({
        where: { organizationId: ctx.group.organizationId, action: "response.move", entityType: "Response", entityId: { in: responseIds } },
        orderBy: { createdAt: "asc" },
        select: { entityId: true, details: true, createdAt: true, actor: { select: { name: true } } },
      })
    : [];
  const moves: LetterMove[] = moveRows.map((row) => {
    const details = (row.details ?? {}) as { from?: number; to?: number };
    return { responseId: row.entityId!, from: details.from ?? 0, to: details.to ?? 0, by: row.actor?.name ?? null, at: row.createdAt };
  });
  const authorIds = [...new Set(responses.flatMap((r) => r.versions.map((v) => v.createdById)).filter((id): id is string => id !== null))];
  const authors = new Map((await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  // The scan of a letter is attached to each of its answers: shown once.
  const scans = new Map<string, { id: string; filename: string; byteSize: number }>();
  for (const r of responses) for (const s of r.scans) scans.set(s.file.id, s.file);
  const codeOf = new Map(codes.map((c) => [c.promptId, c.code]));
  const questions: LetterQuestion[] = prompts.map((p) => ({ promptId: p.id, number: numberOf.get(p.id)!, text: p.text, code: codeOf.get(p.id) ?? null }));
  const answers = new Map(
    responses.map((r) => [
      r.promptId,
      {
        answer: { id: r.id, status: r.status, body: r.body, draftBody: r.draftBody, draftSavedAt: r.draftSavedAt, version: r.version, receivedOn: r.receivedOn, shared: r.shared, submittedAt: r.submittedAt } satisfies LetterAnswer,
        versions: r.versions.map((v) => ({ version: v.version, body: v.body, at: v.createdAt, by: v.createdById ? (authors.get(v.createdById) ?? null) : null })),
        moves: moves.filter((m) => m.responseId === r.id),
      },
    ]),
  );
  return { pack: { id: pack.id, number: pack.number, title: pack.title }, timeZone: organization.timeZone, member, questions, answers, scans: [...scans.values()] };
}

/** The desk as the page shows it: the member's legal name and ID are on it, so the look is recorded. */
export async function viewLetter(ctx: GroupContext, packNumber: number, memberId: string) {
  const data = await getLetter(ctx, packNumber, memberId);
  await writeAudit(db, { organizationId: ctx.group.organizationId, actorId: ctx.user.id, action: "transcription.view", entityType: "Member", entityId: memberId, groupId: ctx.group.id, personId: data.member.personId });
  return data;
}

/** One answer box of a letter: empty text means "not in this letter" and is not filed. */
export type LetterAnswerInput = { promptId: string; body: string; shared: boolean | null };

export type FiledLetter = { filed: { promptId: string; responseId: string; version: number; repeated: boolean }[]; lettersToday: number };

/**
 * Files a letter: every non-empty answer through response_submit (a changed text is a new
 * version, history kept), the one received date on each, and each answer's sharing choice as
 * ticked on its sheet (null = not ticked). One transaction: if any answer cannot be filed, none is.
 * `submitKey` is the form's key for this save; each answer's key is derived from it, so a
 * repeated save (double click, retry) makes no second version.
 */
export async function fileLetter(
  ctx: GroupContext,
  input: { packNumber: number; memberId: string; receivedOn: string; submitKey: string; answers: LetterAnswerInput[] },
  options: { now?: Date } = {},
): Promise<FiledLetter> {
  const { pack, numberOf } = await resolveLetter(ctx, input.packNumber, input.memberId);
  const answers = input.answers.filter((a) => a.body.trim().length > 0);
  if (answers.length === 0) throw new AppError("INVALID", "mail.desk.errors.empty");
  if (new Set(answers.map((a) => a.promptId)).size !== answers.length) throw new AppError("INVALID", "errors.invalid");
  const member = await db.member.findUniqueOrThrow({ where: { id: input.memberId }, select: { personId: true } });
  const filed = await db.$transaction(async (tx) => {
    const out: FiledLetter["filed"] = [];
    let first = false;
    for (const answer of answers) {
      // A question of another pack: the whole letter is refused, nothing filed.
      if (!numberOf.has(answer.promptId)) throw notFound();
      const rows = await tx.$queryRaw<{ responseId: string; version: number; repeated: boolean }[]>`
        SELECT out_response_id AS "responseId", out_version AS "version", out_repeated AS "repeated"
          FROM response_submit(${ctx.group.id}, ${input.memberId}, ${input.packNumber}::int, ${answer.promptId},
                               ${answer.body}, ${`${input.submitKey}:${answer.promptId}`}, ${ctx.user.id},
                               ${input.receivedOn}::date, NULL::boolean)`;
      const row = rows[0];
      if (!row) throw notFound();
      // The sheet's tick is what the member wrote, so it is stored as it is, "not ticked" included
      // (response_submit can only set a choice, not clear one). Whether the group then sees the
      // answer is still lib/discussion/consent.ts's rule: a transcribed answer is shared only under
      // the member's recorded consent.
      await tx.response.update({ where: { id: row.responseId }, data: { shared: answer.shared } });
      if (!row.repeated && row.version === 1) first = true;
      out.push({ promptId: answer.promptId, ...row });
    }
    await writeAudit(tx, {
      organizationId: ctx.group.organizationId,
      actorId: ctx.user.id,
      action: "transcription.letter",
      entityType: "Member",
      entityId: input.memberId,
      groupId: ctx.group.id,
      personId: member.personId,
      details: {
        packId: pack.id,
        packNumber: input.packNumber,
        receivedOn: input.receivedOn,
        answers: out.map((o) => ({ question: numberOf.get(o.promptId)!, responseId: o.responseId, version: o.version, repeated: o.repeated, shared: answers.find((a) => a.promptId === o.promptId)!.shared })),
      },
    });
    if (first) await notifyAnswersArrived(tx, { groupId: ctx.group.id, packNumber: input.packNumber, actorId: ctx.user.id });
    return out;
  });
  return { filed, lettersToday: await lettersTranscribedToday(ctx, options.now) };
}

/**
 * Letters (member × pack) the caller filed an answer of today, "today" in the organization's time
 * zone: a version they typed for the member (response_submit writes one only when the text
 * changed), counted once per letter however many answers or saves it took.
 */
export async function lettersTranscribedToday(ctx: GroupContext, now: Date = new Date()): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    WITH org AS (SELECT "timeZone" AS tz FROM "Organization" WHERE "id" = ${ctx.group.organizationId}),
         since AS (SELECT (date_trunc('day', ${now}::timestamptz AT TIME ZONE org.tz) AT TIME ZONE org.tz) AT TIME ZONE 'UTC' AS at FROM org)
    SELECT count(DISTINCT (r."packId", r."memberId"))::int AS "count"
      FROM "ResponseVersion" v
      JOIN "Response" r ON r."id" = v."responseId"
      JOIN "Pack" p ON p."id" = r."packId"
      JOIN "Group" g ON g."id" = p."groupId"
     WHERE v."createdById" = ${ctx.user.id} AND r."source" = 'TRANSCRIBED'
       AND g."organizationId" = ${ctx.group.organizationId}
       AND v."createdAt" >= (SELECT at FROM since)`;
  return rows[0]?.count ?? 0;
}

/**
 * Moves an answer filed under the wrong question to another question of the same pack. The
 * response keeps its id, so its versions, scans, feedback, replies and featuring go with it; the
 * move itself is an audit entry ("response.move", from and to question numbers, by whom), which
 * the desk shows as the answer's history. Refused (CONFLICT) when the member already has an answer
 * to the target question: nothing is merged or overwritten silently. An empty row there (made
 * when the letter's scan was attached before anything was typed) is not an answer: it gives way.
 */
export async function moveAnswer(ctx: GroupContext, input: { packNumber: number; memberId: string; fromPromptId: string; toPromptId: string }): Promise<{ responseId: string; from: number; to: number }> {
  const { pack, numberOf } = await resolveLetter(ctx, input.packNumber, input.memberId);
  const from = numberOf.get(input.fromPromptId);
  const to = numberOf.get(input.toPromptId);
  if (from === undefined || to === undefined) throw notFound();
  if (from === to) throw new AppError("INVALID", "mail.desk.errors.sameQuestion", { field: "toPromptId" });
  const member = await db.member.findUniqueOrThrow({ where: { id: input.memberId }, select: { personId: true } });
  return db.$transaction(async (tx) => {
    // Both rows locked in one order (by prompt id), so two moves between the same questions queue.
    const rows = await tx.$queryRaw<{ id: string; promptId: string; status: string; draftBody: string | null; version: number }[]>`
      SELECT "id", "promptId", "status"::text AS "status", "draftBody", "version" FROM "Response"
       WHERE "packId" = ${pack.id} AND "memberId" = ${input.memberId} AND "promptId" IN (${input.fromPromptId}, ${input.toPromptId})
       ORDER BY "promptId" FOR UPDATE`;
    const source = rows.find((r) => r.promptId === input.fromPromptId);
    const target = rows.find((r) => r.promptId === input.toPromptId);
    if (!source || source.status !== "SUBMITTED") throw new AppError("INVALID", "mail.desk.errors.nothingToMove");
    if (target) {
      const empty = target.status === "DRAFT" && target.version === 0 && !(target.draftBody ?? "").trim();
      if (!empty) throw new AppError("CONFLICT", "mail.desk.errors.targetTaken", { field: "toPromptId" });
      // Its scans are the same letter's; the moved answer keeps (or gains) them.
      await tx.$executeRaw`
        INSERT INTO "ResponseScan" ("id", "responseId", "fileId", "createdAt")
        SELECT gen_random_uuid()::text, ${source.id}, s."fileId", s."createdAt" FROM "ResponseScan" s WHERE s."responseId" = ${target.id}
        ON CONFLICT ("responseId", "fileId") DO NOTHING`;
      await tx.response.delete({ where: { id: target.id } });
    }
    await tx.response.update({ where: { id: source.id }, data: { promptId: input.toPromptId } });
    await writeAudit(tx, {
      organizationId: ctx.group.organizationId,
      actorId: ctx.user.id,
      action: "response.move",
      entityType: "Response",
      entityId: source.id,
      groupId: ctx.group.id,
      personId: member.personId,
      details: { packId: pack.id, from, to, fromPromptId: input.fromPromptId, toPromptId: input.toPromptId },
    });
    return { responseId: source.id, from, to };
  });
}

/** The response rows of every question of a letter, made (empty) where nothing was typed yet: a letter's scan is attached to each. */
export async function letterResponseIds(ctx: GroupContext, input: { packNumber: number; memberId: string }): Promise<string[]> {
  const { pack, prompts } = await resolveLetter(ctx, input.packNumber, input.memberId);
  return db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const p of prompts) {
      const target = { packId: pack.id, memberId: input.memberId, promptId: p.id };
      await ensureRow(tx, target, "TRANSCRIBED");
      ids.push((await lockRow(tx, target)).id);
    }
    return ids;
  });
}
