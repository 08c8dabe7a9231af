"use client";
// Markup drawn on the server (server-markup.tsx), shown inside one element. In the HTML it comes
// by hand-over (markup-handoff.ts), and the browser keeps what the HTML holds: React does not
// compare or rewrite `dangerouslySetInnerHTML` when it hydrates, so the payload needs no copy.
// A payload fetched without HTML (a client-side navigation or refresh) carries the markup itself.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { takeMarkup } from "@/components/progress/markup-handoff";

/** Markup shown by this tab's islands, by key: an island mounted again from the router's cache (back, forward) gets it without the server. */
const shown = new Map<string, string>();
const SHOWN_LIMIT = 16;

export type MarkupIslandProps = { markup?: string; handoff?: string; as?: "div" | "ol"; className?: string; scrollLabel?: string };

export function MarkupIsland({ markup, handoff, as: Tag = "div", className, scrollLabel }: MarkupIslandProps) {
  const ref = useRef<HTMLDivElement & HTMLOListElement>(null);
  // Once per mounted island: on the server, the hand-over; in the browser, nothing while hydrating
  // (the HTML has it) or what an earlier mount of the same island showed.
  const [initial] = useState(() => (handoff === undefined ? "" : typeof window === "undefined" ? (takeMarkup(handoff) ?? "") : (shown.get(handoff) ?? "")));
  const router = useRouter();
  useEffect(() => {
    if (handoff === undefined || shown.has(handoff) || !ref.current) return;
    // Empty: React drew this part in the browser instead of hydrating the HTML (after a hydration
    // error above it), so the markup is not here; the payload of a refresh carries it.
    if (ref.current.innerHTML === "") return router.refresh();
    shown.set(handoff, ref.current.innerHTML);
    if (shown.size > SHOWN_LIMIT) shown.delete(shown.keys().next().value!);
  }, [handoff, router]);
  // A block that may scroll sideways gets a name and a place in the tab order, so a keyboard can
  // scroll it (axe: scrollable-region-focusable).
  const scroll = scrollLabel ? { tabIndex: 0, role: "group", "aria-label": scrollLabel } : {};
  return <Tag ref={ref} className={className} {...scroll} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: markup ?? initial }} />;
}
