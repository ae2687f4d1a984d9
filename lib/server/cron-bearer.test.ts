import { describe, expect, it } from "vitest";
import { hasBearerSecret } from "./cron-bearer";

const secret = "s3cret-0123456789-0123456789-0123456789";

describe("hasBearerSecret", () => {
  it("accepts exactly the shared secret as a bearer token", () => {
    expect(hasBearerSecret(`Bearer ${secret}`, secret)).toBe(true);
  });

  it("refuses no header, another scheme, a wrong, a longer or a shorter secret", () => {
    for (const header of [null, "", "Bearer ", `Basic ${secret}`, `Bearer ${secret}x`, `Bearer ${secret.slice(1)}`, `bearer ${secret}`]) {
      expect(hasBearerSecret(header, secret)).toBe(false);
    }
  });
});
