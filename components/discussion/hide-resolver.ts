// The hide form's check in the browser: zod and the schema shared with the server action, loaded
// when the form is first used (hide-form.tsx, components/forms/lazy-resolver.ts).
import { zodResolver } from "@hookform/resolvers/zod";
import { hideSchema } from "@/lib/validations/discussion";

export const hideFormSchema = hideSchema.pick({ reason: true });

export const hideResolver = zodResolver(hideFormSchema);
