import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { inFieldOrder, withFieldOrder } from "../../domain/catalog/formOrder";
import type { TServiceItemContent } from "../../shared/catalog";
import { id, instant } from "./common";
import { organizations } from "./organizations";
import { users } from "./users";

/**
 * A PostgreSQL `tsvector`. Drizzle has no native type: the application writes it (jieba segmentation
 * runs in JS) as `to_tsvector('simple', <space-separated words>)`, so the column is written through SQL.
 */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => "tsvector",
});

/**
 * An item version's content: jsonb, with the form's field order kept as `uiSchema["ui:order"]` on every
 * write and applied to the form schema's `properties` on every read (jsonb sorts an object's keys:
 * src/domain/catalog/formOrder.ts).
 */
const itemContent = customType<{ data: TServiceItemContent; driverData: unknown }>({
  dataType: () => "jsonb",
  toDriver: (v) => JSON.stringify(withFieldOrder(v)),
  fromDriver: (v) => inFieldOrder((typeof v === "string" ? JSON.parse(v) : v) as TServiceItemContent),
});

/**
 * A service item (政务服务事项): its stable identity and the denormalized fields of its current version
 * used for listing and search. The content itself lives in versions: an edit never changes an old one.
 */
export const serviceItems = pgTable(
  "service_items",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** Implementing organization (实施主体). */
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    kind: text("kind").notNull(),
    handlingType: text("handling_type").notNull(),
    /** Highest version number (the newest, which may take effect in the future). */
    currentVersion: integer("current_version").notNull(),
    active: boolean("active").notNull().default(true),
    /** jieba `cutForSearch` words of name, code, life events, organization, materials (simple config). */
    search: tsvector("search").notNull().default(sql`''::tsvector`),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("service_items_code_uq").on(t.code),
    index("service_items_org_idx").on(t.orgId),
    index("service_items_search_idx").using("gin", t.search),
  ],
);

/**
 * One version of an item's content (事项版本), effective from a local date. A case keeps the version
 * it was filed under; the version in effect on a date is the one with the latest `effective_from` ≤ it.
 */
export const itemVersions = pgTable(
  "item_versions",
  {
    id: id(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => serviceItems.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    content: itemContent("content").notNull(),
    changeNote: text("change_note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("item_versions_item_version_uq").on(t.itemId, t.version),
    index("item_versions_item_effective_idx").on(t.itemId, t.effectiveFrom),
  ],
);
