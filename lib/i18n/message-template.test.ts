import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { messageTemplate } from "@/lib/i18n/message-template";
import { naughtyStrings } from "@/tests/setup/naughty-strings";

const messages = { m: { timelineOf: "Timeline of {name}", response: "Answer to prompt {prompt} of pack {number}", twice: "{a} and {a} again, then {b}", none: "No arguments" } };
const t = createTranslator({ locale: "en", messages, namespace: "m" });

describe("messageTemplate", () => {
  it("gives what formatting each time gives", () => {
    const response = messageTemplate(["prompt", "number"], (m) => t("response", m));
    expect(response({ prompt: "3.1", number: 45 })).toBe(t("response", { prompt: "3.1", number: 45 }));
    const twice = messageTemplate(["a", "b"], (m) => t("twice", m));
    expect(twice({ a: "x", b: "y" })).toBe("x and x again, then y");
    expect(messageTemplate([], () => t("none"))({})).toBe("No arguments");
  });

  it("inserts any text as it is", () => {
    const of = messageTemplate(["name"], (m) => t("timelineOf", m));
    for (const s of naughtyStrings) expect(of({ name: s })).toBe(`Timeline of ${s}`);
  });
});
