import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planEnvelopes, type SectionPages } from "@/lib/packs/pdf/envelopes";

const sections = (...pages: number[]): SectionPages[] => pages.map((p, i) => ({ title: `S${i + 1}`, pages: p }));

describe("planEnvelopes", () => {
  it("puts everything in one envelope, after its slip, when there is no limit", () => {
    const plan = planEnvelopes(sections(1, 8, 1, 1), null);
    expect(plan.pages).toBe(12);
    expect(plan.envelopes).toHaveLength(1);
    expect(plan.envelopes[0]).toMatchObject({ number: 1, firstPage: 1, lastPage: 12, pages: 12 });
    expect(plan.envelopes[0]!.sections.map((s) => [s.firstPage, s.lastPage])).toEqual([[2, 2], [3, 10], [11, 11], [12, 12]]);
  });

  it("counts the slip against the limit and never splits a section", () => {
    // Limit 10 = slip + 9 pages: 1 + 8 fit, the next 1-page section starts envelope 2.
    const plan = planEnvelopes(sections(1, 8, 1, 1, 1), 10);
    expect(plan.envelopes.map((e) => e.pages)).toEqual([10, 4]);
    expect(plan.envelopes[1]).toMatchObject({ firstPage: 11, lastPage: 14 });
    expect(plan.envelopes[1]!.sections.map((s) => s.title)).toEqual(["S3", "S4", "S5"]);
    expect(plan.tooLong).toEqual([]);
  });

  it("reports a section that cannot fit even alone, and still places it", () => {
    const plan = planEnvelopes(sections(1, 14, 1), 10);
    expect(plan.tooLong.map((s) => [s.title, s.pages])).toEqual([["S2", 14]]);
    expect(plan.envelopes.map((e) => e.pages)).toEqual([2, 15, 2]);
  });

  it("gives an empty pack its slip", () => {
    expect(planEnvelopes([], 10)).toMatchObject({ pages: 1, envelopes: [{ pages: 1, sections: [] }] });
  });

  it("keeps every envelope within the limit, in order, numbering pages through the pack", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 40 }), fc.integer({ min: 2, max: 30 }), (pages, limit) => {
        const plan = planEnvelopes(sections(...pages), limit);
        let page = 1;
        const order: string[] = [];
        for (const envelope of plan.envelopes) {
          expect(envelope.pages).toBeLessThanOrEqual(Math.max(limit, 1 + Math.max(0, ...envelope.sections.map((s) => s.pages))));
          expect(envelope.firstPage).toBe(page);
          page += 1;
          for (const section of envelope.sections) {
            expect(section.firstPage).toBe(page);
            page += section.pages;
            order.push(section.title);
          }
          expect(envelope.lastPage).toBe(page - 1);
        }
        expect(order).toEqual(pages.map((_, i) => `S${i + 1}`));
        expect(plan.pages).toBe(page - 1);
        if (pages.every((p) => p <= limit - 1)) {
          expect(plan.tooLong).toEqual([]);
          for (const envelope of plan.envelopes) expect(envelope.pages).toBeLessThanOrEqual(limit);
          // Greedy filling: no two neighbouring envelopes could have been one.
          plan.envelopes.slice(1).forEach((envelope, i) => expect(plan.envelopes[i]!.pages + envelope.pages - 1).toBeGreaterThan(limit));
        }
      }),
    );
  });
});
