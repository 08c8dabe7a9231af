// Sends the browser only the messages its client components use (docs/decisions/013-client-messages.md).
// The root layout provides BASE_NAMESPACES; a page, or a feature's server component, wraps the
// client components that need more in <ClientMessages namespaces={[…]}>. The list must be a
// literal array: client-messages.test.ts reads it from the source and checks it against the
// namespaces (and the server actions' message keys) of the client components inside.
import { getMessages } from "next-intl/server";
import { MergeMessages } from "@/components/i18n/merge-messages";
import { pickMessages, type Messages } from "@/components/i18n/pick-messages";

export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const messages = pickMessages((await getMessages()) as Messages, namespaces);
  return <MergeMessages messages={messages}>{children}</MergeMessages>;
}
