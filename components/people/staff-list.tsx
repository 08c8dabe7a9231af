"use client";
// The organization's staff with their roles, and the role changes an organizer makes from here
// (docs/decisions/028). Each change is confirmed in the app's own dialog; a refusal (the last
// organizer) is shown beside the person it concerns.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { assignFacilitatorAction, makeOrganizerAction, removeFacilitatorAction, removeOrganizerAction } from "@/app/(app)/people/actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionButton } from "@/components/forms/use-action-button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";

export type StaffRow = { userId: string; name: string; email: string; organizer: boolean; groups: { slug: string; name: string; archived: boolean }[]; groupCount: number; disabled: boolean };
/** The open groups to choose from; null when the organization has too many to list: the group's address is typed. */
type Groups = { slug: string; name: string }[] | null;

export function StaffList({ organizationId, staff, groups, currentUserId }: { organizationId: string; staff: StaffRow[]; groups: Groups; currentUserId: string }) {
  const t = useTranslations("people");
  if (staff.length === 0) return <p className="mt-3 text-muted">{t("staffNone")}</p>;
  return (
    <ul className="mt-3 divide-y divide-stone-200" aria-label={t("staffTitle")}>
      {staff.map((person) => (
        <StaffItem key={person.userId} organizationId={organizationId} person={person} groups={groups} self={person.userId === currentUserId} />
      ))}
    </ul>
  );
}

function StaffItem({ organizationId, person, groups, self }: { organizationId: string; person: StaffRow; groups: Groups; self: boolean }) {
  const t = useTranslations("people");
  const tPaging = useTranslations("people.paging");
  const router = useRouter();
  const { run, pending, error } = useActionButton();
  const { confirm, dialog } = useConfirm();
  const open = groups?.filter((g) => !person.groups.some((mine) => mine.slug === g.slug)) ?? null;
  const [chosen, setChosen] = useState(open?.[0]?.slug ?? "");
  const choice = open === null ? chosen.trim() : open.some((g) => g.slug === chosen) ? chosen : (open[0]?.slug ?? "");
  const more = person.groupCount - person.groups.length;
  const groupNames = [...person.groups.map((g) => (g.archived ? t("archivedGroup", { name: g.name }) : g.name)), ...(more > 0 ? [tPaging("moreGroups", { count: more })] : [])].join(", ");

  const removeGroup = async (group: { slug: string; name: string }) => {
    if (!(await confirm({ title: t("removeFacilitator", { group: group.name }), body: <p>{t("removeFacilitatorConfirm", { name: person.name, group: group.name })}</p>, confirmLabel: t("confirmRemove"), danger: true }))) return;
    run(() => removeFacilitatorAction({ organizationId, values: { userId: person.userId, groupSlug: group.slug } }));
  };
  const makeOrganizer = async () => {
    if (!(await confirm({ title: t("makeOrganizer"), body: <p>{t("makeOrganizerConfirm", { name: person.name })}</p>, confirmLabel: t("confirmMake") }))) return;
    run(() => makeOrganizerAction({ organizationId, userId: person.userId }));
  };
  const removeOrganizer = async () => {
    const body = self ? t("removeSelfConfirm") : t("removeOrganizerConfirm", { name: person.name });
    if (!(await confirm({ title: t("removeOrganizer"), body: <p>{body}</p>, confirmLabel: t("confirmRemove"), danger: true }))) return;
    run(async () => {
      const result = await removeOrganizerAction({ organizationId, userId: person.userId });
      // Having removed themselves, the caller can no longer see this page.
      if (result.ok && result.data.self) router.replace("/");
      return result;
    });
  };

  return (
    <li className="py-4">
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-semibold break-words">{person.name}</span>
        {self && <span className="text-sm text-muted">{t("you")}</span>}
        <span className="min-w-0 text-sm break-all text-muted">{person.email}</span>
      </p>
      <p className="mt-1 flex flex-wrap gap-2 text-sm">
        {person.organizer && <span className="rounded-full bg-accent/10 px-2 py-0.5 font-medium text-accent">{t("organizer")}</span>}
        {person.groups.length > 0 && <span className="py-0.5">{t("facilitatorOf", { groups: groupNames })}</span>}
        {person.disabled && <span className="py-0.5 text-danger">{t("disabled")}</span>}
      </p>
      <FormAlert message={error} />
      <details className="mt-2">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-accent">{t("manage", { name: person.name })}</summary>
        <div className="mt-2 space-y-3">
          {open === null ? (
            <div className="flex flex-wrap items-end gap-2">
              <label className="block min-w-0 text-sm">
                <span className="font-medium">{t("assignLabel")}</span>
                <span className="block text-muted">{tPaging("groupAddressHint")}</span>
                <input value={chosen} onChange={(e) => setChosen(e.target.value)} maxLength={100} autoCapitalize="none" spellCheck={false} aria-label={`${t("assignLabel")}: ${tPaging("groupAddress")}`} className="mt-1 block min-h-11 w-64 max-w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base" />
              </label>
              <Button variant="secondary" disabled={pending || !choice} onClick={() => run(() => assignFacilitatorAction({ organizationId, values: { userId: person.userId, groupSlug: choice } }))}>
                {pending ? t("assigning") : t("assign")}
              </Button>
            </div>
          ) : open.length > 0 ? (
            <div className="flex flex-wrap items-end gap-2">
              <label className="block text-sm">
                <span className="font-medium">{t("assignLabel")}</span>
                <select value={choice} onChange={(e) => setChosen(e.target.value)} className="mt-1 block min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base">
                  {open.map((g) => (
                    <option key={g.slug} value={g.slug}>
                      {g.name}
                    </option>
                  ))}
                </select>
              </label>
              <Button variant="secondary" disabled={pending || !choice} onClick={() => run(() => assignFacilitatorAction({ organizationId, values: { userId: person.userId, groupSlug: choice } }))}>
                {pending ? t("assigning") : t("assign")}
              </Button>
            </div>
          ) : (
            <p className="text-sm text-muted">{t("assignNone")}</p>
          )}
          {person.groups.length > 0 && (
            <ul className="flex flex-wrap gap-2">
              {person.groups.map((g) => (
                <li key={g.slug}>
                  <Button variant="secondary" disabled={pending} onClick={() => removeGroup(g)}>
                    {t("removeFacilitator", { group: g.name })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <p>
            {person.organizer ? (
              <Button variant="secondary" disabled={pending} onClick={removeOrganizer}>
                {t("removeOrganizer")}
              </Button>
            ) : (
              <Button variant="secondary" disabled={pending || person.disabled} onClick={makeOrganizer}>
                {t("makeOrganizer")}
              </Button>
            )}
          </p>
        </div>
      </details>
      {dialog}
    </li>
  );
}
