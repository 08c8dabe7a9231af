import Link from "next/link";

/** For someone who organizes several organizations: which one a page shows (`?org=<id>`). */
export function OrganizationPicker({ path, label, organizations, currentId }: { path: string; label: string; organizations: { id: string; name: string }[]; currentId: string }) {
  if (organizations.length < 2) return null;
  const current = organizations.find((o) => o.id === currentId);
  return (
    <>
      <nav aria-label={label} className="mt-6">
        <h2 className="font-medium">{label}</h2>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
          {organizations.map((o) => (
            <li key={o.id}>
              {o.id === currentId ? (
                <span aria-current="page" className="inline-block py-2 font-semibold">
                  {o.name}
                </span>
              ) : (
                <Link href={`${path}?org=${encodeURIComponent(o.id)}`} className="inline-block py-2 text-accent underline underline-offset-4">
                  {o.name}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {current && <h2 className="mt-6 text-xl font-semibold">{current.name}</h2>}
    </>
  );
}
