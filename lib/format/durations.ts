import { plural } from "./count";

/** How long to wait before trying again: "45 seconds" under a minute and a half, else "3 minutes". */
export function formatWait(seconds: number): string {
  if (seconds < 90) return plural(seconds, "second");
  return `${Math.ceil(seconds / 60)} minutes`;
}

