import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { CLIENT_TYPES, clientTypes } from "../../scripts/openapi";
import { openApiDocument } from "./openapiDocument";

// The OpenAPI document is a contract (issue 12, item 4): every operation says what it answers on
// success, which problems it answers with, who may call it, and what its body is — and the typed
// client generated from it (src/shared/api/schema.ts) is the one committed.

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
};
type Media = { schema?: Schema };
type Operation = {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { description?: string; content?: Record<string, Media> }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> };
};

let doc: Doc;
const ops: { method: string; path: string; op: Operation }[] = [];
beforeAll(async () => {
  doc = (await openApiDocument()) as unknown as Doc;
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) ops.push({ method: method.toUpperCase(), path, op });
});

const deref = (s: Schema | undefined): Schema | undefined =>
  s?.$ref ? doc.components.schemas[s.$ref.replace("#/components/schemas/", "")] : s;

/** A schema that says nothing about the value: `{}`, or an object open to anything with no properties. */
function bare(s: Schema | undefined): boolean {
  const d = deref(s);
  if (!d) return true;
  const keys = Object.keys(d).filter((k) => k !== "description");
  if (keys.length === 0) return true;
  return d.type === "object" && !d.properties && !d.anyOf && !d.oneOf;
}

describe("the OpenAPI document", () => {
  it("has operations to check (the walk is not vacuous)", () => {
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.map((o) => o.op.operationId)).toContain("findCaseByNumber");
  });

  it("gives every operation a unique operationId and a summary", () => {
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.filter((x) => !x)).toEqual([]);
    expect(ids.filter((x, i) => ids.indexOf(x) !== i)).toEqual([]);
    expect(ops.filter((o) => !o.op.summary).map((o) => o.op.operationId)).toEqual([]);
  });

  it("resolves every $ref (no dangling reference)", () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    const missing = refs
      .map((r) => r.slice(8, -1))
      .filter((r) => !doc.components.schemas[r.replace("#/components/schemas/", "")]);
    expect(refs.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it("documents a success schema for every operation, never a bare {} unless it returns nothing", () => {
    const misses: string[] = [];
    for (const { op } of ops) {
      const success = Object.entries(op.responses).filter(([s]) => s.startsWith("2"));
      if (success.length === 0) misses.push(`${op.operationId}: no 2xx`);
      for (const [status, res] of success) {
        if (status === "204") {
          if (res.content) misses.push(`${op.operationId}: 204 with a body`);
          continue;
        }
        const media = Object.entries(res.content ?? {});
        if (media.length === 0) misses.push(`${op.operationId} ${status}: no content`);
        for (const [type, m] of media) {
          if (type.includes("json") ? bare(m.schema) : m.schema?.format !== "binary")
            misses.push(`${op.operationId} ${status} ${type}: ${JSON.stringify(m.schema).slice(0, 80)}`);
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it("documents the problems of every operation with the one Problem schema", () => {
    const problem = doc.components.schemas.Problem;
    expect(Object.keys(problem.properties ?? {})).toEqual(
      expect.arrayContaining(["type", "title", "status", "detail", "code", "message", "errors"]),
    );
    const misses: string[] = [];
    for (const { op } of ops) {
      const errors = Object.entries(op.responses).filter(([s]) => /^[45]/.test(s));
      if (!errors.some(([s]) => s.startsWith("4")) && op.security?.length)
        misses.push(`${op.operationId}: no 4xx`);
      if (errors.length === 0) misses.push(`${op.operationId}: no error response`);
      for (const [status, res] of errors) {
        const ref = res.content?.["application/problem+json"]?.schema?.$ref;
        if (ref !== "#/components/schemas/Problem") misses.push(`${op.operationId} ${status}: ${ref}`);
      }
      const has = (s: string) => s in op.responses;
      if (op.requestBody && !(has("400") && has("413") && has("415") && has("422")))
        misses.push(`${op.operationId}: a body without 400/413/415/422`);
      if (!has("500")) misses.push(`${op.operationId}: no 500`);
    }
    expect(misses).toEqual([]);
  });

  it("declares security: the session cookie, the CSRF header on writes, nothing on public operations", () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["csrf", "session"]);
    const misses: string[] = [];
    for (const { method, op } of ops) {
      if (!Array.isArray(op.security)) {
        misses.push(`${op.operationId}: security not declared`);
        continue;
      }
      const schemes = op.security.flatMap((s) => Object.keys(s));
      const anonymous = op.security.length === 0 || op.security.some((s) => Object.keys(s).length === 0);
      if (!anonymous && !("401" in op.responses)) misses.push(`${op.operationId}: session without 401`);
      if (!anonymous && method !== "GET" && !schemes.includes("csrf"))
        misses.push(`${op.operationId}: a write without the CSRF header`);
      if (schemes.includes("csrf") && !("403" in op.responses))
        misses.push(`${op.operationId}: CSRF without 403`);
    }
    expect(misses).toEqual([]);
    const publicOps = ops.filter((o) => o.op.security?.length === 0).map((o) => o.op.operationId);
    expect(publicOps).toEqual(
      expect.arrayContaining(["login", "health", "getPublicProgress", "verifyCertificate"]),
    );
    expect(publicOps).not.toContain("getCase");
  });

  it("documents uploads as multipart bodies with the file, and documents as PDF bytes", () => {
    const byId = new Map(ops.map((o) => [o.op.operationId, o.op]));
    for (const id of [
      "uploadMaterial",
      "deliverDeferredMaterial",
      "answerPartnerRequest",
      "uploadProjectFile",
      "publishSharedRecord",
    ]) {
      const form = byId.get(id)?.requestBody?.content["multipart/form-data"]?.schema;
      expect(form?.properties?.file, id).toMatchObject({ type: "string", format: "binary" });
    }
    for (const id of [
      "downloadCaseDocument",
      "downloadCertificatePdf",
      "downloadPaymentReceipt",
      "getOneTimeNoticeSheet",
    ]) {
      const pdf = byId.get(id)?.responses["200"]?.content?.["application/pdf"]?.schema;
      expect(pdf, id).toMatchObject({ type: "string", format: "binary" });
    }
  });

  it("is the document the committed typed client was generated from (npm run gen:client)", async () => {
    const committed = readFileSync(CLIENT_TYPES, "utf8");
    const fresh = await clientTypes(doc as unknown as Record<string, unknown>);
    // On failure: run `npm run gen:client` and commit src/shared/api/schema.ts.
    expect(committed === fresh, "src/shared/api/schema.ts is stale: run npm run gen:client").toBe(true);
  });
});
