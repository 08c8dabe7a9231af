// The credential check against the real database: a bcrypt hash becomes argon2id at the next
// successful sign-in, and every way of failing looks the same.
import bcrypt from "bcryptjs";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkCredentials } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { makeUser } from "@/tests/factories";

const storedHash = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash!;
const source = () => `198.51.100.${Math.floor(Math.random() * 200) + 1}`;

describe("checkCredentials", () => {
  it("upgrades a bcrypt hash to argon2id on a successful sign-in, and the password keeps working", async () => {
    const user = await makeUser({ passwordHash: await bcrypt.hash("studypack-demo", 4) });
    expect(await checkCredentials(user.email, "studypack-demo", source())).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name } });
    const upgraded = await storedHash(user.id);
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
    expect(await verifyPassword("studypack-demo", upgraded)).toBe(true);
    expect((await checkCredentials(user.email, "studypack-demo", source())).ok).toBe(true);
    expect(await storedHash(user.id)).toBe(upgraded);
  });

  it("leaves the hash alone after a wrong password", async () => {
    const old = await bcrypt.hash("studypack-demo", 4);
    const user = await makeUser({ passwordHash: old });
    expect(await checkCredentials(user.email, "studypack-dem0", source())).toEqual({ ok: false, reason: "invalid" });
    expect(await storedHash(user.id)).toBe(old);
  });

  it("keeps a bcrypt hash whose password reached 72 bytes (bcrypt cannot tell which text was chosen)", async () => {
    const chosen = `${"long passphrase ".repeat(5)}end`; // 83 bytes
    const old = await bcrypt.hash(chosen, 4);
    const user = await makeUser({ passwordHash: old });
    expect((await checkCredentials(user.email, chosen, source())).ok).toBe(true);
    expect(await storedHash(user.id)).toBe(old);
  });

  it("answers the same for a wrong password, an unknown email, a disabled account and one with no password", async () => {
    const user = await makeUser({ passwordHash: await hashPassword("a quiet river under the bridge") });
    const disabled = await makeUser({ passwordHash: await hashPassword("a quiet river under the bridge") });
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const noPassword = await makeUser();
    const answers = [
      await checkCredentials(user.email, "a quiet river under the bridgE", source()),
      await checkCredentials(`nobody-${randomUUID()}@example.test`, "a quiet river under the bridge", source()),
      await checkCredentials(disabled.email, "a quiet river under the bridge", source()),
      await checkCredentials(noPassword.email, "a quiet river under the bridge", source()),
    ];
    for (const answer of answers) expect(answer).toEqual({ ok: false, reason: "invalid" });
  });
});
