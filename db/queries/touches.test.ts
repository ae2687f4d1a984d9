import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { leads, materials, touches } from "../schema";
import { setUpTestDb } from "@/test/db";
import { replanCampaign } from "./campaign";
import { addLeads, addSeeker, addTouch, plannedDays } from "@/test/fixtures/today";
import { logTouch, type NewTouch } from "./touches";

const handle = setUpTestDb();

const timeZone = "Europe/Paris";
// Wednesday 5 March 2025, 10:00 in Paris.
const now = new Date("2025-03-05T09:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

function touchOf(leadId: string, overrides: Partial<NewTouch> = {}): NewTouch {
  return {
    leadId,
    at: now,
    channel: "email",
    direction: "outbound",
    outcome: null,
    note: "",
    materialId: null,
    idempotencyKey: null,
    ...overrides,
  };
}

async function touchesOf(leadId: string) {
  return handle.db
    .select({ channel: touches.channel, tooSoon: touches.tooSoon, note: touches.note })
    .from(touches)
    .where(eq(touches.leadId, leadId));
}

async function seekerWithLead() {
  const userId = await addSeeker(handle.db, { timeZone, campaignStartDate: "2025-03-03" });
  const [leadId, nextId] = await addLeads(handle.db, { userId, companies: ["Acme", "Globex"] });
  return { userId, leadId: leadId!, nextId: nextId! };
}

describe("logTouch", () => {
  it("records a touch with every detail", async () => {
    const { userId, leadId } = await seekerWithLead();
    const [material] = await handle.db.insert(materials).values({ userId, title: "Report" }).returning({ id: materials.id });
    const result = await logTouch(handle.db, {
      userId,
      timeZone,
      now,
      confirmTooSoon: false,
      touch: touchOf(leadId, { channel: "phone", outcome: "conversation", note: "Call back Friday", materialId: material!.id }),
    });
    expect(result).toMatchObject({ status: "logged", company: "Acme", tooSoon: false });
    const [row] = await handle.db.select().from(touches).where(eq(touches.leadId, leadId));
    expect(row).toMatchObject({ userId, channel: "phone", direction: "outbound", outcome: "conversation", note: "Call back Friday", materialId: material!.id, at: now });
  });

  it("asks before a too-soon outbound touch and saves it, flagged, once confirmed", async () => {
    const { userId, leadId } = await seekerWithLead();
    await addTouch(handle.db, { userId, leadId, at: daysAgo(1), channel: "phone" });
    const args = { userId, timeZone, now, touch: touchOf(leadId) };

    expect(await logTouch(handle.db, { ...args, confirmTooSoon: false })).toEqual({ status: "too_soon", company: "Acme" });
    expect(await touchesOf(leadId)).toHaveLength(1);

    expect(await logTouch(handle.db, { ...args, confirmTooSoon: true })).toMatchObject({ status: "logged", tooSoon: true });
    expect((await touchesOf(leadId)).filter((touch) => touch.tooSoon)).toHaveLength(1);
  });

  it("does not warn three days on, after an inbound reply, or for an inbound touch", async () => {
    const { userId, leadId, nextId } = await seekerWithLead();
    await addTouch(handle.db, { userId, leadId, at: daysAgo(3) });
    expect(await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: false, touch: touchOf(leadId) })).toMatchObject({ status: "logged", tooSoon: false });

    await addTouch(handle.db, { userId, leadId: nextId, at: daysAgo(1) });
    const inbound = touchOf(nextId, { direction: "inbound", at: daysAgo(0.5) });
    expect(await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: false, touch: inbound })).toMatchObject({ status: "logged" });
    expect(await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: false, touch: touchOf(nextId) })).toMatchObject({ status: "logged", tooSoon: false });
  });

  it("records one touch for a form sent twice (same idempotency key), even when the second would be too soon", async () => {
    const { userId, leadId } = await seekerWithLead();
    const touch = touchOf(leadId, { idempotencyKey: "form-1" });
    expect(await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: false, touch })).toMatchObject({ status: "logged" });
    expect(await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: false, touch })).toEqual({ status: "duplicate", company: "Acme" });
    const [both] = await Promise.all([
      logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: true, touch: touchOf(leadId, { idempotencyKey: "form-2" }) }),
      logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: true, touch: touchOf(leadId, { idempotencyKey: "form-2" }) }),
    ]);
    expect(both.status === "logged" || both.status === "duplicate").toBe(true);
    expect(await touchesOf(leadId)).toHaveLength(2);
  });

  it("lets two seekers use the same key", async () => {
    const first = await seekerWithLead();
    const second = await seekerWithLead();
    for (const { userId, leadId } of [first, second]) {
      const touch = touchOf(leadId, { idempotencyKey: "same-key" });
      expect(await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: false, touch })).toMatchObject({ status: "logged" });
    }
  });

  it("revives a cold lead", async () => {
    const { userId, leadId } = await seekerWithLead();
    await handle.db.update(leads).set({ coldSince: daysAgo(2) }).where(eq(leads.id, leadId));
    await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: false, touch: touchOf(leadId) });
    const [lead] = await handle.db.select({ coldSince: leads.coldSince }).from(leads).where(eq(leads.id, leadId));
    expect(lead!.coldSince).toBeNull();
  });

  it("re-plans the campaign after a first contact, so the next lead moves up", async () => {
    const { userId, leadId } = await seekerWithLead();
    await replanCampaign(handle.db, { userId, now });
    expect(await plannedDays(handle.db, { userId })).toEqual({ Acme: "2025-03-05", Globex: "2025-03-06" });
    // Acme was called yesterday, logged today: today is free again for Globex.
    await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: false, touch: touchOf(leadId, { at: daysAgo(1) }) });
    expect(await plannedDays(handle.db, { userId })).toEqual({ Acme: null, Globex: "2025-03-05" });
  });

  it("refuses another seeker's lead or material and writes nothing", async () => {
    const { userId, leadId } = await seekerWithLead();
    const other = await seekerWithLead();
    const [foreignMaterial] = await handle.db.insert(materials).values({ userId: other.userId, title: "Theirs" }).returning({ id: materials.id });

    expect(await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: false, touch: touchOf(other.leadId) })).toEqual({ status: "lead_not_found" });
    expect(
      await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: false, touch: touchOf(leadId, { materialId: foreignMaterial!.id }) }),
    ).toEqual({ status: "material_not_found" });
    expect(await touchesOf(leadId)).toHaveLength(0);
    expect(await touchesOf(other.leadId)).toHaveLength(0);
  });
});
