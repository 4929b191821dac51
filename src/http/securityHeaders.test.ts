import fastifyHelmet from "@fastify/helmet";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { HELMET_OPTIONS, securityHeaders } from "./securityHeaders";

/** The answers' headers other than the ones that change per answer. */
async function headersOf(kind: "plugin" | "hook", url: string) {
  const app = Fastify();
  if (kind === "plugin") await app.register(fastifyHelmet, HELMET_OPTIONS);
  else await securityHeaders(app, HELMET_OPTIONS);
  app.get("/x", async () => ({ ok: true }));
  try {
    const res = await app.inject(url);
    const { date: _date, ...rest } = res.headers;
    return { status: res.statusCode, headers: rest };
  } finally {
    await app.close();
  }
}

describe("security headers computed once", () => {
  it("are the headers @fastify/helmet sets, on a route and on a 404", async () => {
    for (const url of ["/x", "/nowhere"]) {
      const hook = await headersOf("hook", url);
      expect(hook).toEqual(await headersOf("plugin", url));
      expect(hook.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(hook.headers["x-content-type-options"]).toBe("nosniff");
    }
  });
});
