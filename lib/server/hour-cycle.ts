import "server-only";
import { headers } from "next/headers";
import { hourCycleOf, type HourCycle } from "@/lib/format";

/** The hour cycle of the person asking: their browser's first language (Accept-Language), as its pickers show time. */
export async function requestHourCycle(): Promise<HourCycle> {
  return hourCycleOf((await headers()).get("accept-language"));
}
