import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("gives defaults for an empty environment, so `npm start` needs no configuration", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.EMBEDDED_PG_PORT).toBe(5433);
    expect(env.EMBEDDED_PG_DIR).toBe(".data/postgres");
    expect(env.SESSION_MAX_AGE_HOURS).toBe(12);
    expect(env.WEB_CONCURRENCY).toBe(1);
  });

  it("takes the number of web processes as a string", () => {
    expect(parseEnv({ WEB_CONCURRENCY: "2" }).WEB_CONCURRENCY).toBe(2);
  });

  it("accepts a PostgreSQL URL and numeric ports given as strings", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/sp", PORT: "8080", EMBEDDED_PG_PORT: "6000" });
    expect(env.DATABASE_URL).toBe("postgresql://u:p@db:5432/sp");
    expect(env.PORT).toBe(8080);
    expect(env.EMBEDDED_PG_PORT).toBe(6000);
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ["DATABASE_URL", "mysql://localhost/db", "DATABASE_URL"],
    ["PORT", "eighty", "PORT"],
    ["PORT", "70000", "PORT"],
    ["AUTH_SECRET", "short", "AUTH_SECRET"],
    ["NEXTAUTH_URL", "localhost:3000", "NEXTAUTH_URL"],
    ["SESSION_MAX_AGE_HOURS", "0", "SESSION_MAX_AGE_HOURS"],
    ["WEB_CONCURRENCY", "0", "WEB_CONCURRENCY"],
    ["WEB_CONCURRENCY", "two", "WEB_CONCURRENCY"],
    ["WEB_CONCURRENCY", "1.5", "WEB_CONCURRENCY"],
    ["TRUSTED_PROXIES", "proxy.internal", "TRUSTED_PROXIES"],
    ["TRUSTED_PROXIES", "10.0.0.5, 10.0.0.0/33", "TRUSTED_PROXIES"],
    ["ORGANIZER_SESSION_MAX_AGE_HOURS", "0", "ORGANIZER_SESSION_MAX_AGE_HOURS"],
  ])("rejects %s=%s with a message naming the variable", (name, value, named) => {
    try {
      parseEnv({ [name]: value });
      expect.fail("should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as EnvError).message).toContain(named);
      expect((error as EnvError).message).toMatch(/cannot start/);
    }
  });

  it("reads TRUSTED_PROXIES as a list of addresses and ranges, empty by default", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: "10.0.0.5, 10.1.0.0/16,::1 , fd00::/8" }).TRUSTED_PROXIES).toEqual(["10.0.0.5", "10.1.0.0/16", "::1", "fd00::/8"]);
  });

  it("lets an organizer's sign-in be shorter than everyone's, never longer", () => {
    expect(parseEnv({}).ORGANIZER_SESSION_MAX_AGE_HOURS).toBeUndefined();
    expect(parseEnv({ ORGANIZER_SESSION_MAX_AGE_HOURS: "4" }).ORGANIZER_SESSION_MAX_AGE_HOURS).toBe(4);
    expect(() => parseEnv({ ORGANIZER_SESSION_MAX_AGE_HOURS: "13" })).toThrow(/ORGANIZER_SESSION_MAX_AGE_HOURS: must be at most SESSION_MAX_AGE_HOURS/);
    expect(parseEnv({ SESSION_MAX_AGE_HOURS: "24", ORGANIZER_SESSION_MAX_AGE_HOURS: "13" }).ORGANIZER_SESSION_MAX_AGE_HOURS).toBe(13);
  });

  it("lists every bad variable at once", () => {
    expect(() => parseEnv({ PORT: "x", DATABASE_URL: "nope" })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });
});
