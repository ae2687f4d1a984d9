/** Presentation helpers, one home each: dates, counts and plurals, durations, phone links. Pure. */
export { byCount, countOfGoal, formatPercent, plural } from "./count";
export { describeWhen, formatDate, formatDay, formatHour, formatInstant, formatLongDate, formatTime, hourCycleOf, type HourCycle } from "./dates";
export { formatWait } from "./durations";
export { telHref } from "./phone";
