import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "./common";
import { organizations } from "./organizations";
import { users } from "./users";

/** One day of an imported arrangement: a rest day (休) or a weekend day worked (班). */
export type ArrangementDay = { date: string; kind: "rest" | "work"; name: string };

/**
 * Official holiday arrangements imported by an administrator (国务院办公厅关于××年部分节假日安排的通知).
 * An imported year overrides or extends the shipped seed file (seed/calendar/cn-official.json), so the
 * next year stops being provisional (待国务院公布) once its notice is imported.
 */
export const calendarArrangements = pgTable(
  "calendar_arrangements",
  {
    id: id(),
    year: integer("year").notNull(),
    days: jsonb("days").$type<ArrangementDay[]>().notNull(),
    title: text("title").notNull(),
    docNo: text("doc_no"),
    urls: jsonb("urls").$type<string[]>().notNull().default([]),
    /** The text or JSON as imported, for the record. */
    source: text("source").notNull(),
    importedBy: uuid("imported_by").references(() => users.id, { onDelete: "set null" }),
    importedAt: instant("imported_at").notNull(),
  },
  (t) => [uniqueIndex("calendar_arrangements_year_uq").on(t.year)],
);

/**
 * Local calendar decisions of one organization (e.g. offices closed for extreme weather, or a rest day
 * worked). They apply to the organization and every organization below it.
 */
export const calendarOverrides = pgTable(
  "calendar_overrides",
  {
    id: id(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    kind: text("kind", { enum: ["closed", "open"] }).notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("calendar_overrides_org_date_uq").on(t.orgId, t.date),
    index("calendar_overrides_date_idx").on(t.date),
  ],
);
