// Locales of the UI. English now; Spanish arrives as messages/es/*.json (PRODUCT.md: the
// member-facing UI and the pack PDF are in English and Spanish).
export const LOCALES = ["en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";

/**
 * The catalog is split by area so that each area's text has one owner; the files are merged
 * into one set of messages. Top-level keys must not repeat across files.
 */
export const MESSAGE_FILES = ["common", "authoring", "packs", "mail", "settings", "audit", "progress", "discussion", "roster", "groups", "people", "memberHome", "week"] as const;
