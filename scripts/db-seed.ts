// `npm run db:seed`: loads the demo data into DATABASE_URL, or into the embedded database when
// it is unset. Does nothing when the demo organization already exists.
import { clientFor, seedDemo } from "../prisma/seed";
import { withDatabase } from "./lib/database";

await withDatabase(async (url) => {
  const db = clientFor(url);
  try {
    const { created } = await seedDemo(db);
    console.log(created ? "Demo data loaded." : "Demo data is already there; nothing changed.");
  } finally {
    await db.$disconnect();
  }
});
