import type { ApiData, ApiQuery, Schemas } from "../../api/client";

// The case as the contract (src/shared/api/schema.ts) describes it: no hand-written copies.

/** A case in lists (presentCaseSummary). */
export type CaseSummary = Schemas["CaseSummary"];
/** A case in full (GET /api/cases/:id). `abilities` decides which actions a screen offers. */
export type CaseDetail = Schemas["Case"];

/** The clock as every case view shows it. */
export type CaseClock = CaseSummary["clock"];
/** Clock state of a case (src/domain clock). */
export type ClockState = CaseClock["state"];

/** One material of the case's checklist. */
export type CaseMaterial = CaseDetail["materials"][number];
export type CaseFile = CaseMaterial["files"][number];
/** One department's review task. */
export type ReviewTask = CaseDetail["reviewTasks"][number];
export type CaseComment = CaseDetail["comments"][number];
export type CaseDocument = CaseDetail["documents"][number];
export type CasePause = CaseDetail["pauses"][number];
export type CaseApplicant = CaseDetail["applicant"];

/** GET /api/cases/:id/timeline: the Gantt-like chart's data. */
export type CaseTimeline = ApiData<"/api/cases/{id}/timeline">;
export type TimelineEvent = CaseTimeline["events"][number];
export type TimelineTask = CaseTimeline["tasks"][number];

/** The query of GET /api/cases (listCases). */
export type CaseListQuery = ApiQuery<"/api/cases">;
/** Queues of GET /api/cases. */
export type CaseQueue = NonNullable<CaseListQuery["queue"]>;
/** A case status, as the contract lists them. */
export type CaseStatus = CaseSummary["status"];

export type CaseListFilters = Omit<CaseListQuery, "status"> & { status?: CaseStatus[] };
