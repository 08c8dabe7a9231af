// The common shape of the authoring server actions: who is asking, may they edit this course
// (or create in this organization), then the shared zod schema, then the work. Not a
// "use server" module on purpose: nothing here may be callable from the browser by itself.
//
// The scope is parsed and authorized before the rest of the input is looked at, so a caller
// without access learns nothing, not even which fields would be wrong. The lib/data function
// the work calls authorizes again: it is the layer that must hold even when called from
// elsewhere, and the second check is one primary-key read.
import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { authorizeCourse, authorizeOrganization } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { courseRefSchema, idSchema } from "@/lib/validations/course";

async function guarded<Scope extends z.ZodType, S extends z.ZodType, T>(
  input: unknown,
  scope: Scope,
  authorize: (user: CurrentUser, scope: z.infer<Scope>) => Promise<unknown>,
  schema: S,
  work: (user: CurrentUser, values: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const user = await getCurrentUser();
  const access = await runAction(scope, input, async (values) => {
    if (!user) throw notFound();
    await authorize(user, values);
    return user;
  });
  if (!access.ok) return access;
  return runAction(schema, input, (values) => work(access.data, values));
}

/** For anything inside one course: `input.courseId` must be a course the caller may edit. */
export function courseAction<S extends z.ZodType, T>(input: unknown, schema: S, work: (user: CurrentUser, values: z.infer<S>) => Promise<T>) {
  return guarded(input, courseRefSchema, (user, { courseId }) => authorizeCourse(user, courseId), schema, work);
}

/** For creating a course: `input.organizationId` must be an organization the caller organizes. */
export function organizationAction<S extends z.ZodType, T>(input: unknown, schema: S, work: (user: CurrentUser, values: z.infer<S>) => Promise<T>) {
  const scope = z.object({ organizationId: idSchema });
  return guarded(input, scope, (user, { organizationId }) => authorizeOrganization(user, organizationId), schema, work);
}

/** Every page of the course editor shows the course's structure, so all of them refresh. */
export function revalidateCourse(courseId: string) {
  revalidatePath("/courses");
  revalidatePath(`/courses/${courseId}`, "layout");
}
