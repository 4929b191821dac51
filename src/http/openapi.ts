import type { SwaggerTransform, SwaggerTransformObject } from "@fastify/swagger";
import type { RouteOptions } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { z } from "zod";
import "../shared/api/problem";
import type { Access } from "./plugins/auth";

/** The error statuses the document names (RFC 9457 problems; docs/api-conventions.md). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 423 | 429 | 500 | 502 | 504;

/** A multipart/form-data request as the document shows it (the route reads the parts itself). */
export type MultipartBody = {
  /** The parts: `file` (a {@link ZUploadFile}) and the text fields. */
  parts: z.ZodObject;
  /** The same operation also takes this JSON body (publishing a record without a file). */
  json?: z.ZodType;
};

declare module "fastify" {
  interface FastifySchema {
    /**
     * Problems the operation answers besides those its shape implies (src/http/openapi.ts derives 400,
     * 401, 403, 404, 409, 413, 415, 422 and 429 from the route, and 500 for all); documentation only.
     */
    problems?: readonly ProblemStatus[];
    /** A multipart/form-data body, documented here because the route reads it itself. */
    multipart?: MultipartBody;
  }
}

export { ZUploadFile } from "../shared/api/requests/uploads";

// Bytes sent as they are (a Buffer, or a string such as a PEM file): Fastify never serializes them.
const ZBinary = z
  .custom<Buffer | string>((v) => Buffer.isBuffer(v) || typeof v === "string")
  .meta({ type: "string", format: "binary" });

/** A media type of bytes (a PDF, an uploaded file) in a response. */
export const binaryMedia = { schema: ZBinary };

/** A response of bytes (a PDF, an uploaded file) in one or more media types. */
export function binaryResponse(description: string, ...mediaTypes: string[]) {
  return { description, content: Object.fromEntries(mediaTypes.map((t) => [t, binaryMedia])) };
}

const PROBLEM_TEXT: Record<ProblemStatus, string> = {
  400: "The request cannot be read (malformed JSON or multipart body)",
  401: "Not signed in (or the session has expired), or a signature that does not verify",
  403: "The caller may not do this (role or organization), or the CSRF header is missing",
  404: "No such record, or the caller may not know that it exists",
  409: "The record changed since the caller read it (expectedVersion), its state does not allow this, or a request with the same Idempotency-Key is still running",
  410: "Gone: a link or session past its time (the 30 days for rating, a tablet session)",
  413: "The body is over the limit (JSON 2 MB, uploads 20 MB)",
  415: "A media type (request body or uploaded file) the operation does not take",
  422: "A field of the input is wrong: one entry per field in `errors`",
  423: "The account is locked after repeated failed logins",
  429: "Too many requests from this address; try again later",
  500: "An unexpected error: the problem names no internals; quote its requestId",
  502: "Another department's system answered with an error",
  504: "Another department's system did not answer in time",
};

const SUCCESS_TEXT: Record<string, string> = {
  "200": "OK",
  "201": "Created",
  "204": "No content",
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const IDEMPOTENCY_KEY_PARAMETER = {
  type: "string",
  minLength: 1,
  maxLength: 200,
  description:
    "Optional. Names this write so a retry is safe: a retry with the same key and request gets the first " +
    "answer again (header `Idempotent-Replayed: true`) and changes nothing; kept 24 hours; the same key " +
    "on a different request is 422. A UUID is the usual choice.",
};
const PROBLEM_REF = "#/components/schemas/Problem";

type JsonSchema = {
  properties?: Record<string, unknown>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  content?: Record<string, { schema?: JsonSchema }>;
};

/** True when a request body carries `expectedVersion` (an optimistic check: 409 when stale). */
function carriesVersion(s: JsonSchema | undefined): boolean {
  if (!s) return false;
  if (s.properties && "expectedVersion" in s.properties) return true;
  const alternatives = [...(s.anyOf ?? []), ...(s.oneOf ?? [])];
  const media = Object.values(s.content ?? {}).map((m) => m.schema);
  return [...alternatives, ...media].some(carriesVersion);
}

/** The access of a route: as declared, else `session`. */
export function accessOf(route: Pick<RouteOptions, "config">): Access {
  return route.config?.access ?? "session";
}

/**
 * The per-route transform of the OpenAPI document: zod schemas to JSON Schema (fastify-type-provider-zod),
 * then what the route's shape implies — security (session cookie, CSRF header on writes, nothing for
 * public operations), the problem responses, multipart request bodies.
 */
export const documentRoute: SwaggerTransform = (input) => {
  const raw = input.schema as (Record<string, unknown> & { hide?: boolean }) | undefined;
  if (!raw || raw.hide) return jsonSchemaTransform(input);
  const { problems, multipart, ...schema } = raw as typeof raw & {
    problems?: readonly ProblemStatus[];
    multipart?: MultipartBody;
  };
  const pre = multipart ? { ...schema, body: multipart.parts, consumes: ["multipart/form-data"] } : schema;
  const out = jsonSchemaTransform({ ...input, schema: pre });
  const doc = out.schema as Record<string, unknown> & {
    body?: JsonSchema;
    response?: Record<string, unknown>;
  };
  if (multipart?.json) {
    const json = jsonSchemaTransform({ ...input, schema: { body: multipart.json } }).schema as {
      body: JsonSchema;
    };
    doc.body = {
      content: { "application/json": { schema: json.body }, "multipart/form-data": { schema: doc.body } },
    };
  }

  const route = input.route;
  const access = accessOf(route);
  const write = !SAFE_METHODS.has(String(route.method));
  const csrf = write && access !== "public" && route.config?.csrf !== false;
  doc.security =
    access === "public"
      ? []
      : access === "optional"
        ? [{}, { session: [] }]
        : csrf
          ? [{ session: [], csrf: [] }]
          : [{ session: [] }];

  const statuses = new Set<ProblemStatus>([...(problems ?? []), 500]);
  const add = (...s: ProblemStatus[]) => {
    for (const x of s) statuses.add(x);
  };
  if (doc.body) add(400, 413, 415, 422);
  if (doc.params || doc.querystring) add(422);
  if (doc.params) add(404);
  if (access === "session") add(401);
  if (csrf) add(403);
  if (carriesVersion(doc.body)) add(409);
  if (write) {
    // Every write takes an Idempotency-Key (src/http/plugins/idempotency.ts): 422 when reused for
    // another request, 409 while the first one runs.
    add(409, 422);
    const headers = (doc.headers ?? { type: "object", properties: {} }) as {
      properties?: Record<string, unknown>;
    };
    doc.headers = {
      ...headers,
      properties: { ...(headers.properties ?? {}), "idempotency-key": IDEMPOTENCY_KEY_PARAMETER },
    };
  }
  if ((route.config as { rateLimit?: unknown } | undefined)?.rateLimit) add(429);
  const errors = Object.fromEntries(
    [...statuses]
      .sort((a, b) => a - b)
      .map((s) => [
        s,
        {
          description: PROBLEM_TEXT[s],
          content: { "application/problem+json": { schema: { $ref: PROBLEM_REF } } },
        },
      ]),
  );
  doc.response = { ...(doc.response ?? {}), ...errors };
  return { schema: doc, url: out.url };
};

type Doc = {
  paths?: Record<string, Record<string, { responses?: Record<string, { description?: string }> }>>;
  components?: { schemas?: Record<string, unknown> };
};

/** Every `$ref` to a component schema inside a value. */
function refsIn(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) refsIn(v, into);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string" && v.startsWith("#/components/schemas/"))
        into.add(v.slice("#/components/schemas/".length));
      else refsIn(v, into);
    }
  return into;
}

/**
 * The whole-document transform: the component schemas of the named zod schemas (`.meta({ id })`, e.g.
 * `Problem`, `Case`), only those referenced; success responses described by their status.
 */
export const documentObject: SwaggerTransformObject = (input) => {
  const doc = jsonSchemaTransformObject(input) as Doc;
  const schemas = doc.components?.schemas ?? {};
  const used = refsIn(doc.paths, new Set());
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of [...used])
      for (const r of refsIn(schemas[name], new Set()))
        if (!used.has(r)) {
          used.add(r);
          grew = true;
        }
  }
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
  for (const methods of Object.values(doc.paths ?? {}))
    for (const op of Object.values(methods))
      for (const [status, res] of Object.entries(op.responses ?? {}))
        if (res.description === "Default Response") res.description = SUCCESS_TEXT[status] ?? "Success";
  return doc as ReturnType<SwaggerTransformObject>;
};
