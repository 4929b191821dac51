/**
 * Requests of the catalog operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";
import { ZHandlingType, ZItemKind, ZLocalDate, ZServiceItemContent } from "../../catalog";
import { ZExpectedVersion } from "../../numbers";

/** A new item: its first version's content, the date it takes effect, and an optional note. */
export const ZCreateServiceItem = z.object({
  content: ZServiceItemContent,
  effectiveFrom: ZLocalDate,
  changeNote: z.string().max(500).default(""),
});

/** An edit: the new version's content, from when it applies, why, and the version the editor started from. */
export const ZUpdateServiceItem = z.object({
  content: ZServiceItemContent,
  effectiveFrom: ZLocalDate,
  changeNote: z.string().trim().min(1).max(500),
  /** The item's latest version number when the editor loaded it (optimistic check). */
  expectedVersion: ZExpectedVersion,
});

/** Filters of the public item list; every one optional. */
export const ZListServiceItems = z.object({
  /** Chinese full-text search (jieba), plus a substring match on name and code. */
  q: z.string().trim().max(100).optional(),
  /** Implementing organization code: items of that organization and the organizations below it. */
  org: z.string().max(64).optional(),
  /** Department code: the lead review department, a township that handles the item, or `township` (all). */
  department: z.string().max(64).optional(),
  kind: ZItemKind.optional(),
  handlingType: ZHandlingType.optional(),
  /** A life-event tag (主题), e.g. 工程建设. */
  lifeEvent: z.string().max(50).optional(),
  /** Include inactive items (administrators). */
  includeInactive: z.coerce.boolean().optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZCatalogDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const ZCodeParam = z.object({ code: z.string().min(1).max(64) });

export const ZVersionQuery = z.object({
  version: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  on: ZCatalogDate.optional(),
});

export const ZCompareItemVersionsQuery = z.object({
  from: z.coerce.number().int().min(1).max(2_147_483_647),
  to: z.coerce.number().int().min(1).max(2_147_483_647),
});

export const ZGetOneTimeNoticeSheetQuery = ZVersionQuery.extend({
  format: z.enum(["pdf", "json"]).default("pdf"),
});
