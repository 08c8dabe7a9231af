import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm, AcceptAsUserButton } from "@/components/auth/accept-invitation";
import { getCurrentUser } from "@/lib/auth/session";
import { describeInvitation } from "@/lib/data/invitations";
import { invitationTokenSchema } from "@/lib/validations/invitation";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitation"))("title") };
}

type Props = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("invitation");
  const tRoles = await getTranslations("roles");
  const parsed = invitationTokenSchema.safeParse(token);
  const invitation = parsed.success ? await describeInvitation(parsed.data) : { state: "unknown" as const };

  if (invitation.state !== "valid" || !invitation.email || !invitation.role) {
    return (
      <>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
          {t(`state.${invitation.state}`)}
        </p>
        <p className="mt-6">
          <Link href="/sign-in" className="text-accent underline underline-offset-4">
            {(await getTranslations("signIn"))("title")}
          </Link>
        </p>
      </>
    );
  }

  const role = tRoles(invitation.role).toLowerCase();
  const intro = invitation.groupName
    ? t("introGroup", { organization: invitation.organizationName ?? "", group: invitation.groupName, role })
    : t("intro", { organization: invitation.organizationName ?? "", role });
  const current = await getCurrentUser();
  const returnHere = `/invitations/${token}`;

  return (
    <ClientMessages namespaces={["invitation", "roster.invite.cannotResend", "roster.invite.memberLeft", "security.weak"]}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2">{intro}</p>
      {current ? (
        current.email === invitation.email ? (
          <AcceptAsUserButton token={token} label={t("acceptAsUser", { name: current.name })} />
        ) : (
          <p role="alert" className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-4">
            {t("otherUser", { email: invitation.email, current: current.email })}
          </p>
        )
      ) : invitation.accountExists ? (
        <>
          <p className="mt-6">{t("accountExists")}</p>
          <p className="mt-4">
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(returnHere)}`} className="font-medium text-accent underline underline-offset-4">
              {t("signInToAccept")}
            </Link>
          </p>
        </>
      ) : (
        <AcceptInvitationForm token={token} email={invitation.email} penName={invitation.penName ?? null} />
      )}
    </ClientMessages>
  );
}
