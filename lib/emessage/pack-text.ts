// One member's pack as plain text, to send through a prison e-message service
// (docs/decisions/045). Made from the same data as the pack PDF (lib/packs/print-data.ts and its
// types), in the same order: title and due date, the letter, each lesson with its readings and
// questions, "From the group", and the replies to the member's own shared answers. What differs
// from paper, and why:
// - Each question carries the member's response code and a line asking them to start the answer
//   with it: the reply comes back as typed text, and the codes are how it is filed.
// - A reading marked "by mail only" (too long to pay for by the minute) or an uploaded PDF (pages,
//   not text) is replaced by a line saying it comes by post; the facilitator prints those
//   readings for the member from the messages page (lib/emessage/by-post.ts).
// - Markdown becomes plain text (markdown-text.ts); every word stays.
// Blank lines part the blocks, so the cutter (cut.ts) ends messages between them.
import { formatResponseCode } from "@/lib/packs/response-code";
import type { PrintMember, PrintPack, PrintReading } from "@/lib/packs/print-types";
import { emessageLabelsFor } from "@/lib/emessage/labels";
import { markdownToText } from "@/lib/emessage/markdown-text";

/** Readings that go by post to an e-message member: marked so, or an uploaded PDF. */
export function goesByPost(reading: Pick<PrintReading, "id" | "bodyMarkdown">, mailOnly: ReadonlySet<string>): boolean {
  return reading.bodyMarkdown === null || mailOnly.has(reading.id);
}

/** The text in blocks parted by blank lines; line ends made "\n". */
export function packText(pack: PrintPack, member: Pick<PrintMember, "locale" | "codes" | "replies">, mailOnly: ReadonlySet<string>): string {
  const labels = emessageLabelsFor(member.locale);
  const { pdf } = labels;
  const blocks: string[] = [];
  const add = (...texts: (string | null | undefined)[]) => {
    for (const text of texts) if (text && text.trim()) blocks.push(text.replace(/\r\n?/g, "\n").trim());
  };
  const md = (source: string) => markdownToText(source.replace(/\r\n?/g, "\n"), labels.notes);

  add(pdf.packName(pack.pack.number, pack.pack.title));
  if (pack.pack.dueDate) add(pdf.dueBy(pdf.date(pack.pack.dueDate)));
  add(labels.howToAnswer);
  if (pack.pack.letterMarkdown.trim()) add(pdf.letterHeading, md(pack.pack.letterMarkdown));

  const total = pack.lessons.reduce((sum, lesson) => sum + lesson.prompts.length, 0);
  let question = 0;
  for (const lesson of pack.lessons) {
    add(pdf.lesson(lesson.position, lesson.title), lesson.summary);
    for (const reading of lesson.readings) {
      const details = [reading.author ? pdf.readingBy(reading.author) : "", reading.source ? `${labels.source}: ${reading.source}` : "", reading.pageRange ? `${labels.pages}: ${reading.pageRange}` : ""].filter(Boolean).join("\n");
      add([pdf.readingTitle(reading.title), details].filter(Boolean).join("\n"));
      add(goesByPost(reading, mailOnly) || reading.bodyMarkdown === null ? labels.byPost(reading.title) : md(reading.bodyMarkdown));
    }
    for (const prompt of lesson.prompts) {
      question++;
      const reading = prompt.readingId ? lesson.readings.find((r) => r.id === prompt.readingId) : undefined;
      const raw = member.codes[prompt.id];
      const code = raw ? formatResponseCode(raw) : null;
      add(
        [pdf.question(question, total), reading ? pdf.onReading(reading.title) : ""].filter(Boolean).join("\n"),
        prompt.text,
        code ? `${pdf.responseCode}: ${code}\n${labels.startWith(code)}` : null,
      );
    }
  }

  const featured = pack.featured ?? [];
  if (featured.length) {
    add(pdf.fromTheGroup, pdf.fromTheGroupIntro);
    for (const item of featured) {
      add(pdf.fromPack(item.packNumber, item.promptText), item.text, item.replyTo ? `— ${item.penName}, ${pdf.replyTo(item.replyTo)}` : `— ${item.penName}`);
      if (item.note.trim()) add(`${pdf.facilitatorsNote}: ${item.note}`);
    }
  }

  const threads = (member.replies ?? []).filter((thread) => thread.replies.length > 0);
  if (threads.length) {
    add(pdf.repliesHeading, pdf.repliesIntro);
    for (const thread of threads) {
      add(pdf.fromPack(thread.packNumber, thread.promptText), pdf.yourResponse, thread.yourText);
      for (const reply of thread.replies) add(`${reply.penName}:`, reply.body);
    }
  }
  return blocks.join("\n\n");
}
