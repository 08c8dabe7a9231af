import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/authoring/back-link";
import { NewCourseForm } from "@/components/authoring/course-forms";
import { requireUser } from "@/lib/auth/session";
import { listCourses, organizationsForNewCourse } from "@/lib/data/courses";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("authoring.courses"))("title") };
}

export default async function CoursesPage() {
  const user = await requireUser("/courses");
  const [courses, organizations, t] = await Promise.all([listCourses(user), organizationsForNewCourse(user), getTranslations("authoring.courses")]);
  // The organization is worth naming only when someone works across several.
  const severalOrganizations = new Set(courses.map((c) => c.organizationName)).size > 1;
  return (
    <ClientMessages namespaces={["authoring.course.detailsHeading", "authoring.courses", "authoring.errors", "authoring.fields", "authoring.form", "authoring.validation"]}>
      <BackLink href="/">{t("backHome")}</BackLink>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-muted">{t("intro")}</p>
      {courses.length === 0 ? (
        <p className="mt-6 rounded-md border border-stone-200 bg-white p-4">{t("empty")}</p>
      ) : (
        <ul className="mt-6 space-y-3" aria-label={t("title")}>
          {courses.map((course) => (
            <li key={course.id}>
              <Link href={`/courses/${course.id}`} className="block rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-accent">
                <span className="block text-lg font-semibold break-words text-accent">{course.title}</span>
                <span className="mt-1 block text-sm text-muted">
                  {t("lessonCount", { count: course.lessonCount })}
                  {severalOrganizations && ` · ${course.organizationName}`}
                </span>
                {course.description && <span className="mt-2 line-clamp-2 block break-words">{course.description}</span>}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {organizations.length > 0 && (
        <section aria-labelledby="new-course" className="mt-10 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
          <h2 id="new-course" className="text-xl font-semibold">
            {t("newTitle")}
          </h2>
          <p className="mt-1 text-muted">{t("newIntro")}</p>
          <NewCourseForm organizations={organizations} />
        </section>
      )}
    </ClientMessages>
  );
}
