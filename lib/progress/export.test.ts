// The progress CSV says what the matrix says, in the catalog's words: an e-message member's sent
// pack is "Sent by e-message", a mail member's "Mailed" (decision 049).
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/request";
import type { GroupProgress, ProgressRow } from "@/lib/data/progress";
import { cellState, type CellFacts } from "@/lib/progress/cell-state";
import { matrixCsv } from "@/lib/progress/export";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const facts = (channel: "MAIL" | "EMESSAGE"): CellFacts => ({ delivery: { channel, status: "MAILED", mailedOn: day("2026-11-20") }, answeredPrompts: 0, feedbackCount: 0, dueDate: null, turnaroundDays: 42, today: day("2026-11-25") });
const row = (penName: string, channel: "MAIL" | "EMESSAGE"): ProgressRow => ({
  member: { id: penName, penName, channel, status: "ACTIVE" },
  quiet: false,
  cells: [{ packNumber: 1, state: cellState(facts(channel)), answeredPrompts: 0, mailedOn: day("2026-11-20"), reason: null }],
});

describe("the progress CSV", () => {
  it.each([
    ["en", ["Lark", "By mail", "Active", "no", "Mailed"], ["Wren", "By e-message", "Active", "no", "Sent by e-message"]],
    ["es", ["Lark", "Por correo", "En curso", "no", "Enviado por correo"], ["Wren", "Por mensaje electrónico", "En curso", "no", "Enviado por mensaje electrónico"]],
  ] as const)("names an e-message member's sent pack as sent, not mailed (%s)", async (locale, mail, emessage) => {
    const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "progress" });
    const data = { personal: false, rows: [row("Lark", "MAIL"), row("Wren", "EMESSAGE")], packs: [{ number: 1 }] } as unknown as GroupProgress;
    const [, ...rows] = matrixCsv(data, (key, values) => t(key as never, values as never));
    expect(rows).toEqual([mail, emessage]);
  });
});
