"use server";
// First-run setup. Public by nature (nobody can sign in yet): the one-time link's token is the
// permission, checked with the rest inside lib/data/first-run.ts in one transaction.
import { z } from "zod";
import { db } from "@/lib/db";
import { setUpOrganization } from "@/lib/data/first-run";
import { publicAction } from "@/lib/server/actions";
import { setupSchema } from "@/lib/validations/setup";

export const setUpAction = publicAction(z.object({ token: z.string().min(1).max(200), values: setupSchema }), async (_user, { token, values }) => {
  const { email } = await setUpOrganization(db, values, { token });
  return { email };
});
