// Which replies a mail member's pack prints under "Replies to your response" (decision 011).
//
// A reply belongs to exactly one pack of the writer: the first pack published after the reply
// was written. So pack N prints the replies written after the member's previous pack was
// published and no later than pack N's own publication (or now, for a draft being previewed).
// Nothing is written when a PDF is made, so a preview, a reprint or a resend of pack N prints
// the same replies, and a reply written after pack N went out waits for pack N+1.
//
// No authorization here: the print data's callers check the caller's role (print-data.ts).
import "server-only";
import { db } from "@/lib/db";
import type { PrintReplyThread } from "@/lib/packs/print-types";

export async function repliesForPack(pack: { id: string; groupId: string; number: number; publishedAt: Date | null }, memberIds: string[]): Promise<Map<string, PrintReplyThread[]>> {
  const out = new Map<string, PrintReplyThread[]>();
  if (memberIds.length === 0) return out;
  const upper = pack.publishedAt ?? new Date();
  // The member's previous pack: the latest earlier pack of the group they had a delivery of.
  const previous = await db.delivery.findMany({
    where: { memberId: { in: memberIds }, pack: { groupId: pack.groupId, number: { lt: pack.number }, publishedAt: { not: null } } },
    select: { memberId: true, pack: { select: { publishedAt: true } } },
  });
  const lower = new Map<string, Date>();
  for (const d of previous) {
    const at = d.pack.publishedAt!;
    const seen = lower.get(d.memberId);
    if (!seen || at > seen) lower.set(d.memberId, at);
  }
  const replies = await db.reply.findMany({
    where: {
      hiddenAt: null,
      createdAt: { lte: upper },
      response: { memberId: { in: memberIds }, pack: { groupId: pack.groupId, number: { lt: pack.number } } },
    },
    orderBy: [{ createdAt: "asc" }],
    select: {
      body: true,
      createdAt: true,
      member: { select: { penName: true } },
      response: { select: { id: true, memberId: true, body: true, prompt: { select: { text: true } }, pack: { select: { number: true } } } },
    },
  });
  const threads = new Map<string, PrintReplyThread & { memberId: string }>();
  for (const reply of replies) {
    const { response } = reply;
    const from = lower.get(response.memberId);
    if (from && reply.createdAt <= from) continue;
    let thread = threads.get(response.id);
    if (!thread) {
      thread = { memberId: response.memberId, packNumber: response.pack.number, promptText: response.prompt.text, yourText: response.body, replies: [] };
      threads.set(response.id, thread);
    }
    thread.replies.push({ penName: reply.member.penName, body: reply.body });
  }
  for (const { memberId, ...thread } of threads.values()) out.set(memberId, [...(out.get(memberId) ?? []), thread]);
  return out;
}
