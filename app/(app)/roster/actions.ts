"use server";
// Roster import: check a file (writes nothing but the audit entry), then import it. Both take
// the file's text; the import checks it again, so a tampered or stale preview changes nothing.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { invitationPath } from "@/lib/data/invitations";
import { importRoster, previewRoster, type RosterPreview } from "@/lib/data/roster";
import { MAX_ROSTER_BYTES } from "@/lib/roster/csv";

// A little more than the byte limit in UTF-16 code units; the exact limit is checked on the bytes.
const csv = z.string().max(MAX_ROSTER_BYTES + 1, "roster.file.tooLarge");
const organizationId = z.string().min(1).max(64);

async function user() {
  const current = await getCurrentUser();
  if (!current) throw new AppError("NOT_FOUND", "errors.notFound");
  return current;
}

export async function previewRosterAction(input: unknown): Promise<ActionResult<RosterPreview>> {
  return runAction(z.object({ organizationId, csv }), input, async (values) => previewRoster(await user(), values.organizationId, values.csv));
}

export type ImportedInvitation = { id: string; email: string; penName: string; groupName: string; path: string; expiresAt: string; emailed: boolean };

export async function importRosterAction(
  input: unknown,
): Promise<ActionResult<{ counts: { new: number; enrol: number; already: number; invalid: number }; invalidRows: number[]; invitations: ImportedInvitation[] }>> {
  return runAction(z.object({ organizationId, csv, mode: z.enum(["validRows", "allOrNothing"]) }), input, async (values) => {
    const result = await importRoster(await user(), values.organizationId, values.csv, values.mode);
    revalidatePath("/groups", "layout");
    return {
      counts: result.counts,
      invalidRows: result.invalidRows,
      invitations: result.invitations.map((i) => ({ id: i.id, email: i.email, penName: i.penName, groupName: i.groupName, path: invitationPath(i.token), expiresAt: i.expiresAt.toISOString(), emailed: i.emailQueued })),
    };
  });
}
