// Responses of online members: drafts that save while typing, submits that happen once, edits
// that keep every earlier text.
//
// One row per member × prompt × pack (a unique constraint). A new row (a first draft, a first
// submit) is inserted whole with INSERT … ON CONFLICT DO NOTHING; a row that is there already is
// locked with SELECT … FOR UPDATE and updated (docs/decisions/050-cheaper-submits.md), so any number of
// simultaneous submits (a double click, a retry after a network error, a second tab) queue on
// the same row: one makes the version, the others see it. A submit carries a key made by the
// browser; a repeat of the same key returns the first result without a new version.
// A submit, online or transcribed (lib/data/transcriptions.ts), does those steps inside
// PostgreSQL in one statement: prisma/sql/functions/response_submit.sql holds the rule for when an
// answer makes a new version, for both. Drafts, of both, do them from here (keepDraft).
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";
import { isShared } from "@/lib/discussion/consent";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ResponseSource } from "@/lib/generated/prisma/enums";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

export type Target = { packId: string; memberId: string; promptId: string };

/** The caller's own enrolment, a published pack of the group, and a prompt of that pack. */
async function resolveTarget(ctx: GroupContext, packNumber: number, promptId: string): Promise<Target> {
  if (!ctx.member || !canInGroup(ctx.roles, "response.writeOwn")) throw notFound();
  const pack = await db.pack.findFirst({
    where: { groupId: ctx.group.id, number: packNumber, status: "PUBLISHED", lessons: { some: { lesson: { prompts: { some: { id: promptId } } } } } },
    select: { id: true },
  });
  if (!pack) throw notFound();
  return { packId: pack.id, memberId: ctx.member.id, promptId };
}

/** Creates the row if it is missing; `source` only applies to a new row. */
export async function ensureRow(tx: Prisma.TransactionClient, t: Target, source: ResponseSource = "ONLINE"): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Response" ("id", "packId", "memberId", "promptId", "source", "updatedAt")
    VALUES (${randomUUID()}, ${t.packId}, ${t.memberId}, ${t.promptId}, ${source}::"ResponseSource", now())
    ON CONFLICT ("packId", "memberId", "promptId") DO NOTHING`;
}

type LockedRow = { id: string; status: "DRAFT" | "SUBMITTED"; body: string; version: number; lastSubmitKey: string | null; submittedAt: Date | null };

export async function lockRow(tx: Prisma.TransactionClient, t: Target): Promise<LockedRow> {
  const rows = await tx.$queryRaw<LockedRow[]>`
    SELECT "id", "status"::text AS "status", "body", "version", "lastSubmitKey", "submittedAt"
      FROM "Response"
     WHERE "packId" = ${t.packId} AND "memberId" = ${t.memberId} AND "promptId" = ${t.promptId}
       FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new Error("response row vanished inside its transaction");
  return row;
}

export type DraftSaved = { savedAt: Date };

/** Keeps the text being written. Saving the submitted text again leaves nothing pending. */
export async function saveDraft(ctx: GroupContext, input: { packNumber: number; promptId: string; body: string }): Promise<DraftSaved> {
  const target = await resolveTarget(ctx, input.packNumber, input.promptId);
  return keepDraft(target, input.body, "ONLINE");
}

/**
 * The draft of an answer, online or being transcribed (`source` only applies to a new row):
 * saving the submitted text again leaves nothing pending. The caller has resolved the target.
 */
export async function keepDraft(target: Target, body: string, source: ResponseSource): Promise<DraftSaved> {
  const savedAt = new Date();
  // A first draft is inserted whole, in one statement: one row version, not an empty row and then
  // an update of it (docs/decisions/050-cheaper-submits.md). Times are UTC, as Prisma stores DateTime.
  const at = savedAt.toISOString();
  const made = await db.$executeRaw`
    INSERT INTO "Response" ("id", "packId", "memberId", "promptId", "source", "draftBody", "draftSavedAt", "updatedAt")
    VALUES (${randomUUID()}, ${target.packId}, ${target.memberId}, ${target.promptId}, ${source}::"ResponseSource", ${body},
            ${at}::timestamptz AT TIME ZONE 'UTC', ${at}::timestamptz AT TIME ZONE 'UTC')
    ON CONFLICT ("packId", "memberId", "promptId") DO NOTHING`;
  if (made === 1) return { savedAt };
  await db.$transaction(async (tx) => {
    const row = await lockRow(tx, target);
    const nothingPending = row.status === "SUBMITTED" && row.body === body;
    await tx.response.update({ where: { id: row.id }, data: { draftBody: nothingPending ? null : body, draftSavedAt: savedAt } });
  });
  return { savedAt };
}

export type Submitted = { version: number; submittedAt: Date; repeated: boolean };

/**
 * Submits (or re-submits after an edit). Safe to call any number of times with one key.
 * One statement: the PL/pgSQL function `response_submit` (prisma/sql/functions/response_submit.sql,
 * docs/decisions/014-submit-path.md) resolves the pack within the caller's group, creates and locks
 * the row, keeps the version and marks the delivery responded, all in one round trip.
 */
export async function submitResponse(
  ctx: GroupContext,
  input: { packNumber: number; promptId: string; body: string; submitKey: string },
): Promise<Submitted> {
  if (!ctx.member || !canInGroup(ctx.roles, "response.writeOwn")) throw notFound();
  // A first answer also tells the group's facilitators (notify_answers_arrived, decision 026), in
  // the same statement: CASE calls it only then, after response_submit's row is made.
  const rows = await db.$queryRaw<{ version: number; submittedAt: Date; repeated: boolean; told: number | null }[]>`
    SELECT out_version AS "version", out_submitted_at AS "submittedAt", out_repeated AS "repeated",
           CASE WHEN NOT out_repeated AND out_version = 1
                THEN notify_answers_arrived(${ctx.group.id}, ${input.packNumber}::int, ${ctx.user.id}) END AS "told"
      FROM response_submit(${ctx.group.id}, ${ctx.member.id}, ${input.packNumber}::int, ${input.promptId},
                           ${input.body}, ${input.submitKey}, ${ctx.user.id})`;
  const row = rows[0];
  if (!row) throw notFound();
  return { version: row.version, submittedAt: row.submittedAt, repeated: row.repeated };
}

export type MyResponse = {
  id: string;
  promptId: string;
  status: "DRAFT" | "SUBMITTED";
  body: string;
  draftBody: string | null;
  draftSavedAt: Date | null;
  submittedAt: Date | null;
  version: number;
  /** Whether the group may read it (the writer's choice, or their preference). */
  shared: boolean;
  hidden: { reason: string } | null;
  feedback: { id: string; body: string; createdAt: Date; authorName: string }[];
};

/** The caller's responses to one pack, with the feedback on them (one query). */
export async function listMyResponses(ctx: GroupContext, packId: string): Promise<MyResponse[]> {
  if (!ctx.member) return [];
  const rows = await db.response.findMany({
    where: { packId, memberId: ctx.member.id, pack: { groupId: ctx.group.id } },
    select: {
      id: true,
      promptId: true,
      status: true,
      source: true,
      body: true,
      draftBody: true,
      draftSavedAt: true,
      submittedAt: true,
      version: true,
      shared: true,
      hiddenAt: true,
      hiddenReason: true,
      member: { select: { sharingPreference: true, sharingConsentAt: true } },
      feedback: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
    },
  });
  return rows.map(({ feedback, member, source, shared, hiddenAt, hiddenReason, ...r }) => ({
    ...r,
    shared: isShared({ status: r.status, source, shared, hiddenAt }, member),
    hidden: hiddenAt ? { reason: hiddenReason ?? "" } : null,
    feedback: feedback.map(({ author, ...f }) => ({ ...f, authorName: author.name })),
  }));
}
