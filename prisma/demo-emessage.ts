// Demo data for the e-message channel (issue 20, docs/decisions/045), added by seedDemo: a member
// of the intro group at a federal prison who takes part through CorrLinks. Pack 1 went to him as
// exactly 3 messages, all marked sent, and he answered two questions in one message, each answer
// starting with its response code: the reply is filed (EmessageReply) with its two answers as
// responses "by e-message", and the delivery is "replied".
//
// The messages are made by the app's own code (lib/emessage) from the pack as stored, so they are
// what the messages page would make. Riverside keeps CorrLinks messages to 8,000 characters (the
// service takes 13,000): members pay by the minute to read, and a shorter message is one sitting.
// That is the organization's setting, shown on the Settings page; at it, pack 1 is 3 messages.
import type { Prisma } from "../lib/generated/prisma/client";
import { cutIntoMessages, joinMessages } from "../lib/emessage/cut";
import { emessageLabelsFor } from "../lib/emessage/labels";
import { packText } from "../lib/emessage/pack-text";
import { formatResponseCode, generateResponseCode } from "../lib/packs/response-code";
import type { PrintPack } from "../lib/packs/print-types";

type Tx = Prisma.TransactionClient;

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const dateOnly = (date: Date) => new Date(date.toISOString().slice(0, 10));

export const DEMO_EMESSAGE = { penName: "Harbor", legalName: "Andre Whitfield", registerNumber: "41872-086", charsPerMessage: 8000, messages: 3 } as const;

/** The pack as the messages page loads it (lib/packs/print-data.ts), for a member with no replies yet. */
async function printPack(tx: Tx, packId: string): Promise<PrintPack> {
  const pack = await tx.pack.findUniqueOrThrow({
    where: { id: packId },
    select: {
      id: true,
      number: true,
      title: true,
      letterMarkdown: true,
      dueDate: true,
      lessons: {
        orderBy: { position: "asc" },
        select: {
          lesson: {
            select: {
              position: true,
              title: true,
              summary: true,
              readings: { orderBy: { position: "asc" }, select: { id: true, title: true, author: true, source: true, pageRange: true, bodyMarkdown: true, pdfPageCount: true } },
              prompts: { orderBy: { position: "asc" }, select: { id: true, text: true, readingId: true } },
            },
          },
        },
      },
    },
  });
  return {
    organization: { name: "", returnAddressLines: [] },
    group: { name: "" },
    pack: { id: pack.id, number: pack.number, title: pack.title, letterMarkdown: pack.letterMarkdown, dueDate: pack.dueDate },
    lessons: pack.lessons.map(({ lesson }) => lesson),
    featured: [],
  };
}

export async function seedDemoEmessage(tx: Tx): Promise<void> {
  const intro = await tx.group.findUniqueOrThrow({ where: { slug: "intro" }, select: { id: true, organizationId: true } });
  const { userId: actorId } = await tx.facilitator.findFirstOrThrow({ where: { groupId: intro.id }, select: { userId: true } });
  const pack = await tx.pack.findFirstOrThrow({ where: { groupId: intro.id, number: 1 }, select: { id: true, publishedAt: true } });

  await tx.emessageServiceLimit.create({ data: { organizationId: intro.organizationId, service: "CORRLINKS", charsPerMessage: DEMO_EMESSAGE.charsPerMessage } });
  const federal = await tx.facility.create({
    data: {
      organizationId: intro.organizationId,
      name: "Federal Correctional Institution, Sheridan",
      addressLines: ["P.O. Box 5000", "Sheridan, OR 97378"],
      maxPagesPerEnvelope: null,
      nameAndIdOnEveryPage: true,
      imagesAllowed: false,
      notes: "Federal (BOP). Members here read and write through CorrLinks (TRULINCS); paper mail is scanned.",
    },
    select: { id: true },
  });
  const person = await tx.person.create({
    data: {
      organizationId: intro.organizationId,
      legalName: DEMO_EMESSAGE.legalName,
      facilityId: federal.id,
      idNumber: DEMO_EMESSAGE.registerNumber,
      housingUnit: "Unit 4B",
      emessageService: "CORRLINKS",
      emessageContact: DEMO_EMESSAGE.registerNumber,
    },
    select: { id: true },
  });
  const member = await tx.member.create({
    data: { groupId: intro.id, personId: person.id, channel: "EMESSAGE", penName: DEMO_EMESSAGE.penName, joinedAt: daysAgo(30), sharingPreference: "GROUP", sharingConsentAt: daysAgo(30) },
    select: { id: true },
  });
  await tx.personEvent.create({ data: { personId: person.id, memberId: member.id, kind: "ENROLLED", occurredOn: dateOnly(daysAgo(30)), actorId } });

  // His response codes, as the messages page makes them (lib/data/response-codes.ts).
  const print = await printPack(tx, pack.id);
  const prompts = print.lessons.flatMap((lesson) => lesson.prompts);
  const codes: Record<string, string> = {};
  for (const prompt of prompts) {
    codes[prompt.id] = (await tx.responseCode.create({ data: { code: generateResponseCode(), packId: pack.id, memberId: member.id, promptId: prompt.id }, select: { code: true } })).code;
  }

  // Pack 1 as messages, sent nine days ago.
  const labels = emessageLabelsFor(null);
  const text = packText(print, { locale: null, codes, replies: [] }, new Set());
  const messages = cutIntoMessages(text, DEMO_EMESSAGE.charsPerMessage, (n, total) => labels.header(1, n, total));
  if (messages.length !== DEMO_EMESSAGE.messages || joinMessages(messages.map((m) => m.body)) !== text) throw new Error(`demo pack 1 is ${messages.length} e-messages, not ${DEMO_EMESSAGE.messages}`);
  const publishedOn = dateOnly(pack.publishedAt ?? daysAgo(10));
  const sentAt = daysAgo(9);
  const delivery = await tx.delivery.create({
    data: {
      packId: pack.id,
      memberId: member.id,
      channel: "EMESSAGE",
      status: "MAILED",
      mailedTo: { legalName: DEMO_EMESSAGE.legalName, emessageService: "CORRLINKS", emessageContact: DEMO_EMESSAGE.registerNumber },
      events: {
        create: [
          { status: "PREPARED", occurredOn: publishedOn, actorId },
          { status: "MAILED", occurredOn: dateOnly(sentAt), actorId },
        ],
      },
      emessageParts: { create: messages.map((m) => ({ number: m.number, total: m.total, body: m.body, sentAt, sentById: actorId })) },
    },
    select: { id: true },
  });

  // His reply, typed in CorrLinks: two coded answers and a note to the facilitators.
  const [first, second] = prompts as [(typeof prompts)[number], (typeof prompts)[number]];
  const answers = [
    {
      promptId: first.id,
      body: "Before I came in I worked at a warehouse where the shift was ten hours on paper and twelve in practice, because you could not leave until the trucks were loaded. Nobody set the hours but the trucks. Reading the history I see that every hour we have back was taken back by people who refused together.",
    },
    {
      promptId: second.id,
      body: "Eight hours for what we will: I would learn to fix engines properly and teach my nephew. In here the time is not free even when it is empty, because someone else decides when you move. What stands in the way outside is money, and being too tired to want anything.",
    },
  ];
  const outside = "Thank you for the pack. The messages came through fine. Could the next one have the reading in fewer messages, it costs me to open each one.";
  const body = `${formatResponseCode(codes[first.id]!)}: ${answers[0]!.body}\n\n${formatResponseCode(codes[second.id]!)} ${answers[1]!.body}\n\n${outside}`;
  const receivedOn = dateOnly(daysAgo(3));
  await tx.emessageReply.create({ data: { memberId: member.id, receivedOn, body, outsideText: outside, enteredById: actorId, createdAt: daysAgo(3) } });
  for (const answer of answers) {
    await tx.response.create({
      data: {
        packId: pack.id,
        memberId: member.id,
        promptId: answer.promptId,
        body: answer.body,
        status: "SUBMITTED",
        source: "EMESSAGE",
        version: 1,
        submittedAt: daysAgo(3),
        draftSavedAt: daysAgo(3),
        transcribedById: actorId,
        receivedOn,
        versions: { create: { version: 1, body: answer.body, createdById: actorId, createdAt: daysAgo(3) } },
      },
    });
  }
  await tx.delivery.update({ where: { id: delivery.id }, data: { status: "RESPONDED", events: { create: { status: "RESPONDED", occurredOn: receivedOn, actorId } } } });
}
