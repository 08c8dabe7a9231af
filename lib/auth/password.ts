// Passwords are hashed with bcrypt (cost 12, about a quarter of a second here): slow enough
// to make guessing a stolen hash expensive, pure JavaScript so it installs everywhere.
import bcrypt from "bcryptjs";

const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// A real hash of a random string: comparing against it when the email is unknown makes a
// wrong email take as long as a wrong password, so timing does not tell which one was wrong.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  dummyHash ??= bcrypt.hash("no account has this password", COST);
  const ok = await bcrypt.compare(password, hash ?? (await dummyHash));
  return ok && Boolean(hash);
}
