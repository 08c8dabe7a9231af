import { AppHeader } from "@/components/layout/app-header";
import { getCurrentUser } from "@/lib/auth/session";
import { headerFacts } from "@/lib/data/header";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Each page calls requireUser() with its own path, so signing in returns there; the layout
  // only decides whether to show the header.
  const user = await getCurrentUser();
  if (!user) return <>{children}</>;
  return (
    <div className="min-h-screen">
      <AppHeader userName={user.name} facts={await headerFacts(user)} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
