import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppContext } from "../context";
import { cachedStaff, STAFF_TTL_MS, staffChanged } from "./staffCache";

const ctx = () => ({ database: {} }) as unknown as AppContext;

describe("cachedStaff", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("answers from the cache within the bound, and reads again after it", async () => {
    let now = 1_000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const c = ctx();
    let reads = 0;
    const load = async () => ++reads;
    expect(await cachedStaff(c, "k", load)).toBe(1);
    now += STAFF_TTL_MS - 1;
    expect(await cachedStaff(c, "k", load)).toBe(1);
    now += 1;
    expect(await cachedStaff(c, "k", load)).toBe(2);
    // Each database has its own answers.
    expect(await cachedStaff(ctx(), "k", load)).toBe(3);
  });

  it("drops every answer when this process changes staff, posts or roles", async () => {
    const c = ctx();
    let reads = 0;
    const load = async () => ++reads;
    expect(await cachedStaff(c, "k", load)).toBe(1);
    staffChanged();
    expect(await cachedStaff(c, "k", load)).toBe(2);
    expect(await cachedStaff(c, "k", load)).toBe(2);
  });

  it("does not keep a read that ran while a change was made", async () => {
    const c = ctx();
    let reads = 0;
    const racing = async () => {
      staffChanged();
      return ++reads;
    };
    expect(await cachedStaff(c, "k", racing)).toBe(1);
    expect(await cachedStaff(c, "k", async () => ++reads)).toBe(2);
  });
});
