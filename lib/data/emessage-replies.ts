// E-message replies filed by their response codes (docs/decisions/046).
//
// The facilitator pastes what an e-message member typed; the page finds the codes and shows a
// preview (lib/emessage/parse-reply.ts); the confirm sends back the assignment the facilitator
// saw. Filing checks it against the member's codes again — a target that is not the code as read
// (a misread, or chosen by hand) must be confirmed — and then, in one transaction:
//   - keeps the reply whole (EmessageReply, whose id is the form's submit key: a double click or a
//     retry finds the row and files nothing more), with the text outside any code as the
//     facilitator's note;
//   - files each answer as a transcribed letter's (submitEnteredAnswer: response_submit, the one
//     rule for versions — an answer already there gets a new version, history kept; the first
//     answer of a pack moves its delivery to RESPONDED with an event; the progress triggers update
//     the rollups), with source EMESSAGE;
//   - writes the audit entry.
// If anything fails, nothing of it is kept.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GroupContext } from "@/lib/authz";
import { canInGroup } from "@/lib/permissions";
import { writeAudit } from "@/lib/data/audit";
import { notifyAnswersArrived } from "@/lib/data/notifications";
import { submitEnteredAnswer } from "@/lib/data/transcriptions";
import { parseReply, type KnownCode } from "@/lib/emessage/parse-reply";
import { normalizeResponseCode } from "@/lib/packs/response-code";
import type { FileEmessageReplyInput } from "@/lib/validations/emessage-reply";

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

/** Past replies shown per page, newest first. */
export const REPLIES_PAGE_SIZE = 20;

/** One of the member's questions, with its code and whether it has an answer already. */
export type ReplyQuestion = KnownCode & { packTitle: string; answered: boolean; version: number };

/** The member, in this group, that a reply may be filed for; another group's member is not found. */
async function resolveMember(ctx: GroupContext, memberId: string) {
  if (!canInGroup(ctx.roles, "response.transcribe")) throw notFound();
  const member = await db.member.findFirst({
    where: { id: memberId, groupId: ctx.group.id },
    select: { id: true, penName: true, channel: true, personId: true, person: { select: { erasedAt: true } } },
  });
  if (!member) throw notFound();
  return { ...member, erased: member.person.erasedAt !== null };
}

/** The member's codes in published packs of this group, in pack and printed question order. */
async function questionsOf(ctx: GroupContext, memberId: string): Promise<ReplyQuestion[]> {
  const [packs, codes, responses] = await Promise.all([
    db.pack.findMany({
      where: { groupId: ctx.group.id, status: "PUBLISHED", responseCodes: { some: { memberId } } },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        title: true,
        lessons: { orderBy: { position: "asc" }, select: { lesson: { select: { prompts: { orderBy: { position: "asc" }, select: { id: true, text: true } } } } } },
      },
    }),
    db.responseCode.findMany({ where: { memberId, pack: { groupId: ctx.group.id, status: "PUBLISHED" } }, select: { code: true, packId: true, promptId: true } }),
    db.response.findMany({ where: { memberId, status: "SUBMITTED", pack: { groupId: ctx.group.id } }, select: { packId: true, promptId: true, version: true } }),
  ]);
  const codeOf = new Map(codes.map((c) => [`${c.packId}:${c.promptId}`, c.code]));
  const versionOf = new Map(responses.map((r) => [`${r.packId}:${r.promptId}`, r.version]));
  const out: ReplyQuestion[] = [];
  for (const pack of packs) {
    pack.lessons
      .flatMap((l) => l.lesson.prompts)
      .forEach((prompt, index) => {
        const code = codeOf.get(`${pack.id}:${prompt.id}`);
        if (!code) return;
        const version = versionOf.get(`${pack.id}:${prompt.id}`) ?? 0;
        out.push({ code, packNumber: pack.number, packTitle: pack.title, promptId: prompt.id, number: index + 1, text: prompt.text, answered: version > 0, version });
      });
  }
  return out;
}

export type PastReply = { id: string; receivedOn: Date; createdAt: Date; enteredBy: string | null; note: string; body: string; removed: boolean };

/** What the reply page shows: the member, their questions with codes, and past replies (a page of them). */
export async function getEmessageReplyDesk(ctx: GroupContext, memberId: string, options: { page?: number } = {}) {
  const member = await resolveMember(ctx, memberId);
  const page = Math.max(1, options.page ?? 1);
  const [questions, total, rows, organization] = await Promise.all([
    member.channel === "EMESSAGE" ? questionsOf(ctx, member.id) : Promise.resolve([]),
    db.emessageReply.count({ where: { memberId: member.id } }),
    db.emessageReply.findMany({
      where: { memberId: member.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * REPLIES_PAGE_SIZE,
      take: REPLIES_PAGE_SIZE,
      select: { id: true, receivedOn: true, createdAt: true, outsideText: true, body: true, enteredById: true, removedAt: true },
    }),
    db.organization.findUniqueOrThrow({ where: { id: ctx.group.organizationId }, select: { timeZone: true } }),
  ]);
  const enteredIds = [...new Set(rows.map((r) => r.enteredById).filter((id): id is string => id !== null))];
  const names = new Map((await db.user.findMany({ where: { id: { in: enteredIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const replies: PastReply[] = rows.map((r) => ({ id: r.id, receivedOn: r.receivedOn, createdAt: r.createdAt, enteredBy: r.enteredById ? (names.get(r.enteredById) ?? null) : null, note: r.outsideText, body: r.body, removed: r.removedAt !== null }));
  return {
    member: { id: member.id, penName: member.penName, channel: member.channel, erased: member.erased },
    questions,
    timeZone: organization.timeZone,
    replies,
    paging: { page, pages: Math.max(1, Math.ceil(total / REPLIES_PAGE_SIZE)), total },
  };
}

export type FiledReply = {
  replyId: string;
  /** The same submit key again: nothing was filed this time. */
  repeated: boolean;
  filed: { packNumber: number; number: number; responseId: string; version: number; repeated: boolean }[];
};

/** Where an answer is refused: its field in the form ("answers.2.confirmed"). */
const answerError = (index: number, field: "target" | "confirmed" | "text", key: string) => new AppError("INVALID", `emessageReply.errors.${key}`, { field: `answers.${index}.${field}` });

/**
 * Files a previewed reply. Every answer with a target must name one of the member's codes, carry
 * text that is in the reply, and, when the target is not the code as read, be confirmed. Answers
 * under the same code (the member wrote it twice) are filed together, in their order.
 */
export async function fileEmessageReply(ctx: GroupContext, input: Omit<FileEmessageReplyInput, "groupSlug">): Promise<FiledReply> {
  const member = await resolveMember(ctx, input.memberId);
  if (member.channel !== "EMESSAGE") throw new AppError("CONFLICT", "emessageReply.errors.notEmessage");
  // An erased person's replies were blanked (lib/retention/emessage-text.ts): nothing new about them is kept.
  if (member.erased) throw new AppError("CONFLICT", "emessageReply.errors.erased");
  const questions = await questionsOf(ctx, member.id);
  const byCode = new Map(questions.map((q) => [q.code, q]));

  const notes: string[] = [];
  const grouped = new Map<string, { question: ReplyQuestion; texts: string[]; misread: boolean }>();
  input.answers.forEach((answer, index) => {
    if (answer.target === null) {
      notes.push(`${answer.codeText} ${answer.text}`.trim());
      return;
    }
    const question = byCode.get(answer.target);
    if (!question) throw answerError(index, "target", "unknownTarget");
    const asRead = normalizeResponseCode(answer.codeRead);
    const misread = asRead !== question.code;
    if (misread && !answer.confirmed) throw answerError(index, "confirmed", "unconfirmed");
    const text = answer.text.trim();
    if (!text) throw answerError(index, "text", "emptyAnswer");
    // What is filed is what was pasted: an answer's text is a piece of the reply as kept.
    if (!input.body.includes(text)) throw answerError(index, "text", "notInReply");
    const group = grouped.get(question.code) ?? { question, texts: [], misread: false };
    group.texts.push(text);
    group.misread ||= misread;
    grouped.set(question.code, group);
  });
  if (grouped.size === 0) throw new AppError("INVALID", "emessageReply.errors.nothingToFile");

  // The text before the first code is the same the preview showed: the parser is the preview's.
  const leading = parseReply(input.body, questions).outsideText;
  const outsideText = [leading, ...notes].filter(Boolean).join("\n\n");

  return db.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "EmessageReply" ("id", "memberId", "receivedOn", "body", "outsideText", "enteredById", "createdAt")
      VALUES (${input.submitKey}, ${member.id}, ${input.receivedOn}::date, ${input.body}, ${outsideText}, ${ctx.user.id}, now() AT TIME ZONE 'UTC')
      ON CONFLICT ("id") DO NOTHING
      RETURNING "id"`;
    if (inserted.length === 0) {
      // Filed already with this key (a double click, a retry): nothing more. A key of another
      // member's reply is nobody's business here.
      const earlier = await tx.emessageReply.findUnique({ where: { id: input.submitKey }, select: { memberId: true } });
      if (earlier?.memberId !== member.id) throw new AppError("CONFLICT", "emessageReply.errors.keyUsed");
      return { replyId: input.submitKey, repeated: true, filed: [] };
    }

    const filed: FiledReply["filed"] = [];
    const firstOfPack = new Set<number>();
    for (const { question, texts } of grouped.values()) {
      const row = await submitEnteredAnswer(tx, ctx, {
        memberId: member.id,
        packNumber: question.packNumber,
        promptId: question.promptId,
        body: texts.join("\n\n"),
        submitKey: `${input.submitKey}:${question.code}`,
        receivedOn: input.receivedOn,
        source: "EMESSAGE",
      });
      // The pack was unpublished since the codes were read: the whole reply waits.
      if (!row) throw notFound();
      if (!row.repeated && row.version === 1) firstOfPack.add(question.packNumber);
      filed.push({ packNumber: question.packNumber, number: question.number, ...row });
    }

    await writeAudit(tx, {
      organizationId: ctx.group.organizationId,
      actorId: ctx.user.id,
      action: "emessage.reply",
      entityType: "Member",
      entityId: member.id,
      groupId: ctx.group.id,
      personId: member.personId,
      details: {
        replyId: input.submitKey,
        receivedOn: input.receivedOn,
        noteChars: outsideText.length,
        answers: [...grouped.values()].map(({ question, texts, misread }, i) => ({
          packNumber: question.packNumber,
          question: question.number,
          responseId: filed[i]!.responseId,
          version: filed[i]!.version,
          repeated: filed[i]!.repeated,
          parts: texts.length,
          misreadConfirmed: misread,
        })),
      },
    });
    for (const packNumber of firstOfPack) await notifyAnswersArrived(tx, { groupId: ctx.group.id, packNumber, actorId: ctx.user.id });
    return { replyId: input.submitKey, repeated: false, filed };
  });
}
