// A PDF reading, for reading in the browser (`?download=1`: saved instead). Thin on purpose:
// who may open which reading is decided in lib/readings/access.ts (course editors, and people
// who may see a published pack holding its lesson), the headers in lib/readings/http.ts. Not
// signed in, no such reading, not a PDF reading, or not yours: the same 404.
import { z } from "zod";
import { openReadingPdf } from "@/lib/readings/access";
import { readingPdfResponse } from "@/lib/readings/http";
import { userRoute } from "@/lib/server/routes";

export const dynamic = "force-dynamic";

// Ids are cuids; anything else is not worth a database query.
const params = z.object({ readingId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
const query = z.object({ download: z.literal("1").optional() });

export const GET = userRoute({ params, query }, async (user, { request, params: { readingId }, query: { download } }) =>
  readingPdfResponse(await openReadingPdf(user, readingId), download ? "attachment" : "inline", request.headers.get("if-none-match")),
);
