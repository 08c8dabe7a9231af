import { describe, expect, it } from "vitest";
import { matrixMarkup, type MatrixModel } from "@/components/progress/matrix-markup";
import { CELL_STATES } from "@/lib/progress/cell-state";

const mailed = CELL_STATES.indexOf("mailed");
const sentOnline = CELL_STATES.indexOf("sentOnline");
const sentEmessage = CELL_STATES.indexOf("sentEmessage");

/** One pack, opened, with one prompt; three members who have not answered, one per channel. */
function model(): MatrixModel {
  const labels = { caption: "Progress", member: "Member", timeline: "Timeline", quiet: "Quiet", mail: "By mail", online: "Online", emessage: "By e-message" };
  const short = Object.fromEntries(CELL_STATES.map((s) => [s, s])) as MatrixModel["labels"]["short"];
  return {
    base: ".",
    labels: { ...labels, short, prompt: { missing: "missing", answered: "answered", feedback: "feedback" } },
    packs: [{ number: 1, prompts: 1, name: "Pack 1", title: null, rate: "0 %", toggle: { href: "?open=", name: "Close", text: "Close" } }],
    open: { number: 1, name: "Pack 1", prompts: [{ id: "p1", name: "Q1" }] },
    texts: ["cell"],
    rows: [
      { id: "on", penName: "Online One", personal: null, channel: "ONLINE", quiet: false, timelineName: "t", cells: [[sentOnline, 0, 0, -1, -1]], prompts: [0] },
      { id: "ml", penName: "Mail One", personal: null, channel: "MAIL", quiet: false, timelineName: "t", cells: [[mailed, 0, 0, -1, -1]], prompts: [0] },
      { id: "em", penName: "Message One", personal: null, channel: "EMESSAGE", quiet: false, timelineName: "t", cells: [[mailed, 0, 0, -1, -1]], prompts: [0] },
    ],
  };
}

const rowOf = (markup: string, penName: string) => markup.split("<tr>").find((r) => r.includes(penName))!;

describe("the progress matrix's markup", () => {
  it("names each member's channel and sends an unanswered cell to where that channel's work is done", () => {
    const markup = matrixMarkup(model()).toString();
    const online = rowOf(markup, "Online One");
    const mail = rowOf(markup, "Mail One");
    const message = rowOf(markup, "Message One");
    expect(online).toContain("<span>Online</span>");
    expect(mail).toContain("<span>By mail</span>");
    expect(message).toContain("<span>By e-message</span>");
    // The pack cell: answers, the mail log, the pack's messages.
    expect(online).toContain('href="./packs/1/responses"');
    expect(mail).toContain('href="./packs/1/mail"');
    expect(message).toContain('href="./packs/1/emessage"');
    // The opened pack's prompt cell: the answers, the letter's transcription, the reply page.
    expect(online).toContain('href="./packs/1/responses#prompt-p1"');
    expect(mail).toContain('href="./packs/1/transcribe/ml/p1"');
    expect(message).toContain('href="./members/em/emessage"');
  });
});

describe("an e-message member's sent pack (decision 049)", () => {
  it("is drawn as sent, in its own look, not as mailed", () => {
    const m = model();
    m.labels.short = { ...m.labels.short, mailed: "Mailed", sentEmessage: "Messaged" };
    m.texts = ["Sent by e-message, sent 20 Nov 2026", "20 Nov"];
    m.rows[2]!.cells = [[sentEmessage, 0, 0, 1, -1]];
    const message = rowOf(matrixMarkup(m).toString(), "Message One");
    expect(message).toContain('<td data-s="e"><a href="./packs/1/emessage">Messaged<span class="sr-only">: Sent by e-message, sent 20 Nov 2026</span><small aria-hidden="true">20 Nov</small></a></td>');
    expect(message).not.toContain("Mailed");
    expect(rowOf(matrixMarkup(m).toString(), "Mail One")).toContain('<td data-s="m"><a href="./packs/1/mail">Mailed');
  });
});

