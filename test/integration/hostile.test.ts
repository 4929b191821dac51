import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseDocuments, files, organizations, projects, reviewTasks, users } from "../../src/db/schema";
import { type AuthzTable, loadAuthzTable } from "../helpers/authzTable";
import { PDF } from "../helpers/cases";
import type { TestClient, TestResponse } from "../helpers/client";
import { caseIn } from "../helpers/factories";
import { fillPath, type JsonSchema, type Op, type OpenApiDoc, sample, walk } from "../helpers/openapiWalk";
import { createTestApp, type TestApp } from "../helpers/testApp";

// Issue 16, item 2: hostile input. fast-check sends every write operation and every query parameter
// of the OpenAPI document wrong types, missing and extra fields, huge and deeply nested JSON, control
// characters, unpaired surrogates, invalid UTF-8 bytes, SQL and HTML fragments and impossible dates —
// starting from a body the schema accepts, on real objects, as a caller the authorization matrix lets
// through (so the handler runs, not only the validator). The answer is never 5xx, and every 4xx is
// `application/problem+json`. Seeded (YIZHAN_FUZZ_SEED to replay; fast-check prints the seed and the
// path of a failure) and bounded: a few runs per operation.

const SEED = Number(process.env.YIZHAN_FUZZ_SEED ?? 20261207);
const BODY_RUNS = 8;
const QUERY_RUNS = 4;

let t: TestApp;
let doc: OpenApiDoc;
const clients = new Map<string, TestClient>();
const params: Record<string, string> = {};
const byName: Record<string, unknown> = {};
let sent = 0;
const fiveHundreds: string[] = [];
/** Operations whose property failed, with fast-check's report (seed and path to replay). */
const failures: string[] = [];

async function holds(o: Op, property: fc.IAsyncProperty<never>, numRuns: number) {
  try {
    await fc.assert(property, { seed: SEED, numRuns, endOnFailure: true });
  } catch (e) {
    failures.push(`${o.id}: ${String((e as Error).message).slice(0, 600)}`);
  }
}

/** The role the authorization matrix lets through, in this order of preference, and its demo account. */
const PREFERENCE: [string, string][] = [
  ["applicant", "sanmu"],
  ["clerk", "clerk"],
  ["approver", "approver"],
  ["reviewer", "reviewer-planning"],
  ["helper", "helper"],
  ["supervisor", "supervisor"],
  ["partner", "township"],
  ["admin", "admin"],
];
/** Operations that end or change the caller's session get an account of their own. */
const OWN_SESSION = new Set(["logout", "changePassword"]);

let expected: AuthzTable;

function callerOf(o: Op): TestClient {
  if (OWN_SESSION.has(o.id)) return clients.get("clerk2") as TestClient;
  const row = expected[o.id] ?? {};
  const hit = PREFERENCE.find(([role]) => row[role] === "allow" || row[role] === "own");
  return clients.get(hit?.[1] ?? "anonymous") as TestClient;
}

beforeAll(async () => {
  t = await createTestApp();
  expected = loadAuthzTable();
  let n = 1;
  for (const [, name] of [...PREFERENCE, ["", "clerk2"]]) {
    const c = t.client(`10.7.0.${n++}`);
    const res = await c.login(name);
    if (res.status !== 200) throw new Error(`login ${name}: ${res.status}`);
    clients.set(name, c);
  }
  clients.set("anonymous", t.client("10.7.1.1"));
  doc = (await (clients.get("admin") as TestClient).get<OpenApiDoc>("/api/openapi.json")).body;
  // Real objects, so that a well-formed request reaches the handler and the database.
  const db = t.ctx.database.db;
  const c = await caseIn(t, "in_review");
  const [task] = await db.select().from(reviewTasks).where(eq(reviewTasks.caseId, c.id));
  const [file] = await db.select().from(files).where(eq(files.caseId, c.id));
  const [document] = await db.select().from(caseDocuments).where(eq(caseDocuments.caseId, c.id));
  const [sanmu] = await db.select().from(users).where(eq(users.username, "sanmu"));
  const [bureau] = await db.select().from(organizations).where(eq(organizations.code, "HY-ZRZY"));
  const [project] = await db.select().from(projects).where(eq(projects.enterpriseId, sanmu.id));
  Object.assign(params, {
    "cases.id": c.id,
    "cases.code": "application_form",
    docId: document?.id,
    fileId: file?.id,
    "review-tasks.id": task?.id,
    "applicants.id": sanmu.id,
    "projects.id": project?.id,
    "catalog.code": "construction-land-planning-permit",
    "organizations.code": "HY-ZRZY-SP",
    orgId: bureau.id,
    number: c.number ?? "",
    dataset: "business_licence",
    month: "2026-11",
    kind: "person",
  });
  Object.assign(byName, {
    applicantId: sanmu.id,
    enterpriseId: sanmu.id,
    orgId: bureau.id,
    itemCode: "construction-land-planning-permit",
    expectedVersion: 999_999,
  });
}, 300_000);
afterAll(async () => t?.close());

function paramValue(o: Op, name: string): string {
  const segment = o.path.split("/").filter((s) => s && s !== "api" && s !== ".well-known")[0];
  return params[`${segment}.${name}`] ?? params[name] ?? "00000000-0000-4000-8000-000000000000";
}

/** Records one answer; the property holds when it is below 500 and every 4xx is a problem document. */
function check(o: Op, what: string, res: TestResponse<unknown>): boolean {
  sent++;
  const type = String(res.headers["content-type"] ?? "");
  if (res.status >= 500) fiveHundreds.push(`${o.id} ${what}: ${res.status} ${res.text.slice(0, 200)}`);
  return res.status < 500 && (res.status < 400 || type.includes("application/problem+json"));
}

// ---------------------------------------------------------------------------------------------------
// What an attacker sends.

const SQL = ["' OR '1'='1", "'; DROP TABLE cases; --", "1; SELECT pg_sleep(10)", "\\x00", "$$", "%' --"];
// biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as typed
const HTML = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "{{7*7}}", "${7*7}"];
const DATES = ["2026-02-30", "2026-13-01", "0000-00-00", "2026-11-24T25:00:00Z", "9999-99-99", "-001-01-01"];
const STRANGE = [
  "a\u0000b",
  "\u0007\u001b[2J",
  "a\ud800b",
  "\udfff",
  "\u202e\u2066evil",
  "\ufeff",
  "x".repeat(100_000),
  "汉".repeat(20_000),
  "../../etc/passwd",
  "%00",
  "NaN",
  "-0",
  "1e309",
];

const hostileString = fc.oneof(
  fc.constantFrom(...SQL, ...HTML, ...DATES, ...STRANGE),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    2 ** 31,
    2 ** 53 + 1,
    -(2 ** 63),
    1e308,
    0.1,
    [],
    {},
    [null],
    { $ne: null },
    { __proto__: { admin: true } },
  ),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 3 }),
);

/** Every path of keys to a value in `v` (objects and arrays), the root included. */
function paths(v: unknown, prefix: string[] = [], depth = 0): string[][] {
  const out = [prefix];
  if (depth > 6 || v === null || typeof v !== "object") return out;
  for (const [k, x] of Object.entries(v as Record<string, unknown>))
    out.push(...paths(x, [...prefix, k], depth + 1));
  return out;
}

function setAt(v: unknown, keys: string[], value: unknown, remove = false): unknown {
  if (keys.length === 0) return value;
  const copy: Record<string, unknown> = Array.isArray(v) ? ([...v] as never) : { ...(v as object) };
  const [head, ...rest] = keys;
  if (rest.length === 0 && remove) delete copy[head];
  else copy[head] = setAt(copy[head], rest, value, remove);
  return copy;
}

/** A hostile JSON body made from a valid one: one value replaced, a field dropped or added, or worse. */
function hostileBody(valid: unknown): fc.Arbitrary<unknown> {
  const keyPaths = paths(valid);
  const at = fc.constantFrom(...keyPaths);
  const inner = keyPaths.filter((p) => p.length > 0);
  return fc.oneof(
    fc.tuple(at, hostileValue).map(([p, x]) => setAt(valid, p, x)),
    ...(inner.length ? [fc.constantFrom(...inner).map((p) => setAt(valid, p, undefined, true))] : []),
    fc
      .tuple(fc.constantFrom("extra", "__proto__", "constructor", "id", "status", "role"), hostileValue)
      .map(([k, x]) => (valid && typeof valid === "object" ? { ...(valid as object), [k]: x } : { [k]: x })),
    fc.constantFrom(null, "", 0, [], [valid], "text"),
    fc.constant(Array.from({ length: 50_000 }, () => 1)),
  );
}

/** Bodies no JSON serializer makes: broken encodings and syntax, deep nesting, the wrong media type. */
const RAW: { what: string; body: Buffer; type: string; heavy?: boolean }[] = [
  {
    what: "invalid UTF-8",
    body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    type: "application/json",
  },
  {
    what: "overlong UTF-8 NUL",
    body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0x80, 0x22, 0x7d]),
    type: "application/json",
  },
  { what: "truncated JSON", body: Buffer.from('{"a": [1, 2'), type: "application/json" },
  {
    what: "deep nesting",
    body: Buffer.from(`${"[".repeat(50_000)}${"]".repeat(50_000)}`),
    type: "application/json",
    heavy: true,
  },
  {
    what: "deep objects",
    body: Buffer.from(`${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`),
    type: "application/json",
    heavy: true,
  },
  { what: "BOM", body: Buffer.from('\ufeff{"a":1}'), type: "application/json" },
  {
    what: "duplicate keys",
    body: Buffer.from('{"expectedVersion":1,"expectedVersion":"x"}'),
    type: "application/json",
  },
  { what: "text/plain", body: Buffer.from("a=1"), type: "text/plain" },
  {
    what: "XML",
    body: Buffer.from(
      "<?xml version='1.0'?><!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><a>&x;</a>",
    ),
    type: "application/xml",
  },
  {
    what: "latin1 charset",
    body: Buffer.from('{"a":"\xe9"}', "latin1"),
    type: "application/json; charset=latin1",
  },
  { what: "multipart without boundary", body: Buffer.from("--x\r\n\r\n"), type: "multipart/form-data" },
  { what: "huge", body: Buffer.alloc(2 * 1024 * 1024 + 1024, 0x20), type: "application/json", heavy: true },
];

// ---------------------------------------------------------------------------------------------------

describe("hostile input to every operation of the OpenAPI document (fast-check)", () => {
  it("answers hostile JSON bodies of every write operation with a 4xx problem, never 5xx", async () => {
    const writes = walk(doc).filter((o) => o.method !== "GET" && o.json);
    expect(writes.length).toBeGreaterThan(80);
    for (const o of writes) {
      const who = callerOf(o);
      const url = fillPath(o.path, (name) => paramValue(o, name));
      const valid = sample(doc, o.json, { byName });
      await holds(
        o,
        fc.asyncProperty(hostileBody(valid), async (body) => {
          const res = await who.request(o.method, url, Buffer.from(JSON.stringify(body) ?? "null"), {
            "content-type": "application/json",
          });
          return check(o, `body ${JSON.stringify(body)?.slice(0, 120)}`, res);
        }) as never,
        BODY_RUNS,
      );
    }
  }, 600_000);

  it("answers raw bodies no client should send (invalid UTF-8, deep nesting, wrong media types) with a 4xx problem", async () => {
    const writes = walk(doc).filter((o) => o.method !== "GET");
    for (const [i, o] of writes.entries()) {
      const who = callerOf(o);
      const url = fillPath(o.path, (name) => paramValue(o, name));
      // The megabyte-sized bodies meet the one body parser and limit every route shares: every fourth
      // operation and every upload gets them (time), every operation gets the rest.
      const heavy = i % 4 === 0 || o.multipart;
      for (const raw of RAW.filter((r) => heavy || !r.heavy)) {
        const res = await who.request(o.method, url, raw.body, { "content-type": raw.type });
        if (!check(o, raw.what, res))
          failures.push(`${o.id} ${raw.what}: ${res.status} ${res.text.slice(0, 200)}`);
      }
    }
  }, 600_000);

  it("answers hostile query strings and path parameters of every operation with a 4xx problem", async () => {
    const ops = walk(doc).filter((o) =>
      (o.op.parameters ?? []).some((p) => p.in === "query" || p.in === "path"),
    );
    expect(ops.length).toBeGreaterThan(60);
    const encoded = fc.oneof(
      hostileString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "x"))),
      fc.constantFrom("%", "%E0%A4%A", "%FF%FE", "%C0%80", "%00", "a%0Ab", "%ZZ", "x".repeat(5000)),
    );
    for (const o of ops) {
      const who = callerOf(o);
      const names = (o.op.parameters ?? []).filter((p) => p.in === "query" || p.in === "path");
      await holds(
        o,
        fc.asyncProperty(fc.constantFrom(...names), encoded, fc.boolean(), async (p, value, twice) => {
          let url = o.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
            p.in === "path" && p.name === name ? value : encodeURIComponent(paramValue(o, name)),
          );
          const query = new URLSearchParams();
          for (const q of (o.op.parameters ?? []).filter((x) => x.in === "query" && x.required))
            query.set(q.name, String(sample(doc, q.schema as JsonSchema, { byName })));
          query.delete(p.name);
          let qs = query.toString();
          if (p.in === "query")
            qs += `${qs ? "&" : ""}${p.name}=${value}${twice ? `&${p.name}=${value}` : ""}`;
          if (qs) url += `?${qs}`;
          const body = o.method === "GET" ? undefined : o.multipart ? PDF : sample(doc, o.json, { byName });
          const res = await who.request(o.method, url, body);
          return check(o, `${p.in} ${p.name}=${value.slice(0, 80)}`, res);
        }) as never,
        QUERY_RUNS,
      );
    }
  }, 600_000);

  it("found no 5xx, and says how many requests it sent", () => {
    console.info(`hostile input: ${sent} requests, ${fiveHundreds.length} answered 5xx (seed ${SEED})`);
    expect(fiveHundreds).toEqual([]);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
  });
});
