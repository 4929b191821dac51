import { describe, expect, it } from "vitest";
import { firstDifference } from "./responseCheck";

describe("firstDifference (what a response schema changed)", () => {
  it("is null for equal JSON, whatever the key order", () => {
    expect(
      firstDifference({ a: 1, b: [{ c: null, d: "x" }] }, { b: [{ d: "x", c: null }], a: 1 }),
    ).toBeNull();
  });

  it("names a field the schema left out, one it added, and a changed value", () => {
    expect(firstDifference({ a: 1, b: { c: 2 } }, { a: 1, b: {} })).toBe("$.b.c (left out by the schema)");
    expect(firstDifference({ a: 1 }, { a: 1, z: null })).toBe("$.z (added by the schema)");
    expect(firstDifference({ items: [1, 2] }, { items: [1] })).toBe("$.items (length 2 → 1)");
    expect(firstDifference({ s: "2026-11-24" }, { s: "x" })).toBe('$.s ("2026-11-24" → "x")');
  });
});
