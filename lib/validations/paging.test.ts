import { describe, expect, it } from "vitest";
import { naughtyStrings } from "@/tests/setup/naughty-strings";
import { MAX_SEARCH, pagingQuery, parsePagingParams } from "@/lib/validations/paging";

describe("paging parameters", () => {
  it("reads a page, a search and an organization", () => {
    expect(parsePagingParams({ page: "3", q: " river ", org: "abc_1" })).toEqual({ page: 3, q: "river", org: "abc_1" });
    expect(parsePagingParams({ page: ["2", "9"] })).toEqual({ page: 2 });
    expect(parsePagingParams({})).toEqual({ page: 1 });
  });

  it("drops what does not parse, and never throws", () => {
    for (const value of [...naughtyStrings, "0", "-1", "1.5", "1e9", "100001", " "]) {
      const params = parsePagingParams({ page: value, org: value, q: value });
      expect(params.page).toBeGreaterThanOrEqual(1);
      expect(Number.isInteger(params.page)).toBe(true);
      expect(params.q === undefined || (params.q.length > 0 && [...params.q].length <= MAX_SEARCH)).toBe(true);
    }
    expect(parsePagingParams({ page: "0" }).page).toBe(1);
    expect(parsePagingParams({ q: "x".repeat(MAX_SEARCH + 1) }).q).toBeUndefined();
    expect(parsePagingParams({ q: "\u0000\u0007" }).q).toBeUndefined();
  });

  it("writes the same list back as a query string, page 1 left out", () => {
    expect(pagingQuery({ page: 1 })).toBe("");
    expect(pagingQuery({ page: 2, q: "a&b", org: "o1" })).toBe("?org=o1&q=a%26b&page=2");
    expect(parsePagingParams(Object.fromEntries(new URLSearchParams(pagingQuery({ page: 4, q: "50% off" }).slice(1))))).toEqual({ page: 4, q: "50% off" });
  });
});
