/**
 * A lead's cadence is 3 to 30 days: less collides with "too soon" (3 days), more is no longer a
 * weekly dialogue.
 */
export const CADENCE_RANGE_DAYS = { min: 3, max: 30 } as const;

/** A stored cadence from before the range brought inside it (for the migration of old leads). */
export function clampCadence(days: number): number {
  return Math.min(CADENCE_RANGE_DAYS.max, Math.max(CADENCE_RANGE_DAYS.min, Math.round(days)));
}
