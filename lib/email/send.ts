// Outgoing e-mail. Sent only when SMTP_URL is configured; otherwise callers show the link or
// the notification in the app instead, so e-mail is a convenience, never the only way.
// Callers do not send during a request: the e-mail job does (lib/jobs/email-job.ts, decision
// 012), and gets `{ sent: false, error }` for a failed send, which it tries again later.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type EmailMessage = {
  to: string;
  subject: string;
  /** Plain text: readable in any mail program, and what the tests read back. */
  text: string;
};

export type SendResult = { sent: true; messageId: string } | { sent: false; reason: "not-configured" | "failed"; error?: string };

let transport: { url: string; transporter: Transporter } | undefined;

function transporterFor(url: string): Transporter {
  // One pooled connection per process and URL; a changed URL (tests) gets a new one.
  if (transport?.url !== url) {
    transport?.transporter.close();
    // A server that does not answer fails the send within a minute, so the job can retry it.
    transport = { url, transporter: nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 45_000 }) };
  }
  return transport.transporter;
}

/** Whether e-mail is configured at all (so the UI can say "sent" or "copy this link"). */
export function emailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

export async function sendEmail(message: EmailMessage): Promise<SendResult> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL || !SMTP_FROM) return { sent: false, reason: "not-configured" };
  try {
    const info = await transporterFor(SMTP_URL).sendMail({ from: SMTP_FROM, to: message.to, subject: message.subject, text: message.text });
    return { sent: true, messageId: String(info.messageId) };
  } catch (error) {
    // The address or the server is at fault, not the user's action: report, do not throw.
    const text = error instanceof Error ? error.message : String(error);
    console.error(`E-mail to ${message.to} was not sent: ${text}`);
    return { sent: false, reason: "failed", error: text };
  }
}
