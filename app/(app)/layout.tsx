import { AppHeader } from "@/components/layout/app-header";
import { getCurrentUser } from "@/lib/auth/session";
import { headerFacts } from "@/lib/data/header";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Each page calls requireUser() with its own path, so signing in returns there; the layout
  // only decides whether to show the header.
  const user = await getCurrentUser();
  if (!user) return <>{children}</>;
  // A column for reading (max-w-3xl); a page of wide tables (the dashboard, the progress matrix)
  // marks an element `data-wide`, and the header and the column widen with it (CSS :has), so a
  // desktop shows the tables whole instead of scrolling them sideways in a narrow box.
  return (
    <div className="group/app min-h-screen">
      <AppHeader userName={user.name} facts={await headerFacts(user)} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8 group-has-[[data-wide]]/app:max-w-6xl">
        {children}
      </main>
    </div>
  );
}
