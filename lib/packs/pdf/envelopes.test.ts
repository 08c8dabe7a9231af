import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planEnvelopes, type SectionPages } from "@/lib/packs/pdf/envelopes";

const sections = (...pages: number[]): SectionPages[] => pages.map((p, i) => ({ title: `S${i + 1}`, pages: p }));
const reading = (title: string, pages: number): SectionPages => ({ title, pages, splittable: true });

describe("planEnvelopes", () => {
  it("puts everything in one envelope, after its slip, when there is no limit", () => {
    const plan = planEnvelopes(sections(1, 8, 1, 1), null);
    expect(plan.pages).toBe(12);
    expect(plan.envelopes).toHaveLength(1);
    expect(plan.envelopes[0]).toMatchObject({ number: 1, firstPage: 1, lastPage: 12, pages: 12 });
    expect(plan.envelopes[0]!.sections.map((s) => [s.firstPage, s.lastPage])).toEqual([[2, 2], [3, 10], [11, 11], [12, 12]]);
    expect(plan.envelopes[0]!.sections.every((s) => s.continuedFrom === null && s.continuesIn === null)).toBe(true);
  });

  it("counts the slip against the limit and keeps a section that fits whole", () => {
    // Limit 10 = slip + 9 pages: 1 + 8 fit, the next 1-page section starts envelope 2.
    const plan = planEnvelopes(sections(1, 8, 1, 1, 1), 10);
    expect(plan.envelopes.map((e) => e.pages)).toEqual([10, 4]);
    expect(plan.envelopes[1]).toMatchObject({ firstPage: 11, lastPage: 14 });
    expect(plan.envelopes[1]!.sections.map((s) => s.title)).toEqual(["S3", "S4", "S5"]);
    expect(plan.impossible).toBe(false);
  });

  it("moves a 3-page response sheet to the next envelope rather than splitting it", () => {
    const plan = planEnvelopes([reading("R", 3), { title: "Q1", pages: 3, question: 1 }], 5);
    expect(plan.envelopes.map((e) => e.sections.map((s) => [s.title, s.pages]))).toEqual([[["R", 3]], [["Q1", 3]]]);
  });

  it("continues a reading that does not fit in what is left of an envelope", () => {
    // Limit 5: 4 pages after each slip. Letter 1 + reading 10 + sheet 1.
    const plan = planEnvelopes([{ title: "Letter", pages: 1 }, reading("R", 10), { title: "Q1", pages: 1, question: 1 }], 5);
    expect(plan.envelopes.map((e) => e.pages)).toEqual([5, 5, 5]);
    const parts = plan.envelopes.flatMap((e) => e.sections.filter((s) => s.title === "R").map((s) => ({ envelope: e.number, ...s })));
    expect(parts.map((p) => [p.envelope, p.offset, p.pages, p.continuedFrom, p.continuesIn])).toEqual([
      [1, 0, 3, null, 2],
      [2, 3, 4, 1, 3],
      [3, 7, 3, 2, null],
    ]);
    expect(plan.envelopes[2]!.sections.map((s) => s.title)).toEqual(["R", "Q1"]);
  });

  it("gives a 30-page reading for a 5-page facility eight envelopes of at most 5 pages", () => {
    const plan = planEnvelopes([reading("Long", 30), { title: "Q1", pages: 1, question: 1 }], 5);
    expect(plan.envelopes).toHaveLength(8);
    for (const envelope of plan.envelopes) expect(envelope.pages).toBeLessThanOrEqual(5);
    expect(plan.pages).toBe(8 + 31);
  });

  it("splits a section that is not a reading only when it is longer than a whole envelope", () => {
    const plan = planEnvelopes([{ title: "S", pages: 1 }, { title: "Letter", pages: 6 }], 5);
    expect(plan.envelopes.map((e) => e.sections.map((s) => [s.title, s.offset, s.pages]))).toEqual([[["S", 0, 1], ["Letter", 0, 3]], [["Letter", 3, 3]]]);
    expect(plan.impossible).toBe(false);
  });

  it("says a limit of 1 is impossible (no room after the slip), and still plans a page per envelope", () => {
    const plan = planEnvelopes(sections(1, 2), 1);
    expect(plan.impossible).toBe(true);
    expect(plan.envelopes.map((e) => e.pages)).toEqual([2, 2, 2]);
    expect(planEnvelopes(sections(1), 2).impossible).toBe(false);
  });

  it("gives an empty pack its slip", () => {
    expect(planEnvelopes([], 10)).toMatchObject({ pages: 1, envelopes: [{ pages: 1, sections: [] }] });
  });

  it("keeps every envelope within the limit, every page once and in order, numbering pages through the pack", () => {
    const section = fc.record({ pages: fc.integer({ min: 1, max: 25 }), splittable: fc.boolean() });
    fc.assert(
      fc.property(fc.array(section, { maxLength: 30 }), fc.integer({ min: 2, max: 30 }), (given, limit) => {
        const input = given.map((s, i) => ({ title: `S${i}`, ...s }));
        const plan = planEnvelopes(input, limit);
        expect(plan.impossible).toBe(false);
        let page = 1;
        const seen: string[] = [];
        for (const envelope of plan.envelopes) {
          expect(envelope.pages).toBeLessThanOrEqual(limit);
          expect(envelope.firstPage).toBe(page);
          page += 1;
          for (const part of envelope.sections) {
            expect(part.firstPage).toBe(page);
            page += part.pages;
            for (let p = 0; p < part.pages; p++) seen.push(`${part.index}:${part.offset + p}`);
            const whole = input[part.index]!;
            // Kept whole when it could be.
            if (!whole.splittable && whole.pages <= limit - 1) expect(part.pages).toBe(whole.pages);
            expect(part.continuedFrom === null).toBe(part.offset === 0);
            expect(part.continuesIn === null).toBe(part.offset + part.pages === whole.pages);
            if (part.continuesIn !== null) expect(part.continuesIn).toBe(envelope.number + 1);
          }
          expect(envelope.lastPage).toBe(page - 1);
        }
        expect(seen).toEqual(input.flatMap((s, i) => Array.from({ length: s.pages }, (_, p) => `${i}:${p}`)));
        expect(plan.pages).toBe(page - 1);
        if (input.every((s) => s.splittable)) {
          // Greedy filling: every envelope but the last is full.
          plan.envelopes.slice(0, -1).forEach((envelope) => expect(envelope.pages).toBe(limit));
        }
      }),
    );
  });
});
