import { describe, expect, it } from "vitest";
import { setUpTestDb } from "@/test/db";
import { createUser, findUserCredentials, getPasswordHash, updatePasswordHash, updateUserProfile } from "./users";

const handle = setUpTestDb();

const alice = { name: "Alice", email: "  Alice@Example.com ", passwordHash: "hash-a", timeZone: "Europe/Paris" };

describe("users", () => {
  it("creates a user with a normalised e-mail and refuses a second one with the same e-mail", async () => {
    const created = await createUser(handle.db, alice);
    expect(created).toMatchObject({ name: "Alice", email: "alice@example.com", timeZone: "Europe/Paris" });
    expect(await createUser(handle.db, { ...alice, email: "ALICE@example.com" })).toBeNull();
    expect(await findUserCredentials(handle.db, { email: "alice@EXAMPLE.com" })).toMatchObject({ passwordHash: "hash-a" });
  });

  it("changes the password hash and the profile", async () => {
    const created = (await createUser(handle.db, alice))!;
    await updatePasswordHash(handle.db, { userId: created.id, passwordHash: "hash-b" });
    expect(await getPasswordHash(handle.db, { userId: created.id })).toBe("hash-b");
    await updateUserProfile(handle.db, { userId: created.id, name: "Alice B.", timeZone: "Asia/Kathmandu" });
    expect(await findUserCredentials(handle.db, { email: alice.email })).toMatchObject({ id: created.id, passwordHash: "hash-b" });
  });
});
