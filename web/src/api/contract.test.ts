import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The web speaks the one wire contract (issue 12, docs/adr/0011-openapi-document-as-contract.md): every
 * call goes through the typed client of web/src/api/client.ts and names its path as a key of the
 * generated `paths`. tsc checks the typed calls; this test catches the untyped escape hatches.
 */

const ROOT = join(import.meta.dirname, "../../..");
const WEB = join(ROOT, "web/src");
const CLIENT = "web/src/api/client.ts";
/** The demo-only payment simulator, left out of the OpenAPI document on purpose (src/http/openapiDocument.ts). */
const SIMULATOR_PAGE = "web/src/features/fees/SimulatorPage.tsx";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** The paths of the contract, as src/shared/api/schema.ts (generated) lists them. */
function contractPaths(): Set<string> {
  const schema = readFileSync(join(ROOT, "src/shared/api/schema.ts"), "utf8");
  return new Set([...schema.matchAll(/^ {4}"(\/api\/[^"]*)": \{$/gm)].map((m) => m[1]));
}

/** Source without comments (so prose naming a path is not taken for a call). */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "))
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

const lineOf = (text: string, index: number) => text.slice(0, index).split("\n").length;

const files = sources(WEB).map((p) => {
  const text = readFileSync(p, "utf8");
  return { path: relative(ROOT, p), text: code(text) };
});

describe("the web calls the API only through the contract", () => {
  it("finds the web sources and the contract's paths", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(contractPaths().has("/api/cases/{id}")).toBe(true);
  });

  it("has no untyped `api<T>(path)` helper left", () => {
    const hits = files.flatMap((f) =>
      [...f.text.matchAll(/\bapi\s*(<[^>()]*>)?\s*\(/g)].map((m) => `${f.path}:${lineOf(f.text, m.index)}`),
    );
    expect(hits).toEqual([]);
  });

  it("calls fetch only inside the client", () => {
    const hits = files
      .filter((f) => f.path !== CLIENT)
      .flatMap((f) =>
        [...f.text.matchAll(/\bfetch\s*\(|new\s+Request\s*\(/g)].map(
          (m) => `${f.path}:${lineOf(f.text, m.index)}`,
        ),
      );
    expect(hits).toEqual([]);
  });

  it("writes no API path by hand: every '/api…' string is a path of the contract, never a template", () => {
    const known = contractPaths();
    const bad: string[] = [];
    for (const f of files) {
      for (const m of f.text.matchAll(/(["'`])(\/api(?:\/[^"'`]*)?)\1?/g)) {
        const [, quote, path] = m;
        const where = `${f.path}:${lineOf(f.text, m.index)}`;
        const simulator = f.path === SIMULATOR_PAGE || f.path === CLIENT;
        if (simulator && path.startsWith("/api/payment-simulator/")) continue;
        if (quote === "`") bad.push(`${where} template literal ${path}`);
        else if (!known.has(path)) bad.push(`${where} ${path} is not a path of the contract`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("keeps the one call outside the contract (the payment simulator) on its page", () => {
    const users = files
      .filter((f) => f.path !== CLIENT && /\bsimulatorCall\b/.test(f.text))
      .map((f) => f.path);
    expect(users).toEqual([SIMULATOR_PAGE]);
  });

  it("catches a hand-written path (the check itself can fail)", () => {
    const known = contractPaths();
    expect(known.has("/api/cases/{id}/no-such-command")).toBe(false);
    const sample = code('call(yz.GET("/api/cases")); // fetch(`/api/x`)\nfetch(`/api/cases/1`);');
    expect([...sample.matchAll(/\bfetch\s*\(/g)]).toHaveLength(1);
    expect([...sample.matchAll(/(["'`])(\/api(?:\/[^"'`]*)?)\1?/g)].map((m) => m[1])).toEqual(['"', "`"]);
  });
});

describe("the typed client keeps the old client's manners", () => {
  const calls: Request[] = [];
  let answer: () => Promise<Response> = async () => Response.json({});
  let client: typeof import("./client");

  beforeAll(async () => {
    vi.stubGlobal("location", { origin: "http://web.test" });
    vi.stubGlobal("document", { cookie: "other=1; yz_csrf=tok%3D1" });
    vi.stubGlobal("fetch", async (r: Request) => {
      calls.push(r);
      return answer();
    });
    client = await import("./client");
  });
  afterEach(() => {
    calls.length = 0;
  });
  // The stubs must not outlive this file: a worker that runs other files after it (isolate: false)
  // would otherwise send their fetches here.
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it("gives the data of a 2xx answer; same-origin cookies; no CSRF header on a read", async () => {
    answer = async () => Response.json({ items: [], total: 0 });
    const r = await client.call(
      client.yz.GET("/api/cases", { params: { query: { status: ["draft", "submitted"] } } }),
    );
    expect(r).toEqual({ items: [], total: 0 });
    const req = calls[0];
    expect(req.url).toBe("http://web.test/api/cases?status=draft&status=submitted");
    expect(req.credentials).toBe("same-origin");
    expect(req.headers.get("x-csrf-token")).toBeNull();
  });

  it("sends the CSRF token of the cookie on a write, and JSON", async () => {
    answer = async () => Response.json({ ok: true });
    await client.call(
      client.yz.POST("/api/auth/password", { body: { currentPassword: "a", newPassword: "b" } }),
    );
    const req = calls[0];
    expect(req.method).toBe("POST");
    expect(req.headers.get("x-csrf-token")).toBe("tok=1");
    expect(req.headers.get("content-type")).toBe("application/json");
    expect(await req.json()).toEqual({ currentPassword: "a", newPassword: "b" });
  });

  it("sends no JSON content type on a write without a body (Fastify refuses an empty JSON body)", async () => {
    answer = async () => new Response(null, { status: 204 });
    await client.call(client.yz.POST("/api/auth/logout"));
    expect(calls[0].headers.get("content-type")).toBeNull();
  });

  it("throws ApiError with the problem+json body on a non-2xx answer", async () => {
    const problem = {
      code: "version_conflict",
      field: "expectedVersion",
      message: { "zh-CN": "冲突", "en-US": "Conflict" },
    };
    answer = async () =>
      new Response(JSON.stringify(problem), {
        status: 409,
        headers: { "content-type": "application/problem+json" },
      });
    const err = await client
      .call(client.yz.GET("/api/cases/{id}", { params: { path: { id: "c1" } } }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(client.ApiError);
    const e = err as InstanceType<typeof client.ApiError>;
    expect([e.status, e.code, e.field, e.messageIn("zh-CN")]).toEqual([
      409,
      "version_conflict",
      "expectedVersion",
      "冲突",
    ]);
    expect(calls[0].url).toBe("http://web.test/api/cases/c1");
  });

  it("throws ApiError status 0 on a network failure, and rethrows an abort", async () => {
    answer = async () => {
      throw new TypeError("Failed to fetch");
    };
    const err = await client.call(client.yz.GET("/api/auth/me")).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "ApiError", status: 0, code: "network_error" });
    answer = async () => {
      throw new DOMException("aborted", "AbortError");
    };
    const aborted = await client.call(client.yz.GET("/api/auth/me")).catch((e: unknown) => e);
    expect(aborted).toBeInstanceOf(DOMException);
  });

  it("fills a contract path for links and uploads, encoding the values", () => {
    expect(client.apiPath("/api/cases/{id}/materials/{code}/files", { id: "c 1", code: "m/2" })).toBe(
      "/api/cases/c%201/materials/m%2F2/files",
    );
  });
});
