// Property-based tests of the digest's link pages (docs/reliability.md, "Bad input"): generated forms
// through the real actions on a real database. See test/fuzz/session.ts for what is mocked.
import { and, eq, isNull } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { digestLinks, touches, users } from "@/db/schema";
import { CHANNELS } from "@/lib/domain";
import { hashSecretToken, newSecretToken } from "@/lib/server/secret-tokens";
import { addLeads } from "@/test/fixtures/today";
import { addUser } from "@/test/fuzz/database";
import { entriesOf, firstText, formOf, nastyText } from "@/test/fuzz/inputs";
import { FUZZ_TIMEOUT_MS, fuzzAction, fuzzDatabase, submit } from "@/test/fuzz/run";
import { actAs } from "@/test/fuzz/session";
import { logDigestTouchAction, unsubscribeDigestAction } from "./actions";

const test = fuzzDatabase();
let samId: string;
let samLead: string;
let olgaToken: string;
let expiredToken: string;
/** Sam's open links, by purpose: replaced once spent. */
const open: Record<"done" | "unsubscribe", string> = { done: "", unsubscribe: "" };

async function addLink(userId: string, purpose: "done" | "unsubscribe", { leadId = null as string | null, expiresAt = new Date(Date.now() + 86_400_000) } = {}) {
  const token = newSecretToken();
  await test.db.insert(digestLinks).values({ tokenHash: hashSecretToken(token), userId, purpose, leadId, channel: leadId ? "phone" : null, localDate: leadId ? "2026-03-02" : null, expiresAt });
  return token;
}

beforeEach(async () => {
  const { db } = test;
  await test.fuzz.reset();
  const sam = await addUser(db, "Sam");
  const olga = await addUser(db, "Olga");
  samId = sam.id;
  samLead = (await addLeads(db, { userId: sam.id, companies: ["Acme"] }))[0]!;
  const [olgaLead] = await addLeads(db, { userId: olga.id, companies: ["Olga's Globex"] });
  await db.update(users).set({ digestEnabled: true });
  olgaToken = await addLink(olga.id, "done", { leadId: olgaLead! });
  expiredToken = await addLink(sam.id, "done", { leadId: samLead!, expiresAt: new Date("2025-01-01T00:00:00Z") });
  open.done = await addLink(sam.id, "done", { leadId: samLead! });
  open.unsubscribe = await addLink(sam.id, "unsubscribe");
  await test.fuzz.watch([olga.id]);
  actAs(sam);
});

/** Sam's open link of this purpose (a fresh one once the last was spent, or his digest turned back on). */
async function openLink(purpose: "done" | "unsubscribe"): Promise<string> {
  const { db } = test;
  if (purpose === "done") {
    const [unused] = await db.select({ id: digestLinks.id }).from(digestLinks).where(and(eq(digestLinks.tokenHash, hashSecretToken(open.done)), isNull(digestLinks.usedAt)));
    if (!unused) {
      open.done = await addLink(samId, "done", { leadId: samLead });
      test.fuzz.changed();
    }
  } else {
    const [sam] = await db.select({ enabled: users.digestEnabled }).from(users).where(eq(users.id, samId));
    if (!sam!.enabled) {
      await db.update(users).set({ digestEnabled: true }).where(eq(users.id, samId));
      test.fuzz.changed();
    }
  }
  return open[purpose];
}

const tokenChoice = fc.oneof(
  { weight: 5, arbitrary: fc.constant("open") },
  { weight: 1, arbitrary: fc.constantFrom("olga", "expired", "forged", "") },
  { weight: 2, arbitrary: nastyText() },
);

function resolveToken(choice: string, own: string): string {
  switch (choice) {
    case "open":
      return own;
    case "olga":
      return olgaToken;
    case "expired":
      return expiredToken;
    case "forged":
      return own.slice(0, 42) + (own.endsWith("A") ? "B" : "A");
    default:
      return choice;
  }
}

describe("digest link actions fuzz", () => {
  it("logDigestTouchAction logs one touch on the link's own lead with an open link of Sam's, else refuses and writes nothing", async () => {
    await fuzzAction(
      formOf({
        token: tokenChoice,
        channel: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...CHANNELS) }, { weight: 1, arbitrary: nastyText() }),
        confirmTooSoon: fc.oneof({ weight: 5, arbitrary: fc.constantFrom("", "yes") }, { weight: 1, arbitrary: nastyText() }),
      }),
      async (form, tally) => {
        const own = await openLink("done");
        const entries = entriesOf(form).map(([name, value]) => (name === "token" && typeof value === "string" ? ([name, resolveToken(value, own)] as const) : ([name, value] as const)));
        const before = await test.db.select({ id: touches.id }).from(touches).where(eq(touches.userId, samId));
        const outcome = await test.fuzz.attempt({ fields: ["token", "channel", "confirmTooSoon"], tally }, () => submit(logDigestTouchAction, entries));
        expect(["ok", "rejected"]).toContain(outcome.kind);
        if (outcome.kind !== "ok") return;
        expect(firstText(entries, "token")).toBe(own);
        const after = await test.db.select({ id: touches.id, leadId: touches.leadId, channel: touches.channel }).from(touches).where(eq(touches.userId, samId));
        expect(after).toHaveLength(before.length + 1);
        expect(after.every((touch) => touch.leadId === samLead)).toBe(true);
      },
      { accepted: ["ok"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);

  it("unsubscribeDigestAction turns off Sam's digest with his link, else refuses and writes nothing", async () => {
    await fuzzAction(
      formOf({ token: fc.oneof({ weight: 3, arbitrary: fc.constant("open") }, { weight: 1, arbitrary: fc.constantFrom("forged", "") }, { weight: 2, arbitrary: nastyText() }) }),
      async (form, tally) => {
        const own = await openLink("unsubscribe");
        const entries = entriesOf(form).map(([name, value]) => (name === "token" && typeof value === "string" ? ([name, resolveToken(value, own)] as const) : ([name, value] as const)));
        const outcome = await test.fuzz.attempt({ fields: ["token"], tally }, () => submit(unsubscribeDigestAction, entries));
        expect(["ok", "rejected"]).toContain(outcome.kind);
        if (outcome.kind !== "ok") return;
        expect(firstText(entries, "token")).toBe(own);
        const [sam] = await test.db.select({ enabled: users.digestEnabled }).from(users).where(eq(users.id, samId));
        expect(sam!.enabled).toBe(false);
      },
      { accepted: ["ok"], refused: ["rejected"] },
    );
  }, FUZZ_TIMEOUT_MS);
});
