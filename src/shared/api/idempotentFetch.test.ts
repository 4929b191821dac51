import { describe, expect, it } from "vitest";
import { idempotentFetch } from "./client";

describe("idempotentFetch", () => {
  it("sends a lost write once more with the same key and body", async () => {
    const seen: { key: string | null; body: string }[] = [];
    const f = idempotentFetch(async (r) => {
      seen.push({ key: r.headers.get("idempotency-key"), body: await r.text() });
      if (seen.length === 1) throw new TypeError("network lost");
      return new Response("{}", { status: 200 });
    }, 0);
    const res = await f(new Request("http://x/api/a", { method: "POST", body: '{"n":1}' }));
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(seen[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[1]?.body).toBe('{"n":1}');
  });

  it("keeps a key the caller set, gives each write its own, and leaves reads alone", async () => {
    const keys: (string | null)[] = [];
    const f = idempotentFetch(async (r) => {
      keys.push(r.headers.get("idempotency-key"));
      return new Response(null, { status: 204 });
    }, 0);
    await f(new Request("http://x/a", { method: "POST", headers: { "idempotency-key": "mine" } }));
    await f(new Request("http://x/a", { method: "POST" }));
    await f(new Request("http://x/a", { method: "POST" }));
    await f(new Request("http://x/a"));
    expect(keys[0]).toBe("mine");
    expect(keys[1]).not.toBe(keys[2]);
    expect(keys[3]).toBeNull();
  });

  it("an HTTP error is an answer, not a lost one: no second send", async () => {
    let calls = 0;
    const f = idempotentFetch(async () => {
      calls++;
      return new Response("{}", { status: 500 });
    }, 0);
    expect((await f(new Request("http://x/a", { method: "PUT", body: "x" }))).status).toBe(500);
    expect(calls).toBe(1);
  });
});
