import { describe, expect, it } from "vitest";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { CELL_STATES, cellState, daysBetween, expectedTurnaround, type CellFacts, type CellState } from "@/lib/progress/cell-state";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const base: CellFacts = { delivery: null, answeredPrompts: 0, feedbackCount: 0, dueDate: null, turnaroundDays: 42, today: day("2026-11-25") };
const mail = (status: DeliveryStatus, mailedOn: string | null = "2026-11-01") => ({ channel: "MAIL" as const, status, mailedOn: mailedOn ? day(mailedOn) : null });
const online = { channel: "ONLINE" as const, status: "DELIVERED" as const, mailedOn: null };
const emessage = (status: DeliveryStatus, sentOn: string | null = "2026-11-20") => ({ channel: "EMESSAGE" as const, status, mailedOn: sentOn ? day(sentOn) : null });

describe("cellState", () => {
  const cases: [string, Partial<CellFacts>, CellState][] = [
    ["no delivery", {}, "notSent"],
    ["mail prepared, not mailed", { delivery: mail("PREPARED", null) }, "notSent"],
    ["online, delivered", { delivery: online }, "sentOnline"],
    ["online, due date today", { delivery: online, dueDate: day("2026-11-25") }, "sentOnline"],
    ["online, due date passed", { delivery: online, dueDate: day("2026-11-24") }, "overdue"],
    ["mailed, in the post", { delivery: mail("MAILED") }, "mailed"],
    ["resent, in the post", { delivery: mail("RESENT") }, "mailed"],
    ["delivered to the member", { delivery: mail("DELIVERED") }, "awaitingMail"],
    ["e-message, messages sent", { delivery: emessage("MAILED") }, "sentEmessage"],
    ["e-message, sent again after a bounce", { delivery: emessage("RESENT") }, "sentEmessage"],
    ["e-message, prepared, not sent", { delivery: emessage("PREPARED", null) }, "notSent"],
    ["e-message, bounced", { delivery: emessage("RETURNED") }, "returned"],
    ["e-message, sent past the turnaround", { delivery: emessage("MAILED", "2026-10-01") }, "overdue"],
    ["e-message, answered", { delivery: emessage("RESPONDED"), answeredPrompts: 1 }, "answered"],
    ["returned by the post", { delivery: mail("RETURNED") }, "returned"],
    ["rejected by the mailroom", { delivery: mail("REJECTED") }, "returned"],
    ["rejected long ago is still rejected, not overdue", { delivery: mail("REJECTED", "2026-01-01") }, "returned"],
    ["answered online", { delivery: { ...online, status: "RESPONDED" }, answeredPrompts: 1 }, "answered"],
    ["answered by mail after the turnaround", { delivery: mail("RESPONDED", "2026-01-01"), answeredPrompts: 2 }, "answered"],
    ["answered after a rejection", { delivery: mail("REJECTED"), answeredPrompts: 1 }, "answered"],
    ["feedback given", { delivery: online, answeredPrompts: 2, feedbackCount: 1 }, "feedback"],
    ["answered without a delivery (added later)", { answeredPrompts: 1 }, "answered"],
  ];
  it.each(cases)("%s", (_name, facts, expected) => {
    expect(cellState({ ...base, ...facts })).toBe(expected);
  });

  it("covers every state", () => {
    expect(new Set(cases.map((c) => c[2]))).toEqual(new Set(CELL_STATES));
  });

  it("is awaiting mail on the turnaround day and overdue the day after", () => {
    const mailedOn = "2026-10-01";
    const at = (today: string, status: "MAILED" | "DELIVERED" = "DELIVERED") => cellState({ ...base, delivery: mail(status, mailedOn), turnaroundDays: 42, today: day(today) });
    expect(daysBetween(day(mailedOn), day("2026-11-12"))).toBe(42);
    expect(at("2026-11-12")).toBe("awaitingMail");
    expect(at("2026-11-12", "MAILED")).toBe("mailed");
    expect(at("2026-11-13")).toBe("overdue");
    expect(at("2026-11-13", "MAILED")).toBe("overdue");
    // The time of day does not matter: days are calendar days in UTC.
    expect(cellState({ ...base, delivery: mail("DELIVERED", mailedOn), today: new Date("2026-11-12T23:59:59Z") })).toBe("awaitingMail");
  });

  it("uses the group's turnaround, else the organization's, else 42 days", () => {
    expect(expectedTurnaround(10, 30)).toBe(10);
    expect(expectedTurnaround(null, 30)).toBe(30);
    expect(expectedTurnaround(null, null)).toBe(42);
    const facts = { ...base, delivery: mail("DELIVERED", "2026-11-10"), today: day("2026-11-21") };
    expect(cellState({ ...facts, turnaroundDays: expectedTurnaround(10, 30) })).toBe("overdue");
    expect(cellState({ ...facts, turnaroundDays: expectedTurnaround(null, 30) })).toBe("awaitingMail");
  });

  it("a resend counts from the new mailing", () => {
    expect(cellState({ ...base, delivery: mail("RESENT", "2026-11-20"), turnaroundDays: 3 })).toBe("overdue");
    expect(cellState({ ...base, delivery: mail("RESENT", "2026-11-22"), turnaroundDays: 3 })).toBe("mailed");
  });
});
