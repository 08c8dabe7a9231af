// `npm run setup`: first-run setup from the command line, for scripted installs: the
// organization and its first organizer, the same as the setup page (lib/data/first-run.ts).
// Refused once an organizer exists. The password comes from SETUP_PASSWORD or, with
// --password-stdin, from standard input (never as an argument, which `ps` would show).
//
//   SETUP_PASSWORD=… npm run setup -- --organization "Riverside Study Network" \
//     --name "Ada Organizer" --email ada@example.org --return-address "PO Box 1|Riverside, CA 92514" \
//     --time-zone America/Los_Angeles
//
// Runs with the react-server condition (package.json) so that it may import server modules.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { MESSAGE_FILES } from "../i18n/config";
import { AppError } from "../lib/errors";
import { setupSchema } from "../lib/validations/setup";
import { clientFor } from "../prisma/seed";
import { withDatabase } from "./lib/database";

const { values: args } = parseArgs({
  options: {
    organization: { type: "string" },
    name: { type: "string" },
    email: { type: "string" },
    "return-address": { type: "string", default: "" },
    "time-zone": { type: "string", default: "UTC" },
    "password-stdin": { type: "boolean", default: false },
  },
});

/** A catalog key in the English the setup page would show (the key itself when not found). */
function english(key: string): string {
  const messages = Object.assign({}, ...MESSAGE_FILES.map((f) => JSON.parse(readFileSync(path.join("messages", "en", `${f}.json`), "utf8")) as object));
  const found = key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
  const short = (messages as { validation?: Record<string, string> }).validation?.[key];
  return typeof found === "string" ? found : (short ?? key);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

const password = args["password-stdin"] ? await readStdin() : (process.env.SETUP_PASSWORD ?? "");
const input = {
  organizationName: args.organization ?? "",
  returnAddress: (args["return-address"] ?? "").split("|").join("\n"),
  timeZone: args["time-zone"] ?? "UTC",
  name: args.name ?? "",
  email: args.email ?? "",
  password,
  confirmPassword: password,
};
const parsed = setupSchema.safeParse(input);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`setup: ${issue.path.join(".") || "input"}: ${english(issue.message)}`);
  console.error("setup: nothing was changed. Options: --organization, --name, --email, --return-address (lines separated by |), --time-zone; password in SETUP_PASSWORD or --password-stdin.");
  process.exit(2);
}

await withDatabase(async (url) => {
  const db = clientFor(url);
  try {
    const { setUpOrganization } = await import("../lib/data/first-run");
    await setUpOrganization(db, parsed.data, { commandLine: true });
    console.log(`setup: done. ${parsed.data.email} is the organizer of ${parsed.data.organizationName}; sign in with that email and password.`);
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`setup: ${english(error.message)}${error.field ? ` (${error.field})` : ""} Nothing was changed.`);
      process.exitCode = 2;
      return;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
});
