"use client";
// The phone menu of the header: a <details> disclosure (works before hydration and without
// JavaScript) that also closes the way people expect a menu to — after following one of its
// links (the header stays on screen across client-side navigation), on Escape (focus goes back to
// its button), and on a tap outside it.
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

export function HeaderMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const close = (event: Event) => {
      const el = details.current;
      if (!el?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        el.open = false;
        el.querySelector("summary")?.focus();
      } else if (!el.contains(event.target as Node) || (event.target as Element).closest("a")) {
        // A tap outside, or on one of its links (also one to the page already shown).
        el.open = false;
      }
    };
    document.addEventListener("keydown", close);
    document.addEventListener("click", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("click", close);
    };
  }, []);

  return (
    <details ref={details} className="relative">
      <summary className="inline-flex min-h-11 cursor-pointer list-none items-center rounded border border-stone-300 px-3 text-sm font-medium [&::-webkit-details-marker]:hidden">
        {label}
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-stone-200 bg-white p-3 shadow-lg">{children}</div>
    </details>
  );
}
