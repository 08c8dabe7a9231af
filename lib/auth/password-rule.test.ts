// The rule for a new password: length in the shared schema (form and server), guessability on
// the server only, each refusal a plain reason from the catalog.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { hashNewPassword, REASONS, weakPasswordReason } from "@/lib/auth/password-rule";
import { AppError } from "@/lib/errors";
import { changePasswordSchema, passwordSchema, PASSWORD_MAX_LENGTH } from "@/lib/validations/auth";
import common from "@/messages/en/common.json";

const root = path.resolve(import.meta.dirname, "..", "..");
const lengthError = (password: string) => passwordSchema.safeParse(password).error?.issues[0]?.message ?? null;
const catalog = (key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], common);

describe("a new password", () => {
  it("is refused below 10 and above 200 characters, with a plain message", () => {
    expect(lengthError("nine char")).toBe("passwordTooShort");
    expect(lengthError("x".repeat(PASSWORD_MAX_LENGTH + 1))).toBe("passwordTooLong");
    expect(catalog("validation.passwordTooShort")).toBe("Use at least 10 characters.");
    expect(catalog("validation.passwordTooLong")).toBe("Use at most 200 characters.");
  });

  it("counts characters as a person does: 200 emoji are 200 characters, and all of them count", async () => {
    const emoji = "🦉".repeat(PASSWORD_MAX_LENGTH);
    expect(lengthError(emoji)).toBeNull();
    expect(lengthError(`${emoji}🦉`)).toBe("passwordTooLong");
    const stored = await hashPassword(emoji);
    expect(await verifyPassword(emoji, stored)).toBe(true);
    expect(await verifyPassword("🦉".repeat(PASSWORD_MAX_LENGTH - 1), stored)).toBe(false);
  });

  it('refuses "password123" and other easy guesses with a reason from the catalog', () => {
    expect(lengthError("password123")).toBeNull();
    expect(weakPasswordReason("password123")).toBe("security.weak.common");
    expect(catalog("security.weak.common")).toBe("This is a commonly used password. Choose something else.");
    expect(weakPasswordReason("1234567890")).toBe("security.weak.topHundred");
    expect(weakPasswordReason("qwertyuiop12")).toMatch(/^security\.weak\./);
    expect(weakPasswordReason("abcdefghijkl")).toBe("security.weak.sequences");
    expect(weakPasswordReason("xxxxxxxxxxxx")).toBe("security.weak.simpleRepeat");
  });

  it("is weaker for containing the person's own name or e-mail", () => {
    const person = ["olivia.ortega@example.org", "Olivia Ortega"];
    for (const password of ["olivia.ortega", "Olivia Ortega!", "oliviaortega1", "olivia.ortega@example.org"]) {
      expect(weakPasswordReason(password)).toBeNull();
      expect(weakPasswordReason(password, person)).toBe("security.weak.userInputs");
    }
  });

  it("accepts a passphrase of a few unrelated words", async () => {
    expect(weakPasswordReason("river lantern copper autumn")).toBeNull();
    expect(weakPasswordReason("Seven owls read by lamplight")).toBeNull();
    const stored = await hashNewPassword("river lantern copper autumn", { field: "values.password" });
    expect(await verifyPassword("river lantern copper autumn", stored)).toBe(true);
  });

  it("is refused by hashNewPassword as a field error, so the form shows the reason beside the field", async () => {
    const error = await hashNewPassword("password123", { field: "values.password" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "INVALID", message: "security.weak.common", field: "values.password" });
  });

  it("has a message for every reason the estimator can give", () => {
    for (const reason of [...REASONS, "guessable"]) expect(typeof catalog(`security.weak.${reason}`)).toBe("string");
  });

  it("is checked without holding up the server, even at the longest (the estimate blocks the event loop)", () => {
    weakPasswordReason("warm up the estimator");
    for (const password of ["a9$Kq2!mZp".repeat(20), "1".repeat(200), "p@ssw0rd".repeat(25), "4@3$1!0".repeat(28)]) {
      const started = performance.now();
      weakPasswordReason(password);
      // About 65 ms here at worst; over 200 characters unbounded, it took up to 900 ms.
      expect(performance.now() - started).toBeLessThan(400);
    }
  });

  it("must match its confirmation on the account page", () => {
    const result = changePasswordSchema.safeParse({ currentPassword: "old one", newPassword: "river lantern copper autumn", confirmPassword: "river lantern copper" });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["confirmPassword"], message: "passwordsDiffer" })]);
  });
});

describe("the strength estimator", () => {
  // Its dictionaries are about a megabyte: no module a browser loads may reach it.
  it("is never imported by a client component, directly or through another module", () => {
    const sources = new Map<string, string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = `${dir}/${entry.name}`;
        if (entry.isDirectory() && entry.name !== "generated") walk(rel);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) sources.set(rel, readFileSync(path.join(root, rel), "utf8"));
      }
    };
    ["app", "components", "lib"].forEach(walk);
    const resolve = (spec: string) => {
      if (!spec.startsWith("@/")) return undefined;
      return ["", ".ts", ".tsx", "/index.ts"].map((ext) => spec.slice(2) + ext).find((file) => sources.has(file));
    };
    const clientFiles = [...sources].filter(([, text]) => /^(\s|\/\/[^\n]*\n)*["']use client["']/.test(text)).map(([file]) => file);
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      const text = sources.get(file)!;
      // A "use server" module reaches the browser only as references to its actions.
      if (file !== clientFiles.find((f) => f === file) && /^(\s|\/\/[^\n]*\n)*["']use server["']/.test(text)) return;
      for (const [, typeOnly, spec] of text.matchAll(/^import\s+(type\s+)?[\s\S]*?\s+from\s+"([^"]+)"/gm)) {
        if (typeOnly) continue;
        expect(spec, `${file} imports the estimator`).not.toMatch(/^@zxcvbn-ts\//);
        const target = resolve(spec!);
        if (target) visit(target);
      }
    };
    clientFiles.forEach(visit);
    expect(reached).toContain("lib/validations/auth.ts");
  });
});
