import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaseBody, LAND_PERMIT_FORM, PDF } from "../helpers/cases";
import type { TestClient, TestResponse } from "../helpers/client";
import { createTestApp, type TestApp } from "../helpers/testApp";

// Issue 11, point 16: every write operation and every query string of the OpenAPI document is probed
// with a NUL, another control character, a line break, an impossible date, an unpaired surrogate and an
// over-long string in each of its string fields. Each probe must be a 4xx problem+json naming that
// field (422), never a 500 — and walking the document means an operation added later is probed too.
// Random hostile input (fast-check) is test/integration/hostile.test.ts; this file names the exact codes.

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  maxLength?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  examples?: unknown[];
  "x-multiline"?: boolean;
};
type Operation = {
  operationId: string;
  parameters?: { in: string; name: string; schema: JsonSchema; example?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Problem = { code: string; errors?: { field: string; code: string }[] };
/** A string field of a request: where it is, the path of keys to it, and its schema. */
type Field = { where: "body" | "query" | "path"; keys: string[]; schema: JsonSchema };

let t: TestApp;
let admin: TestClient;
let doc: {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as("admin");
  doc = (await admin.get<typeof doc>("/api/openapi.json")).body;
});
afterAll(async () => t?.close());

function deref(s: JsonSchema): JsonSchema {
  if (!s.$ref) return s;
  const name = s.$ref.split("/").at(-1) as string;
  return doc.components?.schemas?.[name] ?? {};
}

const isString = (s: JsonSchema) =>
  s.type === "string" || (Array.isArray(s.type) && s.type.includes("string"));
const isNumber = (s: JsonSchema) =>
  ["number", "integer"].some((k) => s.type === k || (Array.isArray(s.type) && s.type.includes(k)));

/** Every string leaf of a JSON schema (arrays at index 0, maps at key `k`), with its schema. */
function stringLeaves(
  schema: JsonSchema | undefined,
  keys: string[] = [],
  depth = 0,
  want: (s: JsonSchema) => boolean = isString,
): { keys: string[]; schema: JsonSchema }[] {
  if (!schema || depth > 12) return [];
  const s = deref(schema);
  const out: { keys: string[]; schema: JsonSchema }[] = [];
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])])
    out.push(...stringLeaves(alt, keys, depth + 1, want));
  if (want(s)) out.push({ keys, schema: s });
  for (const [k, v] of Object.entries(s.properties ?? {}))
    out.push(...stringLeaves(v, [...keys, k], depth + 1, want));
  if (s.items) out.push(...stringLeaves(s.items, [...keys, "0"], depth + 1, want));
  if (s.additionalProperties && typeof s.additionalProperties === "object")
    out.push(...stringLeaves(s.additionalProperties, [...keys, "k"], depth + 1, want));
  return out;
}

/** A body with `value` at `keys` (arrays where the key is an index). */
function bodyWith(keys: string[], value: unknown): unknown {
  if (keys.length === 0) return value;
  const [head, ...rest] = keys;
  const inner = bodyWith(rest, value);
  return /^\d+$/.test(head) ? [inner] : { [head]: inner };
}

/** The operations of the document with their string fields (body, query string, path parameters). */
function operations() {
  const ops: { method: string; path: string; op: Operation; fields: Field[] }[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const fields: Field[] = [];
      const json = op.requestBody?.content?.["application/json"]?.schema;
      const seen = new Set<string>();
      for (const leaf of stringLeaves(json)) {
        const id = leaf.keys.join(".");
        if (seen.has(id)) continue;
        seen.add(id);
        fields.push({ where: "body", ...leaf });
      }
      for (const p of op.parameters ?? []) {
        if (p.in !== "query" && p.in !== "path") continue;
        const leaf = stringLeaves(p.schema).find((l) => l.keys.length === 0);
        if (leaf) fields.push({ where: p.in, keys: [p.name], schema: leaf.schema });
      }
      ops.push({ method: method.toUpperCase(), path, op, fields });
    }
  }
  return ops;
}

/** Sends `value` in one field of one operation; the other path parameters get harmless values. */
async function probe(o: { method: string; path: string; op: Operation }, field: Field, value: unknown) {
  // A valid value for another path parameter: its first enumerated or example value, a UUID for ids.
  const harmless = (name: string) => {
    const param = o.op.parameters?.find((p) => p.in === "path" && p.name === name);
    const s = param?.schema ? deref(param.schema) : undefined;
    const known = s?.enum?.[0] ?? param?.example ?? s?.examples?.[0];
    if (known !== undefined) return encodeURIComponent(String(known));
    return name === "id" || name.endsWith("Id") ? randomUUID() : "x";
  };
  let url = o.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    field.where === "path" && field.keys[0] === name ? encodeURIComponent(String(value)) : harmless(name),
  );
  if (field.where === "query") url += `?${field.keys[0]}=${encodeURIComponent(String(value))}`;
  const body =
    o.method === "GET" || o.method === "DELETE"
      ? undefined
      : field.where === "body"
        ? bodyWith(field.keys, value)
        : {};
  return admin.request<Problem>(o.method, url, body);
}

/** Runs `jobs` a few at a time (one server, one database: overlap the requests, bound the load). */
async function pool(jobs: (() => Promise<void>)[], size = 4) {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]();
  };
  await Promise.all(Array.from({ length: size }, worker));
}

const named = (res: TestResponse<Problem>, field: string, code?: string) =>
  (res.body.errors ?? []).some((e) => e.field === field && (code === undefined || e.code === code));

function expectProblem(res: TestResponse<Problem>, what: string) {
  expect(res.status, `${what}: ${res.status} ${res.text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.status, what).toBeGreaterThanOrEqual(400);
  expect(String(res.headers["content-type"]), what).toContain("application/problem+json");
}

describe("text fields of every operation in the OpenAPI document", () => {
  it("finds the operations to probe (the walk is not vacuous)", () => {
    const ops = operations();
    const writes = ops.filter((o) => o.method !== "GET");
    expect(writes.length).toBeGreaterThan(50);
    expect(ops.flatMap((o) => o.fields).length).toBeGreaterThan(300);
    // Multi-line fields are marked in the document; the rest are single-line.
    expect(ops.flatMap((o) => o.fields).some((f) => f.schema["x-multiline"])).toBe(true);
  });

  it("refuses a NUL, a control character, an unpaired surrogate and an impossible date in every field with 422 naming it", async () => {
    const misses: string[] = [];
    const jobs: (() => Promise<void>)[] = [];
    for (const o of operations()) {
      for (const field of o.fields) {
        const name = field.keys.join(".");
        // One control character per field (the guard treats them alike; test/integration/hostile.test.ts
        // sends random ones, U+0007 and ESC among them, to every operation).
        for (const [value, code] of [
          ["a\u0000b", "control_character"],
          ["a\ud800b", "unpaired_surrogate"],
          ["2026-02-30", "impossible_date"],
          ["2026-11-24T25:00:00Z", "impossible_date"],
        ] as const) {
          // An unpaired surrogate cannot be written in a URL (it is not UTF-8): JSON bodies only.
          if (code === "unpaired_surrogate" && field.where !== "body") continue;
          const what = `${o.op.operationId} ${field.where} ${name} ${JSON.stringify(value)}`;
          jobs.push(async () => {
            const res = await probe(o, field, value);
            expectProblem(res, what);
            if (res.status !== 422 || !named(res, name, code))
              misses.push(`${what} → ${res.status} ${res.text.slice(0, 200)}`);
          });
        }
      }
    }
    await pool(jobs);
    expect(misses).toEqual([]);
  }, 120_000); // every field of every operation: room for a loaded machine

  it("refuses line breaks and tabs in single-line fields and keeps them in multi-line ones", async () => {
    const misses: string[] = [];
    let multi = 0;
    const jobs: (() => Promise<void>)[] = [];
    for (const o of operations()) {
      for (const field of o.fields) {
        const name = field.keys.join(".");
        for (const value of ["a\nb", "a\tb"]) {
          const what = `${o.op.operationId} ${field.where} ${name} ${JSON.stringify(value)}`;
          jobs.push(async () => {
            const res = await probe(o, field, value);
            expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
            if (field.schema["x-multiline"]) {
              multi++;
              if (named(res, name, "line_break") || named(res, name, "control_character"))
                misses.push(`${what} refused`);
            } else {
              expectProblem(res, what);
              if (res.status !== 422 || !named(res, name, "line_break"))
                misses.push(`${what} → ${res.status}`);
            }
          });
        }
      }
    }
    await pool(jobs);
    expect(multi).toBeGreaterThan(20);
    expect(misses).toEqual([]);
  }, 120_000); // every field of every operation, three values each

  it("bounds every string field: one character too many is 422 naming it; none is unbounded", async () => {
    const misses: string[] = [];
    const jobs: (() => Promise<void>)[] = [];
    for (const o of operations()) {
      for (const field of o.fields) {
        const name = field.keys.join(".");
        const what = `${o.op.operationId} ${field.where} ${name}`;
        const s = field.schema;
        if (s.maxLength === undefined) {
          // An enum, a constant or a format (uuid, date, e-mail…) bounds it; anything else must say its maximum.
          if (!s.enum && s.const === undefined && !s.format && !s.pattern)
            misses.push(`${what}: no maxLength`);
          jobs.push(async () => expectProblem(await probe(o, field, "x".repeat(10_000)), what));
          continue;
        }
        const max = s.maxLength;
        jobs.push(async () => {
          const res = await probe(o, field, "汉".repeat(max + 1));
          expectProblem(res, what);
          // A maximum beyond the body limit (2 MB) is met by 413 first.
          if (res.status === 413 && (max + 1) * 3 > 2 * 1024 * 1024) return;
          if (res.status !== 422 || !named(res, name))
            misses.push(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
        });
      }
    }
    await pool(jobs);
    expect(misses).toEqual([]);
  }, 120_000); // every string field of every operation

  it("holds free-form data no schema describes to the same rule (application forms, callbacks)", async () => {
    const form = await admin.post<Problem>("/api/cases", {
      itemCode: "construction-land-planning-permit",
      formData: { projectName: "项目\u0000", startDate: "2026-02-30", "key\u0001": "x", note: "两行\n文字" },
    });
    expect(form.status).toBe(422);
    expect(form.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "formData.projectName", code: "control_character" }),
        expect.objectContaining({ field: "formData.startDate", code: "impossible_date" }),
        expect.objectContaining({ field: "formData.key\\u0001", code: "control_character" }),
      ]),
    );
    // Several lines are fine where nothing says otherwise.
    expect(named(form, "formData.note")).toBe(false);
    const callback = await t.client().post<Problem>("/api/payments/callback", { orderId: "a\u0000" });
    expect(callback.status).toBe(422);
    expect(named(callback, "orderId", "control_character")).toBe(true);
  });

  it("holds uploaded file names to one clean line (control characters stripped, issue 16); a clean upload still goes through", async () => {
    const sanmu = await t.as("sanmu");
    const draft = await sanmu.post<CaseBody>("/api/cases", {
      itemCode: "construction-land-planning-permit",
      formData: LAND_PERMIT_FORM,
    });
    expect(draft.status).toBe(201);
    const url = `/api/cases/${draft.body.id}/materials/application_form/files`;
    // The name as a browser may send it: RFC 5987 `filename*`, which the multipart parser decodes.
    const upload = (name: string) => {
      const boundary = "----yizhantext";
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(name)}\r\nContent-Type: application/pdf\r\n\r\n`;
      const body = Buffer.concat([Buffer.from(head), PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return sanmu.request<Problem>("POST", url, body, {
        "content-type": `multipart/form-data; boundary=${boundary}`,
      });
    };
    for (const name of ["申请表\u0000.pdf", "申请表\u0007.pdf"]) {
      const res = await upload(name);
      expect(res.status, name).toBe(201);
      expect(res.text, name).not.toMatch(/\\u000[07]/);
    }
    // A line break ends the multipart header: no file part at all (422 naming the file).
    const broken = await upload("申请表\n.pdf");
    expect(broken.status).toBe(422);
    expect(named(broken, "file")).toBe(true);
    const ok = await sanmu.upload<{ case: CaseBody }>(url, "申请表.pdf", PDF, "application/pdf");
    expect(ok.status).toBe(201);
    expect(ok.body.case.materials.find((m) => m.code === "application_form")?.files).toHaveLength(3);
  });

  it("bounds every number: each has a maximum the database can hold, and one more is 422 naming it", async () => {
    const misses: string[] = [];
    for (const o of operations()) {
      const json = o.op.requestBody?.content?.["application/json"]?.schema;
      const leaves = stringLeaves(json, [], 0, isNumber).map((l) => ({ where: "body" as const, ...l }));
      for (const p of o.op.parameters ?? [])
        if (p.in === "query" && isNumber(deref(p.schema)))
          leaves.push({ where: "query" as never, keys: [p.name], schema: deref(p.schema) });
      for (const leaf of leaves) {
        const s = leaf.schema as JsonSchema & { maximum?: number; type?: string };
        const what = `${o.op.operationId} ${leaf.keys.join(".")}`;
        // PostgreSQL integer columns hold 32 bits; other numbers must say their bound too.
        if (s.maximum === undefined || (s.type === "integer" && s.maximum > 2_147_483_647)) {
          misses.push(`${what}: maximum ${s.maximum}`);
          continue;
        }
        const res = await probe(o, leaf as Field, s.type === "integer" ? s.maximum + 1 : s.maximum * 2);
        expectProblem(res, what);
        if (res.status !== 422 || !named(res, leaf.keys.join("."))) misses.push(`${what}: ${res.status}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it("a version or an amount beyond the column is 422, not a 500 from the driver", async () => {
    const sanmu = await t.as("sanmu");
    const draft = await sanmu.post<CaseBody>("/api/cases", {
      itemCode: "construction-land-planning-permit",
      formData: LAND_PERMIT_FORM,
    });
    const patched = await sanmu.patch<Problem>(`/api/cases/${draft.body.id}`, {
      expectedVersion: 2 ** 31,
      title: "x",
    });
    expect(patched.status).toBe(422);
    expect(named(patched, "expectedVersion", "too_big")).toBe(true);
  });
});
