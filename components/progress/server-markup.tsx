// Markup made on the server by `html` (components/ui/html.tsx), sent once. A server component's
// output goes into the RSC payload, and the HTML is rendered from that payload, so a large table
// written as a string stood twice in every page (the element's markup, then the payload's copy of
// it in a script); a client component drawing it from compact data sent the data a second time.
// Here the payload carries a key and the HTML the markup (markup-island.tsx, markup-handoff.ts):
// docs/decisions/043-pages-near-the-floor.md.
import "server-only";
import { headers } from "next/headers";
import type { Html } from "@/components/ui/html";
import { handOverMarkup, wantsPayloadOnly } from "@/components/progress/markup-handoff";
import { MarkupIsland, type MarkupIslandProps } from "@/components/progress/markup-island";

export async function ServerMarkup({ markup, ...props }: { markup: Html } & Omit<MarkupIslandProps, "markup" | "handoff">) {
  return wantsPayloadOnly((await headers()).get("accept")) ? (
    <MarkupIsland markup={markup.markup} {...props} />
  ) : (
    <MarkupIsland handoff={handOverMarkup(markup.markup)} {...props} />
  );
}
