// The discussion on paper: "From the group" (featured responses and replies, the same for every
// member, so part of the shared layout) and "Replies to your response" (one member's own, laid
// out per member and inserted after the shared opening sections). Pen names only: a legal name
// never reaches these pages, because the print data carries none for them.
import { Flow } from "@/lib/packs/pdf/flow";
import type { Labels } from "@/lib/packs/pdf/labels";
import { BODY_TEXT, placePlainText } from "@/lib/packs/pdf/markdown";
import { BODY, BODY_WIDTH, type Page } from "@/lib/packs/pdf/page";
import type { LineBreaker, Style } from "@/lib/packs/pdf/text";
import type { PrintFeatured, PrintReplyThread } from "@/lib/packs/print-types";

const HEADING: Style = { font: "sansBold", size: 16 };
const INTRO: Style = { font: "serifItalic", size: 11 };
const CONTEXT: Style = { font: "sans", size: 9.5 };
const BYLINE: Style = { font: "sansBold", size: 11 };
const NOTE: Style = { font: "serifItalic", size: 10.5 };
const INDENT = 18;

function writer(flow: Flow, breaker: LineBreaker) {
  // Paragraphs and line breaks as the writer made them (placePlainText, docs/decisions/032).
  return (value: string, style: Style, indent = 0) => placePlainText(flow, breaker, value, style, { left: BODY.left + indent, width: BODY_WIDTH - indent });
}

/** Pages of "From the group", or none when nothing is featured. */
export function layoutFromTheGroup(featured: PrintFeatured[], breaker: LineBreaker, labels: Labels): Page[] {
  if (featured.length === 0) return [];
  const flow = new Flow();
  const text = writer(flow, breaker);
  text(labels.fromTheGroup, HEADING);
  flow.gap(4);
  text(labels.fromTheGroupIntro, INTRO);
  for (const item of featured) {
    flow.gap(16);
    flow.ensure(60);
    text(labels.fromPack(item.packNumber, item.promptText), CONTEXT);
    flow.gap(4);
    text(item.text, BODY_TEXT, INDENT);
    flow.gap(4);
    text(item.replyTo ? `— ${item.penName}, ${labels.replyTo(item.replyTo)}` : `— ${item.penName}`, BYLINE, INDENT);
    if (item.note.trim()) {
      flow.gap(4);
      text(`${labels.facilitatorsNote}: ${item.note}`, NOTE, INDENT);
    }
  }
  return flow.pages;
}

/** Pages of "Replies to your response" for one member, or none. */
export function layoutReplies(threads: PrintReplyThread[], breaker: LineBreaker, labels: Labels): Page[] {
  if (threads.every((thread) => thread.replies.length === 0)) return [];
  const flow = new Flow();
  const text = writer(flow, breaker);
  text(labels.repliesHeading, HEADING);
  flow.gap(4);
  text(labels.repliesIntro, INTRO);
  for (const thread of threads) {
    if (thread.replies.length === 0) continue;
    flow.gap(16);
    flow.ensure(60);
    text(labels.fromPack(thread.packNumber, thread.promptText), CONTEXT);
    flow.gap(4);
    text(labels.yourResponse, BYLINE);
    text(thread.yourText, BODY_TEXT, INDENT);
    for (const reply of thread.replies) {
      flow.gap(10);
      text(`${reply.penName}:`, BYLINE, INDENT);
      text(reply.body, BODY_TEXT, INDENT * 2);
    }
  }
  return flow.pages;
}

/** Every text of these sections, for the missing-glyph check. */
export function discussionTexts(featured: PrintFeatured[], threads: PrintReplyThread[]): string[] {
  return [
    ...featured.flatMap((f) => [f.text, f.penName, f.note, f.promptText, f.replyTo ?? ""]),
    ...threads.flatMap((t) => [t.promptText, t.yourText, ...t.replies.flatMap((r) => [r.penName, r.body])]),
  ];
}
