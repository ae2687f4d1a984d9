import { describe, expect, it } from "vitest";
import { leads, touches } from "../schema";
import { setUpTestDb } from "@/test/db";
import {
  createMaterial,
  deleteMaterial,
  getMaterial,
  listMaterialsForLead,
  listMaterialsWithRecipients,
  updateMaterial,
} from "./materials";
import { createUser } from "./users";
import { localDateInOwnersZone } from "./touches";

const handle = setUpTestDb();

async function seeker(email = "sam@example.com") {
  return (await createUser(handle.db, { name: "Sam", email, passwordHash: "x", timeZone: "UTC" }))!.id;
}

async function lead(userId: string, company: string, position = 0) {
  const [row] = await handle.db.insert(leads).values({ userId, company, contactName: `${company} contact`, position }).returning({ id: leads.id });
  return row!.id;
}

async function send(userId: string, leadId: string, materialId: string, at: string) {
  await handle.db.insert(touches).values({ userId, leadId, materialId, at: new Date(at), localDate: localDateInOwnersZone(userId, new Date(at)), channel: "email", direction: "outbound" });
}

const report = { title: "Salary report", url: "https://example.com/report", topic: "News" };
const article = { title: "An article", url: "", topic: "News" };

describe("materials", () => {
  it("creates, reads, updates and deletes", async () => {
    const userId = await seeker();
    const created = await createMaterial(handle.db, { userId, material: report });
    expect(await getMaterial(handle.db, { userId, materialId: created.id })).toEqual({ id: created.id, ...report });
    expect(await updateMaterial(handle.db, { userId, materialId: created.id, material: { ...report, title: "Report 2025" } })).toBe(true);
    expect((await getMaterial(handle.db, { userId, materialId: created.id }))?.title).toBe("Report 2025");
    expect(await deleteMaterial(handle.db, { userId, materialId: created.id })).toBe(true);
    expect(await getMaterial(handle.db, { userId, materialId: created.id })).toBeNull();
    expect(await getMaterial(handle.db, { userId, materialId: "not-a-uuid" })).toBeNull();
  });

  it("lists the library with the leads that got each, first sending first, each lead once", async () => {
    const userId = await seeker();
    const r = await createMaterial(handle.db, { userId, material: report });
    await createMaterial(handle.db, { userId, material: article });
    const acme = await lead(userId, "Acme");
    const globex = await lead(userId, "Globex", 1);
    await send(userId, globex, r.id, "2025-03-02T10:00:00Z");
    await send(userId, acme, r.id, "2025-03-03T10:00:00Z");
    await send(userId, globex, r.id, "2025-03-04T10:00:00Z");

    const library = await listMaterialsWithRecipients(handle.db, { userId });
    expect(library.map((m) => [m.title, m.recipients.map((x) => x.company)])).toEqual([
      ["An article", []],
      ["Salary report", ["Globex", "Acme"]],
    ]);
    expect(library[1]!.recipients[0]).toMatchObject({ leadId: globex, contactName: "Globex contact", sentAt: new Date("2025-03-02T10:00:00Z") });
  });

  it("flags which materials a lead already got", async () => {
    const userId = await seeker();
    const r = await createMaterial(handle.db, { userId, material: report });
    const a = await createMaterial(handle.db, { userId, material: article });
    const acme = await lead(userId, "Acme");
    const globex = await lead(userId, "Globex", 1);
    await send(userId, acme, r.id, "2025-03-02T10:00:00Z");

    const forAcme = await listMaterialsForLead(handle.db, { userId, leadId: acme });
    expect(forAcme.map((m) => [m.id, m.alreadySent])).toEqual([
      [a.id, false],
      [r.id, true],
    ]);
    expect((await listMaterialsForLead(handle.db, { userId, leadId: globex })).every((m) => !m.alreadySent)).toBe(true);
    expect((await listMaterialsForLead(handle.db, { userId, leadId: "nonsense" })).every((m) => !m.alreadySent)).toBe(true);
  });

  it("keeps a touch when its material is deleted (the link is cleared)", async () => {
    const userId = await seeker();
    const r = await createMaterial(handle.db, { userId, material: report });
    const acme = await lead(userId, "Acme");
    await send(userId, acme, r.id, "2025-03-02T10:00:00Z");
    await deleteMaterial(handle.db, { userId, materialId: r.id });
    expect(await handle.db.select({ materialId: touches.materialId }).from(touches)).toEqual([{ materialId: null }]);
  });

  it("never shows or changes another seeker's materials", async () => {
    const sam = await seeker();
    const eve = await seeker("eve@example.com");
    const samMaterial = await createMaterial(handle.db, { userId: sam, material: report });
    const samLead = await lead(sam, "Acme");
    await send(sam, samLead, samMaterial.id, "2025-03-02T10:00:00Z");

    expect(await listMaterialsWithRecipients(handle.db, { userId: eve })).toEqual([]);
    expect(await listMaterialsForLead(handle.db, { userId: eve, leadId: samLead })).toEqual([]);
    expect(await getMaterial(handle.db, { userId: eve, materialId: samMaterial.id })).toBeNull();
    expect(await updateMaterial(handle.db, { userId: eve, materialId: samMaterial.id, material: article })).toBe(false);
    expect(await deleteMaterial(handle.db, { userId: eve, materialId: samMaterial.id })).toBe(false);
    // Eve's own material, checked against Sam's lead, shows no sending: Sam's touches are not hers.
    await createMaterial(handle.db, { userId: eve, material: article });
    expect((await listMaterialsForLead(handle.db, { userId: eve, leadId: samLead })).map((m) => m.alreadySent)).toEqual([false]);
    expect(await getMaterial(handle.db, { userId: sam, materialId: samMaterial.id })).toMatchObject(report);
  });
});
