// What `npm run test:load` counts as a difference between what writers were told and what is
// stored: the rule that decides whether the load run fails.
import { describe, expect, it } from "vitest";
import { differencesOf, type Submit } from "./test-load";

const submit = (body: string, over: Partial<Submit> = {}): Submit => ({ body, key: `k-${body}`, writer: 1, tries: 1, noAnswer: false, ackVersion: null, ...over });

describe("differencesOf", () => {
  it("finds none when every acknowledged answer is stored as its version and nothing else is", () => {
    expect(differencesOf([submit("a", { ackVersion: 1 }), submit("b", { ackVersion: 2 }), submit("c")], [{ body: "a", version: 1, count: 1 }, { body: "b", version: 2, count: 1 }])).toEqual([]);
  });

  it("allows an unacknowledged answer to be stored only when a try of it got no answer", () => {
    expect(differencesOf([submit("a", { noAnswer: true })], [{ body: "a", version: 1, count: 1 }])).toEqual([]);
    expect(differencesOf([submit("a", { tries: 3 })], [{ body: "a", version: 1, count: 1 }])).toEqual(["stored but never acknowledged, and every try was answered: writer 1"]);
  });

  it("finds an acknowledged answer missing, stored as another version, stored twice, or stored without being sent", () => {
    expect(differencesOf([submit("a", { ackVersion: 1 })], [])).toEqual(["acknowledged but not stored: writer 1, version 1"]);
    expect(differencesOf([submit("a", { ackVersion: 1 })], [{ body: "a", version: 2, count: 1 }])).toEqual(["acknowledged as version 1 but stored as 2: writer 1"]);
    expect(differencesOf([submit("a", { ackVersion: 1 })], [{ body: "a", version: 1, count: 2 }])).toEqual(['stored 2 times: writer 1 "a…"']);
    expect(differencesOf([], [{ body: "z", version: 1, count: 1 }])).toEqual(['stored but never sent: "z"']);
  });
});
