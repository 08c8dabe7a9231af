"use server";
// Roster import: check a file (writes nothing but the audit entry), then import it. Both take
// the file's text; the import checks it again, so a tampered or stale preview changes nothing.
// Organizers of the organization `organizationId` names.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { invitationPath } from "@/lib/data/invitations";
import { importRoster, previewRoster } from "@/lib/data/roster";
import { MAX_ROSTER_BYTES } from "@/lib/roster/csv";
import { organizationAction } from "@/lib/server/actions";

// A little more than the byte limit in UTF-16 code units; the exact limit is checked on the bytes.
const csv = z.string().max(MAX_ROSTER_BYTES + 1, "roster.file.tooLarge");
const organizationId = z.string().min(1).max(64);

export type ImportedInvitation = { id: string; email: string; penName: string; groupName: string; path: string; expiresAt: string; emailed: boolean };

export const previewRosterAction = organizationAction(z.object({ organizationId, csv }), async (ctx, values) =>
  previewRoster(ctx.user, ctx.organization.id, values.csv),
);

export const importRosterAction = organizationAction(
  z.object({ organizationId, csv, mode: z.enum(["validRows", "allOrNothing"]) }),
  async (ctx, values) => {
    const result = await importRoster(ctx.user, ctx.organization.id, values.csv, values.mode);
    revalidatePath("/groups", "layout");
    return {
      counts: result.counts,
      invalidRows: result.invalidRows,
      invitations: result.invitations.map(
        (i): ImportedInvitation => ({ id: i.id, email: i.email, penName: i.penName, groupName: i.groupName, path: invitationPath(i.token), expiresAt: i.expiresAt.toISOString(), emailed: i.emailQueued }),
      ),
    };
  },
);
