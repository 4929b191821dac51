/**
 * Requests of the admin operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";
import { ROLES } from "../../../domain/roles";

export const ZCreateUser = z.object({
  username: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[a-zA-Z0-9._-]+$/, "letters, digits, dot, dash and underscore only"),
  displayName: z.string().min(1).max(100),
  password: z.string().min(8).max(128),
  kind: z.enum(["staff", "person", "enterprise"]).default("staff"),
  roles: z.array(z.object({ role: z.enum(ROLES), org: z.string().max(64).optional() })).default([]),
  idNumber: z.string().max(18).optional(),
  creditCode: z.string().max(18).optional(),
  legalRepresentative: z.string().max(50).optional(),
  phone: z.string().max(20).optional(),
  email: z.string().email().max(254).optional(),
  address: z.string().max(200).optional(),
});
