// Hashing: argon2id for new passwords, old bcrypt hashes still verify, and nothing is cut off.
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { ARGON2_OPTIONS, BCRYPT_MAX_BYTES, hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";

describe("password hashes", () => {
  it("are argon2id with the chosen settings, and verify only the exact password", async () => {
    const stored = await hashPassword("a quiet river under the bridge");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
    expect(ARGON2_OPTIONS.memoryCost).toBe(65_536);
    expect(await verifyPassword("a quiet river under the bridge", stored)).toBe(true);
    expect(await verifyPassword("a quiet river under the bridge ", stored)).toBe(false);
    expect(needsRehash("a quiet river under the bridge", stored)).toBe(false);
  });

  it("read the whole of a 200-character password: a change in its last character is a wrong password", async () => {
    const long = "é".repeat(199) + "a"; // 400 bytes in UTF-8, far past bcrypt's 72
    const stored = await hashPassword(long);
    expect(await verifyPassword(long, stored)).toBe(true);
    expect(await verifyPassword("é".repeat(199) + "b", stored)).toBe(false);
    expect(await verifyPassword("é".repeat(199), stored)).toBe(false);
  });

  it("still verify old bcrypt hashes, which are due for an upgrade when the password is known whole", async () => {
    const stored = await bcrypt.hash("studypack-demo", 4);
    expect(await verifyPassword("studypack-demo", stored)).toBe(true);
    expect(await verifyPassword("studypack-dem0", stored)).toBe(false);
    expect(needsRehash("studypack-demo", stored)).toBe(true);
    // From 72 bytes on, bcrypt matched only a prefix: the typed text may not be the password.
    const long = "x".repeat(BCRYPT_MAX_BYTES) + " and more";
    const longStored = await bcrypt.hash(long, 4);
    expect(await verifyPassword("x".repeat(BCRYPT_MAX_BYTES) + " something else", longStored)).toBe(true);
    expect(needsRehash(long, longStored)).toBe(false);
  });

  it("treat no hash and a malformed hash as a wrong password", async () => {
    expect(await verifyPassword("anything at all", null)).toBe(false);
    expect(await verifyPassword("anything at all", "not a hash")).toBe(false);
    expect(await verifyPassword("anything at all", "$argon2id$v=19$m=65536,t=3,p=1$broken")).toBe(false);
  });

  it("are due for a rehash when made with other argon2 settings", async () => {
    expect(needsRehash("x", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")).toBe(true);
  });
});
