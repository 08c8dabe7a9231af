import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SelectField } from "@/components/forms/select-field";
import { OrganizationPicker } from "@/components/organizations/organization-picker";
import { TextField } from "@/components/forms/text-field";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listAuditEntries, recordAuditView } from "@/lib/data/audit-log";
import { auditQuery, parseAuditFilters, parseCursor, type AuditFilters } from "@/lib/validations/audit";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A short, one-line reading of an entry's details: `key: value` pairs, nested keys dotted. */
function summarize(details: unknown): string {
  const parts: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (parts.length >= 8) return;
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      const items = value.filter((v) => v === null || typeof v !== "object").map(String);
      if (items.length) parts.push(path ? `${path}: ${items.join(", ")}` : items.join(", "));
      return;
    }
    if (typeof value === "object") {
      for (const [key, child] of Object.entries(value as Record<string, Json>)) walk(child, path ? `${path}.${key}` : key);
      return;
    }
    parts.push(path ? `${path}: ${String(value)}` : String(value));
  };
  walk(details, "");
  const text = parts.join(" · ");
  return text.length > 240 ? `${text.slice(0, 239)}…` : text;
}

/** The select's choices, plus the current value when it is not among them (so the form shows what is applied). */
function choices(any: string, items: { value: string; label: string }[], current: string | undefined, unknown: string) {
  const list = [{ value: "", label: any }, ...items];
  if (current && !items.some((i) => i.value === current)) list.push({ value: current, label: unknown });
  return list;
}

export default async function AuditPage({ searchParams }: Props) {
  const filters = parseAuditFilters(await searchParams);
  const query = auditQuery(filters);
  const user = await requireUser(query ? `/audit?${query}` : "/audit");
  const result = await listAuditEntries(user, filters).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  const { organizations, organization, entries, nextCursor, options } = result;
  // Legal names are on this page: the look is recorded.
  await recordAuditView(user, organization.id, filters);
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);

  const org: AuditFilters = organizations.length > 1 ? { org: organization.id } : {};
  const current: AuditFilters = { ...filters, ...org, before: undefined };
  const href = (f: AuditFilters) => {
    const q = auditQuery(f);
    return q ? `/audit?${q}` : "/audit";
  };
  const label = (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action);
  const when = (d: Date) => format.dateTime(d, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" });
  const filtered = Boolean(filters.action || filters.groupId || filters.personId || filters.actorId || filters.from || filters.to);
  const nextBefore = nextCursor ? parseCursor(nextCursor) : undefined;

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      <OrganizationPicker path="/audit" label={t("chooseOrganization")} organizations={organizations} currentId={organization.id} />

      <form method="get" action="/audit" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <fieldset>
          <legend className="text-lg font-semibold">{t("filters.legend")}</legend>
          {organizations.length > 1 && <input type="hidden" name="org" value={organization.id} />}
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t("filters.action")}
              name="action"
              defaultValue={filters.action ?? ""}
              options={choices(t("filters.any"), options.actions.map((a) => ({ value: a, label: label(a) })), filters.action, filters.action ?? "")}
            />
            <SelectField
              label={t("filters.group")}
              name="group"
              defaultValue={filters.groupId ?? ""}
              options={choices(t("filters.any"), options.groups.map((g) => ({ value: g.id, label: g.name })), filters.groupId, t("unknownGroup"))}
            />
            <SelectField
              label={t("filters.person")}
              name="person"
              defaultValue={filters.personId ?? ""}
              options={choices(t("filters.any"), options.people.map((p) => ({ value: p.id, label: p.legalName })), filters.personId, t("unknownPerson"))}
            />
            <SelectField
              label={t("filters.actor")}
              name="actor"
              defaultValue={filters.actorId ?? ""}
              options={choices(t("filters.any"), options.actors.map((a) => ({ value: a.id, label: a.name })), filters.actorId, t("system"))}
            />
            <TextField label={t("filters.from")} name="from" type="date" defaultValue={filters.from ?? ""} className="min-w-0" />
            <TextField label={t("filters.to")} name="to" type="date" defaultValue={filters.to ?? ""} className="min-w-0" />
          </div>
          {(options.more.groups || options.more.people || options.more.actors) && <p className="mt-3 text-sm text-muted">{t("filters.more")}</p>}
          <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
            <button type="submit" className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 font-medium text-white hover:bg-accent-strong">
              {t("filters.apply")}
            </button>
            {filtered && (
              <Link href={href(org)} className="inline-block py-2 text-accent underline underline-offset-4">
                {t("filters.clear")}
              </Link>
            )}
          </div>
        </fieldset>
      </form>

      <p className="mt-6 text-sm text-muted">{t("timesInUtc")}</p>
      {entries.length === 0 && <p className="mt-4">{filters.before ? t("noMore") : t("none")}</p>}
      <ol className="mt-4 space-y-3">
        {entries.map((e) => {
          const details = summarize(e.details);
          return (
            <li key={e.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <p className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <span className="font-semibold">{label(e.action)}</span>
                <time dateTime={e.createdAt.toISOString()} className="text-sm text-muted">
                  {when(e.createdAt)}
                </time>
              </p>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-muted">{t("who")}</dt>
                <dd className="min-w-0 break-words">
                  {e.actor ? e.actor.name : t("system")}
                  {e.actor && filters.actorId !== e.actor.id && (
                    <>
                      {" · "}
                      <Link href={href({ ...current, actorId: e.actor.id })} className="text-accent underline underline-offset-4">
                        {t("actorEntries")}
                      </Link>
                    </>
                  )}
                </dd>
                {e.group && (
                  <>
                    <dt className="text-muted">{t("which")}</dt>
                    <dd className="min-w-0 break-words">
                      {e.group.name}
                      {filters.groupId !== e.group.id && (
                        <>
                          {" · "}
                          <Link href={href({ ...current, groupId: e.group.id })} className="text-accent underline underline-offset-4">
                            {t("groupEntries")}
                          </Link>
                        </>
                      )}
                    </dd>
                  </>
                )}
                {e.person && (
                  <>
                    <dt className="text-muted">{t("whom")}</dt>
                    <dd className="min-w-0 break-words">
                      {e.person.erased ? t("erasedPerson") : e.person.legalName}
                      {filters.personId !== e.person.id && (
                        <>
                          {" · "}
                          <Link href={href({ ...current, personId: e.person.id })} className="text-accent underline underline-offset-4">
                            {t("personEntries")}
                          </Link>
                        </>
                      )}
                    </dd>
                  </>
                )}
                {details && (
                  <>
                    <dt className="text-muted">{t("details")}</dt>
                    <dd className="min-w-0 break-words">{details}</dd>
                  </>
                )}
              </dl>
            </li>
          );
        })}
      </ol>
      <nav aria-label={t("title")} className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        {filters.before && (
          <Link href={href(current)} className="inline-block py-2 text-accent underline underline-offset-4">
            {t("newest")}
          </Link>
        )}
        {nextBefore && (
          <Link href={href({ ...current, before: nextBefore })} className="inline-block py-2 text-accent underline underline-offset-4">
            {t("older")}
          </Link>
        )}
      </nav>
    </>
  );
}
