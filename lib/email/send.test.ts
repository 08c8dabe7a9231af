import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailConfigured, sendEmail } from "@/lib/email/send";
import { resetEnvCacheForTests } from "@/lib/env";
import { startTestSmtpServer, type TestSmtpServer } from "@/tests/setup/smtp";

describe("sendEmail without SMTP settings", () => {
  it("sends nothing and says it is not configured", async () => {
    delete process.env.SMTP_URL;
    resetEnvCacheForTests();
    expect(emailConfigured()).toBe(false);
    expect(await sendEmail({ to: "a@example.org", subject: "Hi", text: "Hello" })).toEqual({ sent: false, reason: "not-configured" });
  });
});

describe("sendEmail through a real SMTP server on loopback", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it("delivers the subject and a long non-ASCII text intact", async () => {
    const link = `http://localhost:3000/invitations/${"x".repeat(120)}`;
    const text = `Hola, Zoë — your pack is ready.\n\n${link}\n`;
    const result = await sendEmail({ to: "zoe@example.org", subject: "Pack 3 — “Reading together”", text });
    expect(result.sent).toBe(true);
    const received = smtp.messages.at(-1)!;
    expect(received.to).toEqual(["zoe@example.org"]);
    expect(received.from).toBe("no-reply@studypack.test");
    expect(received.subject).toBe("Pack 3 — “Reading together”");
    expect(received.text).toContain("Hola, Zoë");
    expect(received.text).toContain(link);
  });

  it("reports a failing server without throwing", async () => {
    smtp.failFromNowOn();
    const result = await sendEmail({ to: "b@example.org", subject: "Hi", text: "Hello" });
    expect(result).toMatchObject({ sent: false, reason: "failed" });
  });
});
