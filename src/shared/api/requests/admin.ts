/**
 * Requests of the admin operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";
import { ORGANIZATION_KINDS, ROLES } from "../../../domain/roles";
import { ZExpectedVersion } from "../../numbers";

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

/** `GET /api/users`: search (username or name), role, organization (its tree) and active filters. */
export const ZListUsersQuery = z.object({
  q: z.string().max(64).optional(),
  role: z.enum(ROLES).optional(),
  org: z.string().max(64).optional(),
  active: z.enum(["true", "false"]).optional(),
});

export const ZUserIdParams = z.object({ id: z.uuid() });

/** An administrator's edit of an account: the shown name and the roles (replaced whole). */
export const ZUpdateUser = z.object({
  expectedVersion: ZExpectedVersion,
  displayName: z.string().min(1).max(100),
  roles: z.array(z.object({ role: z.enum(ROLES), org: z.string().max(64).optional() })),
});

/** Disable (sessions end, login refused) or enable an account. */
export const ZSetUserActive = z.object({ expectedVersion: ZExpectedVersion, active: z.boolean() });

/** A password reset: the version read (the temporary password is the answer's). */
export const ZResetPassword = z.object({ expectedVersion: ZExpectedVersion });

export const ZOrgCodeParams = z.object({ code: z.string().min(1).max(64) });

/** What an administrator may set on an organization (the code and parent are fixed once created). */
const orgFields = {
  name: z.string().min(1).max(100),
  nameEn: z.string().max(200).nullable().optional(),
  creditCode: z.string().max(18).nullable().optional(),
  address: z.string().max(200).nullable().optional(),
  phone: z.string().max(30).nullable().optional(),
  hours: z.string().max(200).nullable().optional(),
};

/** A new organization under `parent` (a section, a window, …); its code becomes part of the paths. */
export const ZCreateOrganization = z.object({
  parent: z.string().min(1).max(64),
  code: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[A-Z0-9-]+$/, "capital letters, digits and dash only"),
  kind: z.enum(ORGANIZATION_KINDS),
  ...orgFields,
});

export const ZUpdateOrganization = z.object({ expectedVersion: ZExpectedVersion, ...orgFields });
