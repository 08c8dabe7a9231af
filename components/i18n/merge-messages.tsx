"use client";
// A NextIntlClientProvider given `messages` replaces its parent's messages (use-intl's
// IntlProvider: `messages ?? prevContext.messages`); timeZone, formats, now and onError are
// inherited. So the messages a <ClientMessages> sends are laid over the ones above it here, in
// the browser, and nested wrappers add up instead of hiding the base set.
import { NextIntlClientProvider, useLocale, useMessages } from "next-intl";
import { useMemo } from "react";
import { mergeMessages, type Messages } from "@/components/i18n/pick-messages";

export function MergeMessages({ messages, children }: { messages: Messages; children: React.ReactNode }) {
  const outer = useMessages() as Messages;
  const locale = useLocale();
  const merged = useMemo(() => mergeMessages(outer, messages), [outer, messages]);
  return (
    <NextIntlClientProvider locale={locale} messages={merged}>
      {children}
    </NextIntlClientProvider>
  );
}
