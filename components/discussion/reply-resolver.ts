// The reply form's check in the browser: zod and the schema shared with the server action. Its
// own module so the form can load it when first needed instead of with the discussion page
// (reply-form.tsx; docs/decisions/042-light-member-pages.md).
import { zodResolver } from "@hookform/resolvers/zod";
import { replySchema } from "@/lib/validations/discussion";

export const replyFormSchema = replySchema.pick({ body: true });

export const replyResolver = zodResolver(replyFormSchema);
