import { describe, expect, it } from "vitest";
import { facilitySchema } from "@/lib/validations/facility";

const base = { name: "Cedar Creek", address: "1 Road\nTown", maxPagesPerEnvelope: "", nameAndIdOnEveryPage: true, imagesAllowed: false, notes: "" };

describe("facilitySchema", () => {
  it.each([
    ["abc", "facilities.validation.pagesWhole"],
    ["3.5", "facilities.validation.pagesWhole"],
    ["2", "facilities.validation.pagesMin"],
    ["501", "facilities.validation.pagesMax"],
  ])("page limit %s is refused with %s", (value, key) => {
    const result = facilitySchema.safeParse({ ...base, maxPagesPerEnvelope: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(key);
  });

  it("accepts no limit or a whole number, and needs a name and an address line", () => {
    expect(facilitySchema.parse({ ...base, maxPagesPerEnvelope: "" }).maxPagesPerEnvelope).toBe("");
    expect(facilitySchema.parse({ ...base, maxPagesPerEnvelope: "15" }).maxPagesPerEnvelope).toBe(15);
    expect(facilitySchema.safeParse({ ...base, name: " " }).error?.issues[0]?.message).toBe("facilities.validation.nameRequired");
    expect(facilitySchema.safeParse({ ...base, address: "\n \n" }).error?.issues[0]?.message).toBe("facilities.validation.addressRequired");
  });
});
