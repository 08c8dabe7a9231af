// Every word a certificate prints, in the member's language (the language of their packs,
// Person.locale, copied to the certificate when it is issued).
import type { Locale } from "@/lib/generated/prisma/enums";

export type CertificateLabels = {
  lang: string;
  title: string;
  certifies: string;
  hasCompleted: string;
  packs: (n: number) => string;
  hours: (n: number) => string;
  period: (from: string, to: string) => string;
  signature: string;
  completedOn: string;
  code: string;
  checkAt: (url: string) => string;
  date: (day: Date) => string;
};

const dateIn = (lang: string) => (day: Date) => new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(day);

const EN: CertificateLabels = {
  lang: "en",
  title: "Certificate of Completion",
  certifies: "This certifies that",
  hasCompleted: "has completed the course",
  packs: (n) => (n === 1 ? "1 study pack completed" : `${n} study packs completed`),
  hours: (n) => (n === 1 ? "1 hour of study" : `${n} hours of study`),
  period: (from, to) => `from ${from} to ${to}`,
  signature: "Signature",
  completedOn: "Date of completion",
  code: "Verification code",
  checkAt: (url) => `Anyone may check this certificate at ${url}`,
  date: dateIn("en-US"),
};

const ES: CertificateLabels = {
  lang: "es",
  title: "Certificado de finalización",
  certifies: "Se certifica que",
  hasCompleted: "ha completado el curso",
  packs: (n) => (n === 1 ? "1 paquete de estudio completado" : `${n} paquetes de estudio completados`),
  hours: (n) => (n === 1 ? "1 hora de estudio" : `${n} horas de estudio`),
  period: (from, to) => `del ${from} al ${to}`,
  signature: "Firma",
  completedOn: "Fecha de finalización",
  code: "Código de verificación",
  checkAt: (url) => `Cualquier persona puede verificar este certificado en ${url}`,
  date: dateIn("es"),
};

export function certificateLabels(locale: Locale | null | undefined): CertificateLabels {
  return locale === "ES" ? ES : EN;
}
