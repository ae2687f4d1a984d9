import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { leads, materials, touches } from "../schema";
import { setUpTestDb } from "@/test/db";
import { replanCampaign } from "./campaign";
import { addLeads, addSeeker, addTouch, plannedDays } from "@/test/fixtures/today";
import { deleteTouch, logTouch, reflagTooSoon, updateTouch, type NewTouch, type TouchCorrection } from "./touches";

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

  it("flags the second of two touches logged at the same instant, as it warned, whatever order the table keeps them in", async () => {
    // A time typed to the minute gives two touches one instant. The e-mail was logged first, the
    // call a second later (its warning said too soon), but the call's row sits first in the table,
    // as it can once the table's free space is reused.
    const { userId, leadId } = await seekerWithLead();
    const localDate = "2025-03-05";
    const logged = (channel: "email" | "phone", seconds: number, tooSoon: boolean) => ({
      userId, leadId, at: now, localDate, channel, direction: "outbound" as const, note: "", tooSoon, createdAt: new Date(now.getTime() + seconds * 1000),
    });
    await handle.db.insert(touches).values(logged("phone", 1, true));
    await handle.db.insert(touches).values(logged("email", 0, false));
    await reflagTooSoon(handle.db, { userId, leadId });
    const rows = await touchesOf(leadId);
    expect(rows.map((row) => `${row.channel}${row.tooSoon ? " too soon" : ""}`).sort()).toEqual(["email", "phone too soon"]);
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

  it("does not warn before a thank-you the day after a call that reached the contact, as the stored flag judges", async () => {
    const { userId, leadId } = await seekerWithLead();
    const call = touchOf(leadId, { at: daysAgo(1), outcome: "conversation" });
    expect(await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: false, touch: call })).toMatchObject({ status: "logged", tooSoon: false });
    const thanks = touchOf(leadId, { channel: "email" });
    expect(await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: false, touch: thanks })).toMatchObject({ status: "logged", tooSoon: false });
    expect((await touchesOf(leadId)).map((touch) => touch.tooSoon)).toEqual([false, false]);
  });

  it("records one touch for a form sent twice (same idempotency key), even when the second would be too soon", async () => {
    const { userId, leadId } = await seekerWithLead();
    const touch = touchOf(leadId, { idempotencyKey: "form-1" });
    const first = await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: false, touch });
    expect(first).toMatchObject({ status: "logged" });
    // The answer names the touch that form logged (Today's "Undo" deletes that one).
    expect(await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: false, touch })).toEqual({
      status: "duplicate",
      touchId: first.status === "logged" ? first.touchId : "",
      company: "Acme",
    });
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
    expect(await plannedDays(handle.db, { userId })).toEqual({ Acme: "2025-03-05", Globex: "2025-03-05" });
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

/** The lead's touches, oldest first, as "day:flag" (flag "!" when too soon). */
async function flagsOf(leadId: string) {
  const rows = await handle.db
    .select({ at: touches.at, tooSoon: touches.tooSoon })
    .from(touches)
    .where(eq(touches.leadId, leadId))
    .orderBy(touches.at);
  return rows.map((row) => `${row.at.toISOString().slice(5, 10)}${row.tooSoon ? "!" : ""}`);
}

const day = (date: string) => new Date(`${date}T10:00:00Z`);

async function touchIdAt(leadId: string, at: Date) {
  const rows = await handle.db.select({ id: touches.id, at: touches.at }).from(touches).where(eq(touches.leadId, leadId));
  return rows.find((row) => row.at.getTime() === at.getTime())!.id;
}

function correctionOf(overrides: Partial<TouchCorrection> = {}): TouchCorrection {
  return { at: day("2025-03-01"), channel: "email", direction: "outbound", outcome: null, note: "", materialId: null, ...overrides };
}

describe("the too-soon flags follow every change of a lead's history", () => {
  it("a backdated outbound touch slipped between two others flags the later one, and deleting it frees it", async () => {
    const { userId, leadId } = await seekerWithLead();
    await addTouch(handle.db, { userId, leadId, at: day("2025-02-24") });
    await addTouch(handle.db, { userId, leadId, at: day("2025-02-28") });
    expect(await flagsOf(leadId)).toEqual(["02-24", "02-28"]);

    const backdated = touchOf(leadId, { at: day("2025-02-26") });
    expect(await logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: true, touch: backdated })).toMatchObject({ status: "logged" });
    expect(await flagsOf(leadId)).toEqual(["02-24", "02-26!", "02-28!"]);

    expect(await deleteTouch(handle.db, { userId, touchId: await touchIdAt(leadId, day("2025-02-26")), now })).toMatchObject({ status: "deleted", leadId });
    expect(await flagsOf(leadId)).toEqual(["02-24", "02-28"]);
  });

  it("an edited date or direction judges the whole history again, and the plan follows", async () => {
    const { userId, leadId } = await seekerWithLead();
    await replanCampaign(handle.db, { userId, now });
    await addTouch(handle.db, { userId, leadId, at: day("2025-02-24") });
    await addTouch(handle.db, { userId, leadId, at: day("2025-02-28") });
    const later = await touchIdAt(leadId, day("2025-02-28"));

    expect(await updateTouch(handle.db, { userId, timeZone, touchId: later, now, confirmMaterialAgain: false, touch: correctionOf({ at: day("2025-02-25"), note: "Moved" }) })).toEqual({
      status: "saved",
      leadId,
      company: "Acme",
    });
    expect(await flagsOf(leadId)).toEqual(["02-24", "02-25!"]);
    expect(await touchesOf(leadId)).toContainEqual({ channel: "email", tooSoon: true, note: "Moved" });

    // The same touch was their reply: nothing is too soon any more.
    await updateTouch(handle.db, { userId, timeZone, touchId: later, now, confirmMaterialAgain: false, touch: correctionOf({ at: day("2025-02-25"), direction: "inbound" }) });
    expect(await flagsOf(leadId)).toEqual(["02-24", "02-25"]);

    // Globex moved up to today when Acme's (backdated) first contact freed today.
    expect(await plannedDays(handle.db, { userId })).toEqual({ Acme: "2025-03-05", Globex: "2025-03-05" });
    // Both touches gone: Acme is not contacted any more and is due on its own planned day again,
    // today; Globex keeps today too, since re-planning moves only days still to come (PRODUCT.md,
    // Consistency): two first contacts today rather than a day's work changing under the seeker.
    for (const at of [day("2025-02-24"), day("2025-02-25")]) await deleteTouch(handle.db, { userId, touchId: await touchIdAt(leadId, at), now });
    expect(await plannedDays(handle.db, { userId })).toEqual({ Acme: "2025-03-05", Globex: "2025-03-05" });
  });

  it("reflagTooSoon stores the flags of lib/domain and changes nothing when they hold", async () => {
    const { userId, leadId } = await seekerWithLead();
    for (const date of ["2025-02-20", "2025-02-21", "2025-02-22", "2025-02-27"]) await addTouch(handle.db, { userId, leadId, at: day(date) });
    await reflagTooSoon(handle.db, { userId, leadId });
    expect(await flagsOf(leadId)).toEqual(["02-20", "02-21!", "02-22!", "02-27"]);
    await reflagTooSoon(handle.db, { userId, leadId });
    expect(await flagsOf(leadId)).toEqual(["02-20", "02-21!", "02-22!", "02-27"]);
  });

  it("another seeker's touch is not found and stays as it was", async () => {
    const { userId, leadId } = await seekerWithLead();
    const other = await seekerWithLead();
    await addTouch(handle.db, { userId: other.userId, leadId: other.leadId, at: day("2025-02-24") });
    const theirs = await touchIdAt(other.leadId, day("2025-02-24"));
    expect(await updateTouch(handle.db, { userId, timeZone, touchId: theirs, now, confirmMaterialAgain: false, touch: correctionOf({ note: "mine now" }) })).toEqual({
      status: "touch_not_found",
    });
    expect(await deleteTouch(handle.db, { userId, touchId: theirs, now })).toEqual({ status: "touch_not_found" });
    expect(await deleteTouch(handle.db, { userId, touchId: "not-an-id", now })).toEqual({ status: "touch_not_found" });
    expect(await touchesOf(other.leadId)).toEqual([{ channel: "phone", tooSoon: false, note: "" }]);
    expect(await touchesOf(leadId)).toHaveLength(0);
  });
});

describe("a material the lead already got", () => {
  it("is logged again only once confirmed, on a new touch or a corrected one", async () => {
    const { userId, leadId, nextId } = await seekerWithLead();
    const [material] = await handle.db.insert(materials).values({ userId, title: "Report" }).returning({ id: materials.id });
    const materialId = material!.id;
    const log = (lead: string, at: Date, confirmMaterialAgain: boolean) =>
      logTouch(handle.db, { userId, timeZone, now, confirmTooSoon: true, confirmMaterialAgain, touch: touchOf(lead, { at, materialId }) });

    expect(await log(leadId, day("2025-02-20"), false)).toMatchObject({ status: "logged" });
    // Another lead may get it.
    expect(await log(nextId, day("2025-02-20"), false)).toMatchObject({ status: "logged" });
    expect(await log(leadId, day("2025-02-27"), false)).toEqual({ status: "material_already_sent", company: "Acme", title: "Report" });
    expect(await touchesOf(leadId)).toHaveLength(1);
    expect(await log(leadId, day("2025-02-27"), true)).toMatchObject({ status: "logged" });
    expect(await touchesOf(leadId)).toHaveLength(2);

    // A touch without it, corrected to carry it: asked too; keeping its own material is no question.
    await addTouch(handle.db, { userId, leadId, at: day("2025-03-03") });
    const plain = await touchIdAt(leadId, day("2025-03-03"));
    const correction = correctionOf({ at: day("2025-03-03"), materialId });
    expect(await updateTouch(handle.db, { userId, timeZone, touchId: plain, now, confirmMaterialAgain: false, touch: correction })).toMatchObject({
      status: "material_already_sent",
      title: "Report",
    });
    expect(await updateTouch(handle.db, { userId, timeZone, touchId: plain, now, confirmMaterialAgain: true, touch: correction })).toMatchObject({ status: "saved" });
    expect(await updateTouch(handle.db, { userId, timeZone, touchId: plain, now, confirmMaterialAgain: false, touch: { ...correction, note: "kept" } })).toMatchObject({
      status: "saved",
    });
  });
});
