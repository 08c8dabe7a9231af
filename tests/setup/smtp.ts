// A real SMTP server on loopback for tests of outgoing e-mail (smtp-server, the server half of
// nodemailer's project): messages arrive over a real socket and are read back here.
import { SMTPServer } from "smtp-server";
import { resetEnvCacheForTests } from "@/lib/env";

export type ReceivedEmail = { from: string; to: string[]; subject: string; text: string; raw: string };

export type TestSmtpServer = {
  url: string;
  messages: ReceivedEmail[];
  /** Every later connection is refused with a 421, to test a server that fails. */
  failFromNowOn(): void;
  close(): Promise<void>;
};

/** Undo quoted-printable soft breaks and escapes, so a test can look for a whole link. */
function decodeQuotedPrintable(body: string): string {
  return body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function parse(raw: string, from: string, to: string[]): ReceivedEmail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => head.split("\r\n").find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.slice(name.length + 1).trim() ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const bytes = encoding === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("latin1") : encoding === "quoted-printable" ? decodeQuotedPrintable(body) : body;
  const text = Buffer.from(bytes, "latin1").toString("utf8");
  // Whitespace between two encoded words is folding, not text (RFC 2047 §6.2).
  const subject = header("Subject").replace(/\?=\s+=\?/g, "?==?").replace(/=\?utf-8\?([QB])\?(.*?)\?=/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : Buffer.from(decodeQuotedPrintable(data.replace(/_/g, " ")), "latin1").toString("utf8"),
  );
  return { from, to, subject, text, raw };
}

/** Starts the server and points this process's SMTP_URL/SMTP_FROM at it. */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedEmail[] = [];
  let failing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      callback(failing ? Object.assign(new Error("Service not available"), { responseCode: 421 }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        messages.push(parse(Buffer.concat(chunks).toString("latin1"), from, session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const url = `smtp://127.0.0.1:${port}`;
  process.env.SMTP_URL = url;
  process.env.SMTP_FROM = "Studypack <no-reply@studypack.test>";
  resetEnvCacheForTests();
  return {
    url,
    messages,
    failFromNowOn: () => {
      failing = true;
    },
    close: async () => {
      delete process.env.SMTP_URL;
      delete process.env.SMTP_FROM;
      resetEnvCacheForTests();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
