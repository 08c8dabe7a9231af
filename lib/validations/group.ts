import { z } from "zod";

/** A group's slug as an action's input names it (the entry layer reads it first, to authorize). */
export const groupSlugSchema = z.string().min(1).max(100);
