import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GroupForm } from "@/components/groups/group-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { requireUser } from "@/lib/auth/session";
import { organizerOrganizationIds } from "@/lib/authz";
import { listOrganizationCourses } from "@/lib/data/group-admin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("groupAdmin"))("newTitle") };
}

export default async function NewGroupPage() {
  const user = await requireUser("/groups/new");
  // An organizer of several organizations creates in the first; the form names it in its input.
  const [organizationId] = await organizerOrganizationIds(user);
  if (!organizationId) notFound();
  const [courses, t, tLevels] = await Promise.all([listOrganizationCourses(organizationId), getTranslations("groupAdmin"), getTranslations("levels")]);
  return (
    <ClientMessages namespaces={["groupAdmin.form", "groupAdmin.errors", "groupAdmin.validation"]}>
      <p>
        <Link href="/" className="text-sm text-accent underline underline-offset-4">
          {t("backToGroups")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("newTitle")}</h1>
      {courses.length === 0 ? (
        <p className="mt-6 rounded-md border border-stone-200 bg-white p-4">
          {t("noCourses")}{" "}
          <Link href="/courses" className="text-accent underline underline-offset-4">
            /courses
          </Link>
        </p>
      ) : (
        <GroupForm
          target={{ organizationId }}
          courses={courses}
          levelLabels={{ INTRODUCTORY: tLevels("INTRODUCTORY"), INTERMEDIATE: tLevels("INTERMEDIATE"), ADVANCED: tLevels("ADVANCED") }}
          initial={{ name: "", slug: "", level: "INTRODUCTORY", courseId: courses[0]!.id, turnaroundDays: "", packEveryWeeks: "4" }}
        />
      )}
    </ClientMessages>
  );
}
