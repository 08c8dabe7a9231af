// How long an organization keeps stored files (docs/decisions/039): print-run PDFs, always for a
// number of days; scans for a number of days, or until they are erased (empty). Shared by the form
// and the server. Every refusal is one of our message keys, never zod's own wording.
import { z } from "zod";

export const RETENTION_MAX_DAYS = 3650;

const days = (prefix: "printRun" | "scan") =>
  z
    .union([z.string().max(20, `settings.retention.errors.${prefix}Whole`), z.number()], { error: `settings.retention.errors.${prefix}Whole` })
    .transform((v) => String(v).trim())
    .pipe(z.string().regex(/^(\d+)?$/, `settings.retention.errors.${prefix}Whole`));

const range = (prefix: "printRun" | "scan") =>
  z.number().min(1, `settings.retention.errors.${prefix}Range`).max(RETENTION_MAX_DAYS, `settings.retention.errors.${prefix}Range`);

export const retentionSettingsSchema = z.object({
  printRunRetentionDays: days("printRun").pipe(z.string().min(1, "settings.retention.errors.printRunRequired")).transform(Number).pipe(range("printRun")),
  /** Empty keeps scans until their response or writer is erased. */
  scanRetentionDays: days("scan")
    .transform((v) => (v === "" ? null : Number(v)))
    .pipe(range("scan").nullable()),
});
export type RetentionSettingsInput = z.input<typeof retentionSettingsSchema>;
export type RetentionSettingsValues = z.output<typeof retentionSettingsSchema>;
