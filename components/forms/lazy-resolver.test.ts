import { zodResolver } from "@hookform/resolvers/zod";
import type { ResolverOptions } from "react-hook-form";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { lazyResolver } from "./lazy-resolver";

const schema = z.object({ body: z.string().trim().min(1, "discussion.validation.replyEmpty") });
type Values = z.input<typeof schema>;
const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<Values>;

describe("lazyResolver", () => {
  test("checks with the loaded resolver, loading it once", async () => {
    let loads = 0;
    const { resolver, preload } = lazyResolver<Values>(async () => {
      loads++;
      return zodResolver(schema);
    });
    preload();
    const empty = await resolver({ body: "  " }, undefined, options);
    expect(empty.errors.body?.message).toBe("discussion.validation.replyEmpty");
    const fine = await resolver({ body: "A reply" }, undefined, options);
    expect(fine).toEqual({ values: { body: "A reply" }, errors: {} });
    expect(loads).toBe(1);
  });

  test("lets the values through when the check cannot be loaded, and tries again next time", async () => {
    let loads = 0;
    const { resolver } = lazyResolver<Values>(async () => {
      if (++loads === 1) throw new TypeError("Failed to fetch dynamically imported module");
      return zodResolver(schema);
    });
    expect(await resolver({ body: "  " }, undefined, options)).toEqual({ values: { body: "  " }, errors: {} });
    expect((await resolver({ body: "  " }, undefined, options)).errors.body?.message).toBe("discussion.validation.replyEmpty");
    expect(loads).toBe(2);
  });
});
