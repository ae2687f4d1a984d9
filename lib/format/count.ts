// English has two plural forms ("one", "other"); PluralRules says which a count takes (0 is "other").
const englishPlurals = new Intl.PluralRules("en");

/** The wording for `count`: byCount(n, "it", "them"), byCount(n, "1 row has", `${n} rows have`). */
export function byCount<T>(count: number, one: T, other: T): T {
  return englishPlurals.select(count) === "one" ? one : other;
}

/** "1 lead", "3 leads", "0 leads"; an irregular plural is given: plural(2, "touch", "touches"). */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${count} ${byCount(count, one, other)}`;
}

/** Progress towards a goal, the noun agreeing with the count done: "2 touches of 1", "1 touch of 5", "0 touches of 1". */
export function countOfGoal(count: number, goal: number, one: string, other = `${one}s`): string {
  return `${plural(count, one, other)} of ${goal}`;
}

/** "25%" for a share between 0 and 1. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
