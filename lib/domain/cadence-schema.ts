import { z } from "zod";
import { CADENCE_RANGE_DAYS } from "./cadence";

// Apart from cadence.ts, and not in the lib/domain barrel: client components import the barrel's
// constants, and a zod schema there would put zod in their bundles.

const cadenceMessage = `Enter a whole number of days from ${CADENCE_RANGE_DAYS.min} to ${CADENCE_RANGE_DAYS.max}.`;

/** The cadence field of a form or CSV row (coerces "7" to 7). */
export const cadenceDaysSchema = z.coerce
  .number({ error: cadenceMessage })
  .int(cadenceMessage)
  .min(CADENCE_RANGE_DAYS.min, cadenceMessage)
  .max(CADENCE_RANGE_DAYS.max, cadenceMessage);
