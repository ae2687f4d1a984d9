import { z } from "zod";
import { USES } from "./uses";

// Apart from ./uses.ts, which client components import (the sign-up and Settings forms): they load no zod.

/** A sign-up that does not say (an older form, a script) is finding a job, the first use Cadence had. */
export const usesSchema = z
  .string()
  .trim()
  .transform((value) => value || "seeking")
  .pipe(z.enum(USES, { error: "Choose what you use Cadence for." }));
