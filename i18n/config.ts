// Locales of the UI. English now; Spanish arrives as messages/es.json (PRODUCT.md: the
// member-facing UI and the pack PDF are in English and Spanish).
export const LOCALES = ["en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";
