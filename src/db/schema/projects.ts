import { date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { PROJECT_STAGES } from "../../domain/projects/projectStage";
import { id, instant } from "./common";
import { organizations } from "./organizations";
import { users } from "./users";

const localDate = (name: string) => date(name, { mode: "string" });

/** A GeoJSON polygon (red-line boundary, 用地红线), WGS-84 / CGCS2000 longitude–latitude. */
export type BoundaryGeoJson = { type: "Polygon"; coordinates: number[][][] };

/** The parcel of a project (宗地). */
export type Parcel = {
  location: string;
  areaSqm: number;
  use: string;
  contractNo?: string | null;
  boundary?: BoundaryGeoJson | null;
};

/** A key investment project (工程建设项目) followed by a helper from before land is acquired. */
export const projects = pgTable(
  "projects",
  {
    id: id(),
    /** 投资项目统一代码 (validated by isValidProjectCode). */
    code: text("code").notNull(),
    name: text("name").notNull(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => users.id),
    parcel: jsonb("parcel").$type<Parcel>().notNull(),
    stage: text("stage", { enum: PROJECT_STAGES }).notNull().default("land_planning"),
    /** Optimistic version of the project record (bumped by every change of it, e.g. the stage). */
    version: integer("version").notNull().default(1),
    helperId: uuid("helper_id").references(() => users.id),
    /**
     * The organization whose land-transfer system (a partner account) records this project's land-grant
     * contract and land delivery through the API (出让/交地); null: only the bureau's staff record them.
     */
    landTransferOrgId: uuid("land_transfer_org_id").references(() => organizations.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [uniqueIndex("projects_code_uq").on(t.code), index("projects_enterprise_idx").on(t.enterpriseId)],
);

/** The project's timeline: one row per thing that happened (contact, survey, meeting, bundle …). */
export const projectEvents = pgTable(
  "project_events",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    summary: text("summary").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    actorId: uuid("actor_id").references(() => users.id),
    at: instant("at").notNull(),
  },
  (t) => [index("project_events_project_idx").on(t.projectId, t.at)],
);

/** A contact with the township or the enterprise (提前介入). */
export const projectContacts = pgTable("project_contacts", {
  id: id(),
  projectId: uuid("project_id")
    .notNull()
    .references(() => projects.id, { onDelete: "cascade" }),
  party: text("party", { enum: ["township", "enterprise", "department"] }).notNull(),
  contactName: text("contact_name").notNull(),
  channel: text("channel").notNull(),
  notes: text("notes").notNull().default(""),
  contactedAt: instant("contacted_at").notNull(),
  recordedBy: uuid("recorded_by")
    .notNull()
    .references(() => users.id),
});

/** Pre-check (预审) of one material of one item, carried into the case when the bundle is filed. */
export const projectPrechecks = pgTable(
  "project_prechecks",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    itemCode: text("item_code").notNull(),
    materialCode: text("material_code").notNull(),
    status: text("status", { enum: ["pass", "missing", "defective"] }).notNull(),
    note: text("note"),
    fileIds: jsonb("file_ids").$type<string[]>().notNull().default([]),
    checkedBy: uuid("checked_by")
      .notNull()
      .references(() => users.id),
    checkedAt: instant("checked_at").notNull(),
  },
  (t) => [uniqueIndex("project_prechecks_uq").on(t.projectId, t.itemCode, t.materialCode)],
);

/** A site survey (现场踏勘). */
export const siteSurveys = pgTable("site_surveys", {
  id: id(),
  projectId: uuid("project_id")
    .notNull()
    .references(() => projects.id, { onDelete: "cascade" }),
  surveyedOn: localDate("surveyed_on").notNull(),
  people: jsonb("people").$type<string[]>().notNull(),
  findings: text("findings").notNull(),
  photoFileIds: jsonb("photo_file_ids").$type<string[]>().notNull().default([]),
  recordedBy: uuid("recorded_by")
    .notNull()
    .references(() => users.id),
  recordedAt: instant("recorded_at").notNull(),
});

/** An attendee of a coordination meeting. */
export type MeetingAttendee = { name: string; department: string };

/** A coordination meeting (协调会 / 现场办公). */
export const coordinationMeetings = pgTable("coordination_meetings", {
  id: id(),
  projectId: uuid("project_id")
    .notNull()
    .references(() => projects.id, { onDelete: "cascade" }),
  heldOn: localDate("held_on").notNull(),
  topic: text("topic").notNull(),
  attendees: jsonb("attendees").$type<MeetingAttendee[]>().notNull(),
  decisions: jsonb("decisions").$type<string[]>().notNull().default([]),
  recordedBy: uuid("recorded_by")
    .notNull()
    .references(() => users.id),
  recordedAt: instant("recorded_at").notNull(),
});

/** An action item of a meeting, tracked until done. */
export const actionItems = pgTable(
  "action_items",
  {
    id: id(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => coordinationMeetings.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    description: text("description").notNull(),
    owner: text("owner").notNull(),
    dueOn: localDate("due_on").notNull(),
    status: text("status", { enum: ["open", "done"] })
      .notNull()
      .default("open"),
    doneAt: instant("done_at"),
    doneBy: uuid("done_by").references(() => users.id),
  },
  (t) => [index("action_items_project_idx").on(t.projectId)],
);

/** A bundle template (一件事一次办 套餐), loaded from seed/catalog/bundles.yaml. */
export const bundleTemplates = pgTable(
  "bundle_templates",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    itemCodes: jsonb("item_codes").$type<string[]>().notNull(),
    sharedMaterials: jsonb("shared_materials").$type<string[]>().notNull().default([]),
    /** land_contract_signed | land_delivered | manual */
    trigger: text("trigger").notNull(),
    description: text("description").notNull().default(""),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [uniqueIndex("bundle_templates_code_uq").on(t.code)],
);

/** A filed bundle: several cases filed together (cases.bundle_id points here). */
export const bundles = pgTable(
  "bundles",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    templateId: uuid("template_id")
      .notNull()
      .references(() => bundleTemplates.id),
    landContractId: uuid("land_contract_id"),
    /** The land delivery (交地) that triggered the bundle (交地即交证), if any. */
    landDeliveryId: uuid("land_delivery_id"),
    filedBy: uuid("filed_by")
      .notNull()
      .references(() => users.id),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("bundles_project_idx").on(t.projectId)],
);

/** A signed land-grant contract (国有建设用地使用权出让合同): the trigger of 拿地即办证. */
export const landContracts = pgTable(
  "land_contracts",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    number: text("number").notNull(),
    signedAt: instant("signed_at").notNull(),
    parties: jsonb("parties").$type<{ grantor: string; grantee: string }>().notNull(),
    parcel: jsonb("parcel").$type<Parcel>().notNull(),
    priceYuan: numeric("price_yuan", { precision: 16, scale: 2 }).notNull(),
    paymentStatus: text("payment_status", { enum: ["unpaid", "partial", "paid"] }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: instant("recorded_at").notNull(),
    source: text("source", { enum: ["ui", "api"] }).notNull(),
  },
  (t) => [
    uniqueIndex("land_contracts_number_uq").on(t.number),
    index("land_contracts_project_idx").on(t.projectId),
  ],
);

/**
 * A land delivery (交地): the 交地确认书 by which the parcel is handed over to the enterprise — the
 * trigger of 交地即交证. Recorded by the window or the helper, or by the land-transfer system (API).
 */
export const landDeliveries = pgTable(
  "land_deliveries",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    /** 交地确认书编号: unique; recording it again is a replay. */
    confirmationNo: text("confirmation_no").notNull(),
    deliveredAt: instant("delivered_at").notNull(),
    parcel: jsonb("parcel").$type<Parcel>().notNull(),
    /** Who handed the land over (出让人 / 交地单位) and who took it (受让人 / 接收单位). */
    deliveredBy: text("delivered_by").notNull(),
    deliveredTo: text("delivered_to").notNull(),
    landContractId: uuid("land_contract_id").references(() => landContracts.id),
    note: text("note").notNull().default(""),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: instant("recorded_at").notNull(),
    source: text("source", { enum: ["ui", "api"] }).notNull(),
  },
  (t) => [
    uniqueIndex("land_deliveries_confirmation_uq").on(t.confirmationNo),
    index("land_deliveries_project_idx").on(t.projectId),
  ],
);
