import { describe, expect, it } from "vitest";
import { isWellFormedCode, isWellFormedToken } from "@/lib/coach/invitations";
import { hashInvitationToken, newInvitationCode, newInvitationToken } from "./invitation-tokens";

describe("invitation secrets", () => {
  it("makes unguessable link tokens and keeps only a hash", () => {
    const token = newInvitationToken();
    expect(isWellFormedToken(token)).toBe(true);
    expect(newInvitationToken()).not.toBe(token);
    expect(hashInvitationToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInvitationToken(token)).not.toContain(token);
    expect(isWellFormedToken("short")).toBe(false);
    expect(isWellFormedToken(`${token.slice(0, 42)}!`)).toBe(false);
  });

  it("makes codes of the invitation alphabet", () => {
    const code = newInvitationCode();
    expect(isWellFormedCode(code)).toBe(true);
  });
});
