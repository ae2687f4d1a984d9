/**
 * The pure rules of Cadence (docs/product.md), each in one place. Every day-based rule takes the
 * touch's stored local date (`DatedTouch.localDate`), never the instant re-read in today's zone;
 * "today" is `todayIn(now, timeZone)`.
 *
 * 1. States of a lead (next due, due today / upcoming / overdue / cold, paused, closed, return
 *    from a pause, hand-set date): `leadPace` in lead-pace.ts.
 * 2. Too soon, over a whole history: `tooSoonFlags`; before saving: `isTooSoonAfter` (touch.ts).
 * 3. Quiet and its playbook: `quietState`, `quietPlaybook` (quiet.ts).
 * 4. Reply owed (due the day the inbound touch came): `leadPace`, reason "reply_owed".
 * 5. Cadence 3 to 30 days: `CADENCE_RANGE_DAYS` (cadence.ts), `cadenceDaysSchema` (cadence-schema.ts, outside this barrel: no zod in client bundles).
 * 6. What an outcome asks for next: `outcomeFollowUp` (outcome.ts); the thank-you is also a due
 *    reason of `leadPace`.
 * 7. Channel suggestion: `suggestChannelFor` (channel.ts).
 * 8. The day's work, "k of n done": `dayWork` (lib/today/day-work.ts); the planner that keeps a
 *    missed day and moves only days to come: `replanFirstContacts` (campaign.ts).
 * 9. The daily call and its streak: `dailyCall` (daily-call.ts).
 * 10. On pace: `onPaceShare` (lead-pace.ts).
 * 11. The campaign, week k of n (Monday to Sunday): `campaignFigures` (campaign.ts).
 * 12. A touch keeps its local date: `DatedTouch` (touch.ts).
 *
 * Older functions kept for current callers are marked @deprecated with their replacement.
 */
export * from "./dates";
export * from "./pace";
export * from "./touch";
export * from "./cadence";
export * from "./lead-pace";
export * from "./quiet";
export * from "./outcome";
export * from "./daily-call";
export * from "./channel";
export * from "./campaign";
