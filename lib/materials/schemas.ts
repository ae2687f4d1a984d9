import { z } from "zod";
import { optionalHttpUrl } from "@/lib/leads/schemas";

export const MATERIAL_FIELDS = ["title", "url", "topic"] as const;

/** A material of the library: a title, maybe a link (http or https only), maybe a topic. */
export const materialSchema = z.object({
  title: z.string().trim().min(1, "Enter a title.").max(200, "Use at most 200 characters."),
  url: optionalHttpUrl(2000),
  topic: z.string().trim().max(100, "Use at most 100 characters."),
});
