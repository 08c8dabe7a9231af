// Outgoing e-mail. Sent only when SMTP_URL is configured; otherwise callers show the link or
// the notification in the app instead, so e-mail is a convenience, never the only way.
// A failed send never undoes the change that caused it: the caller has already committed and
// gets `{ sent: false, error }` to show or log.
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
    transport = { url, transporter: nodemailer.createTransport(url) };
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
