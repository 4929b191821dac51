/** The administrators' audit log on the wire (`listAdminAuditEntries`; src/app/audit/adminAudit.ts). */
import { z } from "zod";

export const AUDIT_TARGETS = [
  "user",
  "organization",
  "service_item",
  "calendar",
  "setting",
  "applicant",
] as const;

/** One recorded administrative change. */
export const ZAdminAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorUsername: z.string(),
  ip: z.string().nullable(),
  /** `user.created`, `role.granted`, `role.revoked`, `organization.updated`, `calendar.override_created`, … */
  action: z.string(),
  targetType: z.enum(AUDIT_TARGETS),
  targetId: z.string().nullable(),
  targetLabel: z.string().nullable(),
  orgPath: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type TAdminAuditEntry = z.infer<typeof ZAdminAuditEntry>;

/** A page of the log, newest first; `nextOffset` asks for the next page (null at the end). */
export const ZAdminAuditList = z.object({
  items: z.array(ZAdminAuditEntry),
  nextOffset: z.number().int().nullable(),
});
export type TAdminAuditList = z.infer<typeof ZAdminAuditList>;

/** Filters of the log. */
export const ZListAdminAuditQuery = z.object({
  action: z.string().max(64).optional(),
  targetType: z.enum(AUDIT_TARGETS).optional(),
  actor: z.string().max(64).optional(),
  target: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TListAdminAuditQuery = z.input<typeof ZListAdminAuditQuery>;
