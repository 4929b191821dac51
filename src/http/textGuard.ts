import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { textProblems } from "../shared/text";
import { fieldsProblem } from "./problem";

type RouteSchemas = { params?: z.core.$ZodType; querystring?: z.core.$ZodType; body?: z.core.$ZodType };

/** Throws one 422 naming every field of `value` whose text breaks the rule (src/shared/text.ts). */
export function assertText(schema: z.core.$ZodType | undefined, value: unknown): void {
  const problems = textProblems(schema, value);
  if (problems.length) throw fieldsProblem(problems);
}

/**
 * One gate for the text of every request (src/shared/text.ts): path parameters, query string and JSON
 * body are checked before the route's schema — control characters, line breaks in single-line fields,
 * unpaired surrogates and impossible dates are a 422 naming each field, so none of them reaches the
 * database driver (where U+0000 failed as a 500). Runs for every route, including those added later
 * and those whose body no schema describes.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (req) => {
    const schema = (req.routeOptions.schema ?? {}) as RouteSchemas;
    const problems = [
      ...textProblems(schema.params, req.params),
      ...textProblems(schema.querystring, req.query),
      ...textProblems(schema.body, req.body),
    ];
    if (problems.length) throw fieldsProblem(problems);
  });
}
