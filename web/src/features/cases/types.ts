import type { Bilingual } from "../../api/ApiError";

/** Clock state of a case (GET /api/cases, src/app/cases/clock.ts). */
export type ClockState = "normal" | "yellow" | "red" | "paused" | "not_started" | "stopped";

/** The clock as every case view shows it. */
export type CaseClock = {
  state: ClockState;
  deadline: string | null;
  remainingWorkingDays: number | null;
  provisional: boolean;
  limitDays: number;
  extensionDays: number;
  pausedWorkingDays: number;
};

/** A case in lists (presentCaseSummary). */
export type CaseSummary = {
  id: string;
  number: string;
  itemCode: string;
  itemName: string;
  title: string;
  status: string;
  statusLabel: Bilingual;
  statusEnteredAt: string;
  version: number;
  channel: string;
  handlingType: string;
  applicantName: string;
  applicantKind: string;
  orgName: string;
  receivedOn: string | null;
  checkDueOn: string | null;
  acceptedOn: string | null;
  clock: CaseClock;
  finishedOnSpot: boolean;
  returnsCount: number;
  bundleId: string | null;
  nextStep: Bilingual;
  /** Deferred materials (容缺) still owed: how many, how many delivered awaiting the check, next due date. */
  owedMaterials?: { count: number; delivered: number; nextDueOn: string } | null;
  createdAt: string;
  submittedAt: string | null;
  completedAt: string | null;
};

export type CaseFile = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
};

/** One material of the case's checklist. */
export type CaseMaterial = {
  code: string;
  name: string;
  required: boolean;
  /** pending | provided | pass | missing | defective | deferred */
  status: string;
  note: string | null;
  /** upload | shared_data | certificate */
  source: string;
  sourceRef: string | null;
  sourceLabel: string | null;
  /** Set when the material was deferred at acceptance (容缺): owed until a check passes it. */
  deferredDueOn: string | null;
  commitmentSigned?: boolean;
  /** For a deferred material: the condition on which the result may be issued before it comes. */
  issueFirstCondition?: string | null;
  checkedAt?: string | null;
  passedRound: number | null;
  files: CaseFile[];
};

/** One department's review task. */
export type ReviewTask = {
  id: string;
  stepCode: string;
  stepName: string;
  orgCode: string;
  orgName: string;
  lead: boolean;
  mode: string;
  /** waiting | open | claimed | approved | returned | cancelled (the case was withdrawn) */
  status: string;
  openedOn: string | null;
  dueOn: string | null;
  opinion: string | null;
  returns: number;
  version: number;
  claimedBy: string | null;
  completedAt: string | null;
};

export type CaseComment = { id: string; taskId: string | null; authorName: string; text: string; at: string };
export type CaseDocument = { id: string; kind: string; number: string; title: string; issuedOn: string };
export type CasePause = {
  from: string;
  /** Last paused date; the day before `from` when resumed the same day (no day stopped). */
  to: string | null;
  kind: string;
  reason: string;
  expectedDays: number;
  resumedOn?: string;
  result?: string;
};

export type CaseApplicant = {
  kind: string;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  phone: string | null;
  address: string | null;
};

/** A case in full (GET /api/cases/:id). `abilities` decides which actions a screen offers. */
export type CaseDetail = CaseSummary & {
  queryCode: string | null;
  itemVersionId: string;
  orgId: string;
  applicant: CaseApplicant;
  agent: { name: string; phone: string | null } | null;
  formData: Record<string, unknown>;
  limitDays: number;
  statutoryLimitDays: number;
  pauses: CasePause[];
  extensionDays: number;
  correctionRounds: number;
  decision: { outcome: "approve" | "deny"; reasons: string; decidedAt: string } | null;
  draftExpiresAt: string | null;
  abilities: Record<string, boolean>;
  materials: CaseMaterial[];
  reviewTasks: ReviewTask[];
  comments: CaseComment[];
  documents: CaseDocument[];
};

export type TimelineEvent = {
  seq: number;
  type: string;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  data: Record<string, unknown>;
};

export type TimelineTask = {
  id: string;
  stepName: string;
  orgName: string;
  status: string;
  startedAt: string | null;
  openedOn: string | null;
  dueOn: string | null;
  completedAt: string | null;
  returns: number;
};

/** GET /api/cases/:id/timeline: the Gantt-like chart's data. */
export type CaseTimeline = {
  caseId: string;
  number: string;
  status: string;
  events: TimelineEvent[];
  tasks: TimelineTask[];
  pauses: CasePause[];
};

/** Queues of GET /api/cases. */
export type CaseQueue =
  | "today"
  | "awaiting_check"
  | "corrections"
  | "in_progress"
  | "ready_to_issue"
  | "deferred"
  | "drafts"
  | "mine";

export type CaseListFilters = {
  queue?: CaseQueue;
  status?: string[];
  q?: string;
  bundleId?: string;
  limit?: number;
  offset?: number;
};
