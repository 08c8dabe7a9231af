// The member page's "Password" section, for organizers and members who have a login: makes a
// one-time reset link to copy. Brings its own messages, so the page needs one line for it.
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PasswordResetLink } from "@/components/members/password-reset-link";

export async function PasswordResetSection({ groupSlug, memberId, penName }: { groupSlug: string; memberId: string; penName: string }) {
  const t = await getTranslations("passwordReset.organizer");
  return (
    <ClientMessages namespaces={["passwordReset.organizer", "passwordReset.errors"]}>
      <section aria-labelledby="password-reset" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="password-reset" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <PasswordResetLink groupSlug={groupSlug} memberId={memberId} penName={penName} />
      </section>
    </ClientMessages>
  );
}
