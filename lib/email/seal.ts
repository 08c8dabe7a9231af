// Secrets that must wait in the job queue (an invitation's token, needed to write its link into
// the e-mail) are sealed with AES-256-GCM under a key derived from AUTH_SECRET, so the queue's
// table in a database copy holds no usable link, as the Invitation table holds only hashes.
import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

function key(): Buffer | null {
  const secret = env().AUTH_SECRET;
  return secret ? createHash("sha256").update(`studypack:queued-secret:${secret}`).digest() : null;
}

/** The sealed text, or null when no AUTH_SECRET is set (then nothing can wait in the queue). */
export function seal(plain: string): string | null {
  const k = key();
  if (!k) return null;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", k, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

/** The plain text, or null if it was sealed under another secret or tampered with. */
export function unseal(sealed: string): string | null {
  const k = key();
  const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
  if (!k || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", k, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
