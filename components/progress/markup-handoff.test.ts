// The hand-over of server-drawn markup to its island's server render (server-markup.tsx).
import { afterEach, describe, expect, it, vi } from "vitest";
import { handOverMarkup, takeMarkup, waitingMarkupCount, wantsPayloadOnly } from "@/components/progress/markup-handoff";

afterEach(() => vi.useRealTimers());

describe("markup hand-over", () => {
  it("gives each markup once, by its own key", () => {
    const a = handOverMarkup("<table>a</table>");
    const b = handOverMarkup("<table>b</table>");
    expect(a).not.toEqual(b);
    expect(takeMarkup(b)).toBe("<table>b</table>");
    expect(takeMarkup(a)).toBe("<table>a</table>");
    expect(takeMarkup(a)).toBeUndefined();
    expect(takeMarkup("no-such-key")).toBeUndefined();
    expect(waitingMarkupCount()).toBe(0);
  });

  it("drops markup nobody took (an aborted request) after a minute, so nothing piles up", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-12-06T12:00:00Z"));
    const left = handOverMarkup("<ol>never rendered</ol>");
    vi.setSystemTime(new Date("2026-12-06T12:00:30Z"));
    const recent = handOverMarkup("<ol>recent</ol>");
    expect(waitingMarkupCount()).toBe(2);
    vi.setSystemTime(new Date("2026-12-06T12:01:05Z"));
    const next = handOverMarkup("<ol>next</ol>");
    expect(takeMarkup(left)).toBeUndefined();
    expect(takeMarkup(recent)).toBe("<ol>recent</ol>");
    expect(takeMarkup(next)).toBe("<ol>next</ol>");
    expect(waitingMarkupCount()).toBe(0);
  });

  it("is one store for both module copies Next.js loads (server components and server rendering)", async () => {
    const key = handOverMarkup("<p>shared</p>");
    vi.resetModules();
    const again = await import("@/components/progress/markup-handoff");
    expect(again.takeMarkup(key)).toBe("<p>shared</p>");
  });

  it("hands over only when HTML is made: a page load, not the router's fetch of a payload", () => {
    // Chromium's and Firefox's page loads; a load generator that names no Accept.
    expect(wantsPayloadOnly("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8")).toBe(false);
    expect(wantsPayloadOnly("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).toBe(false);
    expect(wantsPayloadOnly(null)).toBe(false);
    // The router's fetch (navigation, prefetch, refresh) and a server action's answer.
    expect(wantsPayloadOnly("*/*")).toBe(true);
    expect(wantsPayloadOnly("text/x-component")).toBe(true);
  });
});
