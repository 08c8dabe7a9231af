// Browsers ask for /favicon.ico on their own when a document names no icon: a PDF or CSV opened
// in a tab. Pages name /icon.svg; this sends those requests there instead of answering 404.
// A relative Location, so it stays right behind a proxy that serves another host.
import { publicRoute } from "@/lib/server/routes";

export const GET = publicRoute({}, async () => new Response(null, { status: 308, headers: { Location: "/icon.svg", "Cache-Control": "public, max-age=86400" } }));
