// Erasure reaches e-messages (docs/decisions/045, 048). A pack sent as messages is kept as text,
// the way it went out, and so is every reply pasted from the service: copies of the person as much
// as a print run's PDF is (decision 039). At erasure:
//   - the person's own replies are blanked (the answers filed from them follow the erasure's rules
//     for responses);
//   - a message of the person's groups that was theirs, or that names them (a featured response or
//     a reply under their pen name, their legal name), is blanked if it went out — the row stays
//     as the record that a message was sent — and deleted with its delivery's other messages if
//     none of them went out yet: they are made again, under the neutral pen name, when the
//     facilitator prepares them.
// A name is matched as text, case-insensitively; a short pen name may match more than it should,
// which removes more text, never less.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export type EmessageRemoval = { repliesBlanked: number; messagesBlanked: number; messagesDeleted: number };

export async function removeEmessageText(tx: Prisma.TransactionClient, who: { memberIds: string[]; groupIds: string[]; names: string[] }, now: Date): Promise<EmessageRemoval> {
  const names = [...new Set(who.names.map((n) => n.trim()).filter((n) => n.length > 0))];
  const repliesBlanked = await tx.$executeRaw`
    UPDATE "EmessageReply" SET "body" = '', "outsideText" = '', "removedAt" = ${now}
     WHERE "memberId" = ANY(${who.memberIds}) AND "removedAt" IS NULL`;

  // The deliveries of these groups that may have messages, locked before anything is read: a
  // "prepare" or "mark sent" holding one finishes first and its messages are read here; one that
  // comes later waits, then sees the erasure (lib/data/emessage-deliveries.ts makes its messages
  // again when an erasure in the group came between reading the pack and writing them).
  await tx.$queryRaw`
    SELECT d."id" FROM "Delivery" AS d JOIN "Pack" AS p ON p."id" = d."packId"
     WHERE p."groupId" = ANY(${who.groupIds}) AND (d."channel" = 'EMESSAGE' OR d."status" = 'PREPARED')
     ORDER BY d."id" FOR UPDATE OF d`;
  const deliveries = await tx.$queryRaw<{ id: string; own: boolean; anySent: boolean; named: boolean }[]>`
    SELECT d."id",
           d."memberId" = ANY(${who.memberIds}) AS "own",
           bool_or(e."sentAt" IS NOT NULL) AS "anySent",
           bool_or(EXISTS (SELECT 1 FROM unnest(${names}::text[]) AS n(name) WHERE strpos(lower(e."body"), lower(n.name)) > 0)) AS "named"
      FROM "Delivery" AS d
      JOIN "Pack" AS p ON p."id" = d."packId"
      JOIN "EmessagePart" AS e ON e."deliveryId" = d."id"
     WHERE p."groupId" = ANY(${who.groupIds})
     GROUP BY d."id"`;

  const unsent = deliveries.filter((d) => !d.anySent && (d.own || d.named)).map((d) => d.id);
  const { count: messagesDeleted } = await tx.emessagePart.deleteMany({ where: { deliveryId: { in: unsent }, sentAt: null } });

  const own = deliveries.filter((d) => d.anySent && d.own).map((d) => d.id);
  const others = deliveries.filter((d) => d.anySent && !d.own && d.named).map((d) => d.id);
  const ownBlanked = await tx.$executeRaw`
    UPDATE "EmessagePart" SET "body" = '', "removedAt" = ${now} WHERE "deliveryId" = ANY(${own}) AND "removedAt" IS NULL`;
  const othersBlanked = await tx.$executeRaw`
    UPDATE "EmessagePart" AS e SET "body" = '', "removedAt" = ${now}
     WHERE e."deliveryId" = ANY(${others}) AND e."removedAt" IS NULL
       AND EXISTS (SELECT 1 FROM unnest(${names}::text[]) AS n(name) WHERE strpos(lower(e."body"), lower(n.name)) > 0)`;
  return { repliesBlanked, messagesBlanked: ownBlanked + othersBlanked, messagesDeleted };
}
