import Link from "next/link";

/** The way up one level, at the top of every authoring page. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p>
      <Link href={href} className="inline-flex min-h-11 items-center gap-1 text-accent underline underline-offset-4 hover:text-accent-strong">
        <span aria-hidden="true">←</span> {children}
      </Link>
    </p>
  );
}
