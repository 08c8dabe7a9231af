import { describe, expect, it } from "vitest";
import { groupFormSchema, groupSlugRule, suggestSlug } from "@/lib/validations/group-form";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

const valid = { name: "Autumn group", slug: "autumn-2026", level: "INTRODUCTORY", courseId: "c1", turnaroundDays: "", packEveryWeeks: "4" };

describe("group slug rule", () => {
  it("takes lower-case letters, digits and single inner dashes, 2 to 60 long", () => {
    for (const slug of ["ab", "intro", "autumn-2026", "a1-b2-c3", "9x", "a".repeat(60)]) expect(groupSlugRule.safeParse(slug).success, slug).toBe(true);
  });

  it("refuses everything else with the rule, instead of cleaning it up", () => {
    const refused: [string, string][] = [
      ["a", "groupAdmin.validation.slugShort"],
      ["a".repeat(61), "groupAdmin.validation.slugLong"],
      ["Intro", "groupAdmin.validation.slugPattern"],
      ["-intro", "groupAdmin.validation.slugPattern"],
      ["intro-", "groupAdmin.validation.slugPattern"],
      ["in--tro", "groupAdmin.validation.slugPattern"],
      ["in tro", "groupAdmin.validation.slugPattern"],
      ["in/tro", "groupAdmin.validation.slugPattern"],
      ["../etc", "groupAdmin.validation.slugPattern"],
      ["café", "groupAdmin.validation.slugPattern"],
      ["ｉｎｔｒｏ", "groupAdmin.validation.slugPattern"],
      ["new", "groupAdmin.validation.slugReserved"],
      ["archived", "groupAdmin.validation.slugReserved"],
    ];
    for (const [slug, key] of refused) {
      const parsed = groupSlugRule.safeParse(slug);
      expect(parsed.success, slug).toBe(false);
      expect(parsed.error?.issues[0]?.message, slug).toBe(key);
    }
  });

  it("trims spaces around a typed slug", () => {
    expect(groupSlugRule.parse("  intro  ")).toBe("intro");
  });

  it("passes only rule-abiding slugs out of the naughty strings, and never throws", () => {
    for (const s of naughtyStrings) {
      const parsed = groupSlugRule.safeParse(s);
      if (parsed.success) expect(parsed.data).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});

describe("suggestSlug", () => {
  it("makes a rule-abiding slug from a name, or an empty one", () => {
    expect(suggestSlug("Introductory group (autumn)")).toBe("introductory-group-autumn");
    expect(suggestSlug("Café Ñandú — 2026")).toBe("cafe-nandu-2026");
    expect(suggestSlug("学习小组")).toBe("");
    for (const s of naughtyStrings) {
      const slug = suggestSlug(s);
      expect(slug === "" || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug), s).toBe(true);
      expect(slug.length).toBeLessThanOrEqual(60);
    }
  });
});

describe("group form", () => {
  it("parses numbers, empties as null, and weeks and days in range", () => {
    expect(groupFormSchema.parse(valid)).toMatchObject({ turnaroundDays: null, packEveryWeeks: 4 });
    expect(groupFormSchema.parse({ ...valid, turnaroundDays: "21", packEveryWeeks: "" })).toMatchObject({ turnaroundDays: 21, packEveryWeeks: null });
    for (const bad of ["0", "366", "-1", "2.5", "1e3", "ten"]) expect(groupFormSchema.safeParse({ ...valid, turnaroundDays: bad }).success, bad).toBe(false);
    for (const bad of ["0", "53", "x"]) expect(groupFormSchema.safeParse({ ...valid, packEveryWeeks: bad }).success, bad).toBe(false);
    expect(groupFormSchema.safeParse({ ...valid, level: "EXPERT" }).success).toBe(false);
  });

  it("parses its own output again to the same values (the form sends parsed values to the server)", () => {
    for (const input of [valid, { ...valid, turnaroundDays: "21", packEveryWeeks: "" }, { ...valid, name: "  Spaced  " }]) {
      const once = groupFormSchema.parse(input);
      expect(groupFormSchema.parse(once)).toEqual(once);
    }
  });

  it("keeps any naughty name that is not blank and fits, without the NUL character", () => {
    for (const s of naughtyStrings) {
      const parsed = groupFormSchema.safeParse({ ...valid, name: s });
      const expected = s.replace(/\u0000/g, "").trim();
      if (expected.length === 0 || expected.length > 120) expect(parsed.success, s).toBe(false);
      else expect(parsed.success && parsed.data.name, s).toBe(expected);
    }
  });
});
