/**
 * The one error body of the API: RFC 9457 `application/problem+json`, with Yizhan's stable `code` and
 * the message in both languages (src/http/problem.ts writes it; docs/api-conventions.md explains it).
 */
import { z } from "zod";
import { ZBilingual } from "./common";

/** One problem with one field of the input; `field` is the dotted path (`checks.0.note`). */
export const ZFieldProblem = z.object({ field: z.string(), code: z.string(), message: ZBilingual });

export const ZProblem = z
  .object({
    type: z.string().describe("A URI naming the kind of problem: https://yizhan.dev/problems/<code>"),
    status: z.number().int().describe("The HTTP status code"),
    code: z.string().describe("Stable machine-readable code (validation_failed, version_conflict …)"),
    title: z.string().describe("Short English summary of the status"),
    detail: z.string().describe("What went wrong, in English"),
    message: ZBilingual.describe("What went wrong, in Chinese and English"),
    field: z.string().optional().describe("The first field the problem names"),
    errors: z.array(ZFieldProblem).optional().describe("One entry per field of the input at fault"),
    details: z.record(z.string(), z.unknown()).optional().describe("Facts of the problem (versions, limits)"),
    instance: z.string().describe("The request path"),
    requestId: z.string().describe("The request id (also the x-request-id header)"),
  })
  .meta({ id: "Problem", description: "An error (RFC 9457 problem details)" });
export type TProblem = z.infer<typeof ZProblem>;
