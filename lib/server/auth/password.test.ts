import { describe, expect, it } from "vitest";
import { newPasswordSchema } from "@/lib/auth/schemas";
import { hashPassword, verifyPassword } from "./password";

describe("passwords", () => {
  it("hashes with argon2id at OWASP's parameters and verifies", async () => {
    const hash = await hashPassword("a long and private phrase");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "a long and private phrase")).toBe(true);
    expect(await verifyPassword(hash, "another phrase")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });

  it("accepts 8 to 128 characters and refuses common passwords", () => {
    expect(newPasswordSchema.safeParse("seven77").success).toBe(false);
    expect(newPasswordSchema.safeParse("eight888x").success).toBe(true);
    expect(newPasswordSchema.safeParse("x".repeat(64) + "y".repeat(64)).success).toBe(true);
    expect(newPasswordSchema.safeParse("x".repeat(129)).success).toBe(false);
    const common = newPasswordSchema.safeParse("Password123");
    expect(common.success).toBe(false);
    expect(common.error?.issues[0]?.message).toMatch(/too common/);
    expect(newPasswordSchema.safeParse("qwertyuiop").success).toBe(false);
  });
});
