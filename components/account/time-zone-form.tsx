"use client";
// The person's own time zone, for someone who lives somewhere other than their organization
// (a facilitator far from the program). Dates and times are then shown in it; what counts as
// "today" for a group's due dates stays the group's organization's.
import { useTranslations } from "next-intl";
import { setTimeZoneAction } from "@/app/(app)/account/actions";
import { SettingSelectForm } from "@/components/account/setting-select-form";

export function TimeZoneForm({ current, timeZones }: { current: string; timeZones: string[] }) {
  const t = useTranslations("account.timeZone");
  return (
    <SettingSelectForm
      title={t("title")}
      label={t("label")}
      hint={t("hint")}
      current={current}
      options={[{ value: "", label: t("organization") }, ...timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))]}
      save={(timeZone) => setTimeZoneAction({ timeZone })}
      labels={{ save: t("save"), saved: t("saved") }}
    />
  );
}
