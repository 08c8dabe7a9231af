import { getTranslations } from "next-intl/server";
import type { GroupRole } from "@/lib/permissions";

export async function RoleBadges({ roles }: { roles: readonly GroupRole[] }) {
  const t = await getTranslations("roles");
  return (
    <span className="flex flex-wrap gap-1.5">
      {roles.map((role) => (
        <span key={role} className="rounded-full border border-stone-300 bg-stone-100 px-2.5 py-0.5 text-sm">
          {t(role)}
        </span>
      ))}
    </span>
  );
}
