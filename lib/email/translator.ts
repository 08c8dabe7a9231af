// The words of the e-mails Studypack sends, in the recipient's language (issue 17): a member
// whose language is Spanish gets their invitation, reset link and notifications in Spanish. The
// e-mail job runs outside any request, so the catalogs are imported here rather than read from
// the request's locale.
import "server-only";
import { createTranslator } from "next-intl";
import enCommon from "@/messages/en/common.json";
import enDiscussion from "@/messages/en/discussion.json";
import enPeople from "@/messages/en/people.json";
import enRoster from "@/messages/en/roster.json";
import enWeek from "@/messages/en/week.json";
import esCommon from "@/messages/es/common.json";
import esDiscussion from "@/messages/es/discussion.json";
import esPeople from "@/messages/es/people.json";
import esRoster from "@/messages/es/roster.json";
import esWeek from "@/messages/es/week.json";

const CATALOGS = {
  en: { ...enCommon, ...enDiscussion, ...enPeople, ...enRoster, ...enWeek },
  es: { ...esCommon, ...esDiscussion, ...esPeople, ...esRoster, ...esWeek },
};

/** A translator for one namespace of the e-mails' catalogs, in `locale` (English when not set). */
export function emailTranslator(locale: "EN" | "ES" | null | undefined, namespace: "passwordReset.email" | "notifications" | "week.notification" | "people.invitationEmail" | "roster.invitationEmail") {
  const language = locale === "ES" ? "es" : "en";
  return createTranslator({ locale: language, messages: CATALOGS[language] as typeof CATALOGS.en, namespace });
}
