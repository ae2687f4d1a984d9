// Property-based tests of the calendar feed actions (docs/reliability.md, "Bad input"): generated forms
// through the real actions on a real database. See test/fuzz/session.ts for what is mocked
// (Auth.js's cookies, Next's request headers and cache) and why.
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { addUser, type TestUser } from "@/test/fuzz/database";
import { extraFields, toFormData } from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, runAction } from "@/test/fuzz/run";
import { actAs, session } from "@/test/fuzz/session";
import { getCalendarFeed, getCalendarFeedData, renewCalendarFeed } from "@/db/queries/calendar-feed";
import { calendarFeeds } from "@/db/schema";
import { renewCalendarFeedAction, turnOffCalendarFeedAction } from "./calendar-actions";

const test = fuzzDatabase();
let sam: TestUser;
/** Olga's own feed: whatever Sam sends, it stays as it is and keeps working. */
let olgaToken: string;

beforeEach(async () => {
  await test.fuzz.reset();
  sam = await addUser(test.db, "Sam");
  const olga = await addUser(test.db, "Olga");
  olgaToken = (await renewCalendarFeed(test.db, { userId: olga.id, now: new Date() })).token;
  await test.fuzz.watch([olga.id]);
});

/** The forms send no field: whatever a request adds is ignored. */
function call(action: () => Promise<unknown>, junk: [string, string][]) {
  return runAction(() => (action as (...args: unknown[]) => Promise<unknown>)(null, toFormData(junk)));
}

async function samsFeedRows() {
  return test.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, sam.id));
}

describe("calendar feed actions fuzz", () => {
  it("renewCalendarFeedAction gives Sam one live address, shown once, ending the one before; signed out, it sends to sign in", async () => {
    let previous: string | null = null;
    await fuzzAction(
      fc.record({ junk: extraFields, signedIn: fc.boolean() }),
      async ({ junk, signedIn }, tally) => {
        if (signedIn) actAs(sam);
        else session.current = null;
        const outcome = await test.fuzz.attempt({ fields: [], tally, neverWrites: !signedIn }, () => call(renewCalendarFeedAction, junk));
        expect(outcome.kind).toBe(signedIn ? "ok" : "redirect");
        if (outcome.kind === "redirect") expect(outcome.location).toMatch(/^\/sign-in(\?|$)/);
        if (outcome.kind !== "ok") return;
        const { feed } = outcome.result as Awaited<ReturnType<typeof renewCalendarFeedAction>>;
        const url = new URL(feed!.url);
        expect(url.origin).toBe("http://cadence.test");
        const token = /^\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(url.pathname)![1]!;
        expect(await getCalendarFeedData(test.db, { token })).not.toBeNull();
        if (previous) expect(await getCalendarFeedData(test.db, { token: previous })).toBeNull();
        previous = token;
        const rows = await samsFeedRows();
        expect(rows).toHaveLength(1);
        expect(JSON.stringify(rows)).not.toContain(token);
        expect((await getCalendarFeed(test.db, { userId: sam.id }))?.createdAt.toISOString()).toBe(feed!.createdAt);
        expect(await getCalendarFeedData(test.db, { token: olgaToken })).not.toBeNull();
      },
      { accepted: ["ok"], refused: ["redirect"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("turnOffCalendarFeedAction turns Sam's feed off (on or off before); signed out, it sends to sign in", async () => {
    await fuzzAction(
      fc.record({ junk: extraFields, signedIn: fc.boolean(), feedOn: fc.boolean() }),
      async ({ junk, signedIn, feedOn }, tally) => {
        let token: string | null = null;
        if (feedOn && (await samsFeedRows()).length === 0) {
          token = (await renewCalendarFeed(test.db, { userId: sam.id, now: new Date() })).token;
          test.fuzz.changed();
        }
        if (signedIn) actAs(sam);
        else session.current = null;
        const outcome = await test.fuzz.attempt({ fields: [], tally, neverWrites: !signedIn }, () => call(turnOffCalendarFeedAction, junk));
        expect(outcome.kind).toBe(signedIn ? "ok" : "redirect");
        if (outcome.kind === "redirect") expect(outcome.location).toMatch(/^\/sign-in(\?|$)/);
        if (outcome.kind !== "ok") return;
        expect(await samsFeedRows()).toEqual([]);
        if (token) expect(await getCalendarFeedData(test.db, { token })).toBeNull();
        expect(await getCalendarFeedData(test.db, { token: olgaToken })).not.toBeNull();
      },
      { accepted: ["ok"], refused: ["redirect"] },
    );
  }, FUZZ_TIMEOUT_MS);
});
