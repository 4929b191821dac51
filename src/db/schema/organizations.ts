import { type AnyPgColumn, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ORGANIZATION_KINDS } from "../../domain/roles";
import { id, instant } from "./common";

/**
 * Organizations as a tree (机构): bureau, sections (股/科室), windows (窗口), township governments,
 * other departments. `path` is the materialized path of codes (`/HY-ZRZY/HY-ZRZY-GH/`) so a role held
 * at the bureau covers its sections with one prefix test.
 */
export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    kind: text("kind", { enum: ORGANIZATION_KINDS }).notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => organizations.id),
    path: text("path").notNull(),
    divisionCode: text("division_code").notNull(),
    creditCode: text("credit_code"),
    timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
    address: text("address"),
    phone: text("phone"),
    /** Opening hours as published (windows: 周一至周五 8:30-12:00 …), free text. */
    hours: text("hours"),
    /** Optimistic version as administrators edit it. */
    version: integer("version").notNull().default(1),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organizations_code_uq").on(t.code), index("organizations_path_idx").on(t.path)],
);
