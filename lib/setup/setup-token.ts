// First-run setup is opened by a one-time link that the launcher prints in its log at each start
// while the installation has no organizer (scripts/serve.ts), so a stranger who reaches the port
// before the owner cannot claim the instance: they would need the log. Only the token's sha256 is
// stored; each start replaces the last link; every link dies when the first organizer is made.
// No "server-only" here: the launcher (a plain Node script) makes the links.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient, Prisma } from "../generated/prisma/client";

type Client = PrismaClient | Prisma.TransactionClient;

export const hashSetupToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Whether the installation has its first organizer (then setup is closed for good). */
export async function isSetUp(client: Client): Promise<boolean> {
  return (await client.organizer.count({ take: 1 })) > 0;
}

/** A new setup link's token, replacing any earlier one; null when setup is closed. */
export async function issueSetupToken(client: PrismaClient): Promise<string | null> {
  if (await isSetUp(client)) return null;
  const token = randomBytes(32).toString("base64url");
  await client.$transaction([client.setupToken.deleteMany({}), client.setupToken.create({ data: { tokenHash: hashSetupToken(token) } })]);
  return token;
}

/** Whether `token` opens setup now: it is the current link's and no organizer exists yet. */
export async function setupTokenIsOpen(client: Client, token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
  const row = await client.setupToken.findUnique({ where: { tokenHash: hashSetupToken(token) }, select: { id: true } });
  return row !== null && !(await isSetUp(client));
}
