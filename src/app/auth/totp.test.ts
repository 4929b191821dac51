import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotp, totpCode } from "./totp";

// RFC 4226 appendix D and RFC 6238 appendix B (SHA-1), key "12345678901234567890".
const KEY = Buffer.from("12345678901234567890");

describe("TOTP (RFC 6238) on node:crypto", () => {
  it("gives the RFC 4226 HOTP values", () => {
    expect([0, 1, 2, 3, 9].map((c) => hotp(KEY, c))).toEqual([
      "755224",
      "287082",
      "359152",
      "969429",
      "520489",
    ]);
  });

  it("gives the RFC 6238 SHA-1 values (8 digits)", () => {
    const at = (s: number) => Math.floor(s / 30);
    expect(hotp(KEY, at(59), 8)).toBe("94287082");
    expect(hotp(KEY, at(1111111109), 8)).toBe("07081804");
    expect(hotp(KEY, at(1234567890), 8)).toBe("89005924");
    expect(hotp(KEY, at(20000000000), 8)).toBe("65353130");
  });

  it("round-trips base32 and accepts a code once, within one step either side", () => {
    const secret = base32Encode(KEY);
    expect(secret).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(base32Decode(secret.toLowerCase())).toEqual(KEY);
    const now = new Date(59_000);
    expect(totpCode(secret, now)).toBe("287082");
    expect(matchTotp(secret, "287082", now, null)).toBe(1);
    expect(matchTotp(secret, "287082", new Date(89_000), null)).toBe(1); // the step before
    expect(matchTotp(secret, "287082", new Date(120_000), null)).toBeNull(); // two steps later
    expect(matchTotp(secret, "287082", now, 1)).toBeNull(); // used already
    expect(matchTotp(secret, "28708", now, null)).toBeNull();
  });
});
