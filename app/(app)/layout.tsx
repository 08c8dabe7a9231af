import { AppHeader } from "@/components/layout/app-header";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Each page calls requireUser() with its own path, so signing in returns there; the layout
  // only decides whether to show the header.
  const user = await getCurrentUser();
  if (!user) return <>{children}</>;
  return (
    <div className="min-h-screen">
      <AppHeader userName={user.name} nav={await navFlags(user.id)} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}

/** Which links the header shows; the pages behind them check for themselves. */
async function navFlags(userId: string) {
  const [organizer, facilitator] = await Promise.all([
    db.organizer.findFirst({ where: { userId }, select: { id: true } }),
    db.facilitator.findFirst({ where: { userId }, select: { id: true } }),
  ]);
  return { organizer: Boolean(organizer), facilitator: Boolean(facilitator) };
}
