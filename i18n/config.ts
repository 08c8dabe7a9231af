// Locales of the UI (PRODUCT.md: the member-facing UI and the pack PDF are in English and
// Spanish). Every catalog file exists in each (i18n/catalog-parity.test.ts).
export const LOCALES = ["en", "es"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";

/**
 * The catalog is split by area so that each area's text has one owner; the files are merged
 * into one set of messages. Top-level keys must not repeat across files.
 */
export const MESSAGE_FILES = ["common", "authoring", "packs", "mail", "settings", "audit", "progress", "discussion", "roster", "groups", "people", "memberHome", "week", "emessage", "emessageReply", "certificates"] as const;
