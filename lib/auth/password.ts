// Password hashes. New ones are argon2id (RFC 9106's second recommended setting: 64 MiB, three
// passes; about 45 ms here, docs/decisions/018-sessions-passwords-and-throttling.md): memory-hard,
// so guessing a stolen hash on graphics cards costs far more than bcrypt, and it reads the whole
// password, where bcrypt silently ignored everything after the 72nd byte.
//
// Hashes made before (bcrypt, "$2a$/$2b$") still verify, and are replaced by an argon2id hash at
// the next successful sign-in (lib/auth/sign-in.ts) — but only when the typed password is
// shorter than 72 bytes: from 72 bytes on, bcrypt cannot tell which characters were the
// password, so upgrading could store a longer or shorter string than the person chose.
//
// No "server-only" marker: the demo seed (prisma/seed.ts, run by tsx) hashes with it too. It
// holds no secret, and its native module could not reach a browser bundle anyway.
import { hash, verify, type Algorithm } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

/** Algorithm.Argon2id (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2 as Algorithm.Argon2id;
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 65_536, timeCost: 3, parallelism: 1 } as const;

/** Bytes bcrypt reads; a password of this length or more cannot be safely re-hashed from a bcrypt match. */
export const BCRYPT_MAX_BYTES = 72;

const isBcrypt = (stored: string) => /^\$2[aby]\$/.test(stored);

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// A real hash of a random string: comparing against it when the email is unknown makes a
// wrong email take as long as a wrong password, so timing does not tell which one was wrong.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword("no account has this password");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  if (isBcrypt(stored)) return bcrypt.compare(password, stored);
  // A malformed stored hash is a wrong password, not a crash of the sign-in.
  return verify(stored, password).catch(() => false);
}

/**
 * After `password` verified against `stored`: should the hash be replaced? Yes for bcrypt (when
 * the password is short enough to be known whole) and for argon2 made with other settings.
 */
export function needsRehash(password: string, stored: string): boolean {
  if (isBcrypt(stored)) return Buffer.byteLength(password, "utf8") < BCRYPT_MAX_BYTES;
  const { memoryCost, timeCost, parallelism } = ARGON2_OPTIONS;
  return !stored.startsWith(`$argon2id$v=19$m=${memoryCost},t=${timeCost},p=${parallelism}$`);
}
