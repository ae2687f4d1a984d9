import { describe, expect, it } from "vitest";
import { setUpTestDb } from "@/test/db";
import {
  createUser,
  findUserCredentials,
  getPasswordHash,
  getSessionUser,
  rotateSessionEpoch,
  updateUserProfile,
} from "./users";

const handle = setUpTestDb();

const alice = { name: "Alice", email: "  Alice@Example.com ", passwordHash: "hash-a", timeZone: "Europe/Paris" };

describe("users", () => {
  it("creates a user with a normalised e-mail and refuses a second one with the same e-mail", async () => {
    const created = await createUser(handle.db, alice);
    expect(created).toMatchObject({ name: "Alice", email: "alice@example.com", timeZone: "Europe/Paris" });
    expect(await createUser(handle.db, { ...alice, email: "ALICE@example.com" })).toBeNull();
    expect(await findUserCredentials(handle.db, { email: "alice@EXAMPLE.com" })).toMatchObject({ passwordHash: "hash-a" });
  });

  it("finds the session user only while the session epoch is current", async () => {
    const created = (await createUser(handle.db, alice))!;
    expect(await getSessionUser(handle.db, { userId: created.id, sessionEpoch: created.sessionEpoch })).toMatchObject({
      id: created.id,
    });
    const newEpoch = await rotateSessionEpoch(handle.db, { userId: created.id });
    expect(newEpoch).not.toBe(created.sessionEpoch);
    expect(await getSessionUser(handle.db, { userId: created.id, sessionEpoch: created.sessionEpoch })).toBeNull();
    expect(await getSessionUser(handle.db, { userId: created.id, sessionEpoch: newEpoch })).not.toBeNull();
  });

  it("changes the password hash together with the epoch, and the profile", async () => {
    const created = (await createUser(handle.db, alice))!;
    await rotateSessionEpoch(handle.db, { userId: created.id, passwordHash: "hash-b" });
    expect(await getPasswordHash(handle.db, { userId: created.id })).toBe("hash-b");
    await updateUserProfile(handle.db, { userId: created.id, name: "Alice B.", timeZone: "Asia/Kathmandu" });
    const epoch = (await findUserCredentials(handle.db, { email: alice.email }))!.sessionEpoch;
    expect(await getSessionUser(handle.db, { userId: created.id, sessionEpoch: epoch })).toMatchObject({
      name: "Alice B.",
      timeZone: "Asia/Kathmandu",
    });
  });

  it("never lets one user's epoch open another's session", async () => {
    const a = (await createUser(handle.db, alice))!;
    const b = (await createUser(handle.db, { ...alice, email: "bob@example.com" }))!;
    expect(await getSessionUser(handle.db, { userId: b.id, sessionEpoch: a.sessionEpoch })).toBeNull();
  });
});
