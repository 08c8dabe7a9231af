"use server";
// The account page's actions: about the caller's own account only (userAction).
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { changePassword, signOutEverywhere } from "@/lib/auth/password-change";
import { getCurrentSessionId } from "@/lib/auth/session";
import { setEmailPreference } from "@/lib/data/notifications";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { userAction } from "@/lib/server/actions";
import { changePasswordSchema } from "@/lib/validations/auth";
import { accountSchema } from "@/lib/validations/discussion";
import { languageChoiceSchema, ownTimeZoneSchema } from "@/lib/validations/language";
import { setOwnLanguage, setOwnTimeZone } from "@/lib/data/languages";

export const updateAccountAction = userAction(z.object({ values: accountSchema }), async (user, { values }) => {
  await setEmailPreference(user, values.emailNotifications);
  revalidatePath("/account");
  return null;
});

export const changePasswordAction = userAction(z.object({ values: changePasswordSchema }), async (user, { values }) => {
  const sessionId = await getCurrentSessionId();
  if (!sessionId) throw notFound();
  const source = clientAddress(Object.fromEntries(await headers()), env().TRUSTED_PROXIES);
  return changePassword(user, sessionId, source, values);
});

export const signOutEverywhereAction = userAction(z.object({}), async (user) => signOutEverywhere(user));

/** The caller's UI language; the next page is in it (i18n/request.ts reads it on every request). */
export const setLanguageAction = userAction(z.object({ language: languageChoiceSchema }), async (user, { language }) => {
  await setOwnLanguage(user, language);
  revalidatePath("/", "layout");
  return null;
});

/** The caller's own time zone ("" for their organization's); the next page shows times in it. */
export const setTimeZoneAction = userAction(z.object({ timeZone: ownTimeZoneSchema }), async (user, { timeZone }) => {
  await setOwnTimeZone(user, timeZone);
  revalidatePath("/", "layout");
  return null;
});
