/**
 * Requests of the applicants operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";

export const ZRegisterApplicant = z.object({
  kind: z.enum(["person", "enterprise"]),
  name: z.string().min(1).max(100),
  idNumber: z.string().max(18).optional(),
  creditCode: z.string().max(18).optional(),
  legalRepresentative: z.string().max(50).optional(),
  phone: z
    .string()
    .regex(/^1\d{10}$/, "11-digit mobile number")
    .optional(),
  email: z.email().optional(),
  address: z.string().max(200).optional(),
});

export const ZSearchApplicantsQuery = z.object({ q: z.string().max(100).default("") });
