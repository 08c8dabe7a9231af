// Every environment variable Studypack reads, parsed once with zod. Nothing else reads
// process.env (the launcher in scripts/ and prisma.config.ts are tools, not the app).
// A bad value stops the server at start with a message naming the variable.
import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** When unset, the launcher starts an embedded PostgreSQL and sets this for the web process. */
  DATABASE_URL: postgresUrl.optional(),
  /** Signs session tokens. The launcher makes one in .data/ when it is unset. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  /** The address people use to reach the app, e.g. https://studypack.example.org */
  NEXTAUTH_URL: z.url({ protocol: /^https?$/, message: "must be a full URL such as http://localhost:3000" }).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * Next.js server processes `npm start` runs on PORT (node:cluster shares the port). Web
   * processes are stateless (sessions in cookies, data in PostgreSQL, files in S3 when several
   * machines share them), so more than one may run; see docs/decisions/014-submit-path.md.
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1, "must be at least 1").max(64, "must be at most 64").default(1),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  EMBEDDED_PG_DIR: z.string().min(1).default(".data/postgres"),
  /**
   * Whether `npm start` loads the demo data into an empty embedded database. "off" starts a real
   * program empty (first-run setup). With DATABASE_URL no demo data is ever loaded.
   */
  DEMO_DATA: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on"),
  /** Where uploaded files and generated PDFs are kept when no S3 bucket is configured. */
  STORAGE_DIR: z.string().min(1).default(".data/files"),
  /** S3-compatible storage (all four, or none): lets several web processes share files. */
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  /** Largest scan a facilitator may upload. */
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(24, "must be at most 24 (an upload is held in memory while it is checked)").default(15),
  /**
   * Largest PDF reading an author may upload (a scanned chapter is often 20–40 MB). Held in
   * memory while it is checked (docs/decisions/029-pdf-readings.md), hence the ceiling.
   */
  MAX_READING_MB: z.coerce.number().int().min(1).max(100, "must be at most 100 (an upload is held in memory while it is checked)").default(40),
  /**
   * Outgoing e-mail (invitations, notifications), e.g. smtp://user:password@mail.example.org:587
   * or smtps://…:465. Unset: nothing is e-mailed and links are shown to copy instead.
   */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, message: "must look like smtp://user:password@host:587 or smtps://user:password@host:465" })
    .optional(),
  /** The sender of those e-mails, e.g. "Studypack <no-reply@example.org>". Needed with SMTP_URL. */
  SMTP_FROM: z.string().trim().min(3).optional(),
  /** Hours a sign-in lasts. */
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /**
   * Hours a sign-in of an organizer lasts (they see every member's legal name and address), at
   * most SESSION_MAX_AGE_HOURS. Unset: the same as SESSION_MAX_AGE_HOURS.
   */
  ORGANIZER_SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 30).optional(),
  /**
   * The reverse proxies in front of the app (addresses or CIDR ranges, comma-separated), e.g.
   * "10.0.0.5, 10.1.0.0/16". Only these may say, in X-Forwarded-For, whom they forward for;
   * sign-in throttling counts by the client address read that way (lib/auth/client-address.ts).
   */
  TRUSTED_PROXIES: z
    .string()
    .transform((v) => v.split(",").map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { message: "must be IP addresses or CIDR ranges, comma-separated, e.g. 10.0.0.5, 10.1.0.0/16" })))
    .default([]),

  // Backup and restore (issue 18, docs/decisions/036-backup-and-restore.md).
  /** Where `npm run backup` without a file name, and the daily backups, write their files. */
  BACKUP_DIR: z.string().min(1).default(".data/backups"),
  /** "on": the app makes a backup every day at 03:15 UTC into BACKUP_DIR (embedded database and files). */
  BACKUP_DAILY: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("off"),
  /** How many daily backups to keep; older daily ones are deleted after a new one is made. */
  BACKUP_KEEP: z.coerce.number().int().min(1, "must be at least 1").max(366, "must be at most 366").default(7),

  // --- The launcher (issue 18, point 3; docs/decisions/037-launcher-and-crashes.md) ---
  /**
   * How many times `npm start` restarts an embedded PostgreSQL that crashed within ten minutes;
   * one crash more, or a restart that does not come up, stops Studypack with a non-zero code so
   * that its supervisor (systemd) starts it afresh and the failure shows.
   */
  EMBEDDED_PG_RESTARTS: z.coerce.number().int().min(0).max(100).default(3),

  /**
   * "1": a message that is missing or cannot be formatted fails the page instead of showing its
   * key (i18n/request.ts). The browser tests' server sets it; leave it unset in production.
   */
  STUDYPACK_STRICT_MESSAGES: z.enum(["0", "1"]).default("0"),

  // --- Overload (issue 18, point 5; lib/server/admission.ts, docs/decisions/038-overload.md) ---
  /**
   * Requests whose work one web process runs at once; more wait in a short queue or are answered
   * 503 with Retry-After. Sized to the process's database connections (10, lib/db.ts). 0 = no limit.
   */
  ADMISSION_MAX_IN_FLIGHT: z.coerce.number().int().min(0).max(1000).default(10),
  /** Requests that may wait for a turn beyond those; the rest are refused at once. */
  ADMISSION_MAX_QUEUE: z.coerce.number().int().min(0).max(10_000).default(20),
  /** How long a request may wait for a turn before it is refused (milliseconds). */
  ADMISSION_MAX_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  /** The Retry-After of a refusal (seconds). */
  ADMISSION_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(120).default(1),
  /** Above this event-loop delay (ms), a request that finds no free turn is refused instead of waiting. 0 = off. */
  ADMISSION_MAX_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(0),

  // ── Memory (issue 19, docs/decisions/044) ──
  /**
   * V8's old-space limit of each Next.js server process `npm start` runs (MB), so its memory
   * levels off instead of growing to what V8 allows before it collects hard. 0 = V8's default.
   */
  WEB_MAX_HEAP_MB: z.coerce.number().int().min(0).max(65_536).default(512),
})
  .refine((e) => !e.SMTP_URL || e.SMTP_FROM, { path: ["SMTP_FROM"], message: "must be set when SMTP_URL is set (the address e-mails come from)" })
  .refine((e) => (e.ORGANIZER_SESSION_MAX_AGE_HOURS ?? 0) <= e.SESSION_MAX_AGE_HOURS, {
    path: ["ORGANIZER_SESSION_MAX_AGE_HOURS"],
    message: "must be at most SESSION_MAX_AGE_HOURS (an organizer's sign-in may be shorter, not longer)",
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Studypack cannot start: some settings are wrong.\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment; exported for tests and the launcher. Throws EnvError. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset: `DATABASE_URL= npm start` means "no database URL".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** Forget the parsed environment, so the next env() reads process.env again. For tests only. */
export function resetEnvCacheForTests(): void {
  cached = undefined;
}

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The database URL of the web process; the launcher always provides one. */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new EnvError([
      "DATABASE_URL: not set. Start the app with `npm start` (which starts an embedded PostgreSQL) or set DATABASE_URL.",
    ]);
  }
  return url;
}
