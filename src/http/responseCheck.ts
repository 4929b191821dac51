import type { FastifySerializerCompiler } from "fastify";
import { serializerCompiler } from "fastify-type-provider-zod";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * The first place (a JSON path such as `$.items[0].clock`) where `sent` differs from `given`, or null
 * when they are equal; object keys in any order.
 */
export function firstDifference(given: Json, sent: Json, path = "$"): string | null {
  if (given === sent) return null;
  if (Array.isArray(given) && Array.isArray(sent)) {
    if (given.length !== sent.length) return `${path} (length ${given.length} → ${sent.length})`;
    for (let i = 0; i < given.length; i++) {
      const d = firstDifference(given[i], sent[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (given && sent && typeof given === "object" && typeof sent === "object" && !Array.isArray(given)) {
    if (Array.isArray(sent)) return `${path} (object → array)`;
    for (const k of Object.keys(given)) {
      if (!(k in sent)) return `${path}.${k} (left out by the schema)`;
      const d = firstDifference(given[k], sent[k], `${path}.${k}`);
      if (d) return d;
    }
    for (const k of Object.keys(sent)) if (!(k in given)) return `${path}.${k} (added by the schema)`;
    return null;
  }
  return `${path} (${JSON.stringify(given)?.slice(0, 80)} → ${JSON.stringify(sent)?.slice(0, 80)})`;
}

/**
 * The response serializer with a check, for tests: the JSON sent must be exactly what the route
 * returned (after JSON.stringify). A response schema that leaves out a field the route returns (zod
 * strips unknown keys), or changes a value, fails the request with a 500 and says where on stderr —
 * so every integration test also checks that the documented schemas are the data sent.
 */
export const checkedSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const serialize = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
  return (data) => {
    const json = serialize(data);
    const given = JSON.parse(JSON.stringify(data) ?? "null") as Json;
    const diff = firstDifference(given, JSON.parse(json) as Json);
    if (diff) {
      const where = `${route.method} ${route.url} ${route.httpStatus}`;
      process.stderr.write(`response schema mismatch: ${where} at ${diff}\n`);
      throw new Error(`The response of ${where} differs from its schema at ${diff}`);
    }
    return json;
  };
};

/**
 * The response serializer in production: `JSON.stringify` of what the presenter returned. Presenters
 * are the only exit for data (they list every field); the integration tests run every route under
 * {@link checkedSerializerCompiler}, which proves the documented schema sends exactly that. Encoding
 * every response through its zod schema as well cost about 7% of transition throughput
 * (bench/transitions) for no change in the bytes.
 */
export const presenterSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const viaSchema = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
  return (data) => JSON.stringify(data) ?? viaSchema(data);
};
