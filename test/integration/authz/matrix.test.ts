import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raiseAlert } from "../../../src/app/alerts/raiseAlert";
import { defaultOutboxHandlers } from "../../../src/app/notifications/notify";
import { seedPolicyLibrary } from "../../../src/app/policyLibrary/seed";
import { demoCreditCode, prng } from "../../../src/app/seed/historyForms";
import { integrateTransparencyLog } from "../../../src/app/transparency/sequencer";
import {
  actionItems,
  bundleTemplates,
  caseDocuments,
  cases,
  certificates,
  files,
  inquiries,
  itemVersions,
  notifications,
  organizations,
  payments,
  policyItemLinks,
  projects,
  rectifications,
  reviewTasks,
  serviceItems,
  staffPosts,
  supervisionAlerts,
  users,
} from "../../../src/db/schema";
import { ROLES } from "../../../src/domain/roles";
import { processOutboxBatch } from "../../../src/jobs/outbox";
import { authzRow, loadAuthzTable } from "../../helpers/authzTable";
import { LAND_PERMIT_FORM, PDF } from "../../helpers/cases";
import type { TestClient, TestResponse } from "../../helpers/client";
import { caseIn } from "../../helpers/factories";
import { REG_FORM } from "../../helpers/forms";
import { fillPath, type Op, type OpenApiDoc, sample, walk } from "../../helpers/openapiWalk";
import { createOtherCountyUser } from "../../helpers/otherCounty";
import { precheckAll } from "../../helpers/projects";
import { createTestApp, type TestApp } from "../../helpers/testApp";

// Issue 16, item 1: the authorization matrix. Every operation of the OpenAPI document is called by
// every role and anonymously on real objects of the demo bureau (怀远县), and the answer is compared
// with test/integration/authz/expected.md (operation × role → allow / deny / own).
//
// Each role is played by two accounts: an insider — the applicant who owns the objects, the bureau's
// staff, the reviewer of the department with the review task, the township the case concerns — and an
// outsider — another applicant, the same role in another county's bureau (created here), a reviewer
// of a department without a task, another partner. `allow`: both are let through; `deny`: both are
// refused (401/403/404); `own`: the insider is let through and the outsider refused. "Let through"
// means anything but 401/403/404 — a write is sent with a stale `expectedVersion` so that allowed
// callers get 409 and change nothing where the operation has one.
//
// Lists, searches and exports are scoped like reads: no answer to an outsider or an anonymous caller
// contains an identifier or number of the owner's cases, documents, files or certificates.
//
// `YIZHAN_AUTHZ_WRITE=1` writes what was observed to expected.observed.md, to review and copy.

const HERE = new URL(".", import.meta.url).pathname;

type Role = (typeof ROLES)[number];
type Column = "anonymous" | Role;
type Cell = "allow" | "deny" | "own";
const COLUMNS: Column[] = ["anonymous", ...ROLES];

/** Insider and outsider account of each role (the `x-` accounts belong to another county's bureau). */
const ACCOUNTS: Record<Role, [string, string]> = {
  applicant: ["sanmu", "huaishang"],
  clerk: ["clerk", "x-clerk"],
  reviewer: ["reviewer-planning", "reviewer-registry"],
  approver: ["approver", "x-approver"],
  helper: ["helper", "x-helper"],
  supervisor: ["supervisor", "x-supervisor"],
  partner: ["township", "scjg"],
  admin: ["admin", "x-admin"],
};

/** The application form of 不动产权证书补发 (a charged item). */
const REPLACEMENT_FORM = {
  rightHolder: "安徽三木新材料科技有限公司",
  certificateNo: "皖（2024）怀远县不动产权第0001234号",
  location: "怀远县经济开发区涂山路18号",
  reason: "污损",
  rightType: "国有建设用地使用权/房屋所有权",
  rightNature: "出让/市场化商品房",
  housingType: "住宅",
  buildingArea: 118.5,
};

/** Staff of another county's bureau (青山县, test/helpers/otherCounty.ts): a clerk at its window, the rest at the bureau. */
const OTHER_STAFF: [string, Role][] = [
  ["x-clerk", "clerk"],
  ["x-approver", "approver"],
  ["x-helper", "helper"],
  ["x-supervisor", "supervisor"],
  ["x-admin", "admin"],
];

let t: TestApp;
let doc: OpenApiDoc;
const clients = new Map<string, TestClient>();
/** Path parameter values by `operationId.name` or by `name`. */
const params: Record<string, string> = {};
/** Body values by property name (ids the schema cannot know). */
const bodyValues: Record<string, unknown> = {};
/** A valid body for one caller (`n` numbers the callers, for unique names). */
type BodyFor = (who: string, n: number) => unknown;
const BODIES: Record<string, BodyFor> = {};
/** Identifiers of the owner's objects that no outsider may read in any answer. */
const secrets = new Set<string>();
/**
 * What the public pages publish of a decided licence (行政许可决定公开, 办件公示): its case number and permit
 * number, on the published decisions and their open data — the enterprise's, by law. Only these
 * operations may show them to anyone.
 */
const PUBLISHING = ["listPublicDecisions", "downloadOpenDecisionsJson", "downloadOpenDecisionsCsv"];
const published = new Set<string>();

type Observation = { status: number; allowed: boolean; text: string; url: string };
const observed = new Map<string, Map<string, Observation>>(); // operationId → account → answer
const leaks: string[] = [];
let calls = 0;

/**
 * Refusals that name a field (422): the organization or person named is outside the caller's scope.
 * Everything else in 4xx (409 version, 422 a rule of the domain) means the caller was let through.
 */
const SCOPE_REFUSALS = [
  "not_supervised",
  "not_staff",
  "not_in_tree",
  "outside_your_organizations",
  "not_in_bureau",
];
const isDenied = (status: number, text: string) =>
  status === 401 ||
  status === 403 ||
  status === 404 ||
  (status === 422 && SCOPE_REFUSALS.some((code) => text.includes(`"code":"${code}"`)));

async function first<T>(rows: Promise<T[]>, what: string): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error(`authz matrix: no ${what}`);
  return row;
}

async function buildWorld() {
  const db = t.ctx.database.db;
  // The owner's (安徽三木) cases: one in review (tasks of 规划股 and 土地利用股), one completed with its
  // certificate, one draft.
  const inReview = await caseIn(t, "in_review");
  const done = await caseIn(t, "completed");
  const draft = await caseIn(t, "draft");
  // A charged item (不动产权证书补发, 即办件) finished on the spot: its fee assessment and cash payment.
  const paid = await caseIn(t, "finished_on_the_spot", {
    itemCode: "real-estate-certificate-replacement",
    formData: REPLACEMENT_FORM,
  });
  const payment = await first(db.select().from(payments).where(eq(payments.caseId, paid.id)), "payment");
  secrets.add(paid.id);
  secrets.add(payment.id);
  for (const op of ["getCaseFees", "assessFees", "recordWindowPayment", "startOnlinePayment"])
    params[`${op}.id`] = paid.id;
  params["payments.id"] = payment.id;
  bodyValues.assessmentId = payment.assessmentId;
  const caseRow = await first(db.select().from(cases).where(eq(cases.id, inReview.id)), "case");
  const doneRow = await first(db.select().from(cases).where(eq(cases.id, done.id)), "completed case");
  const task = await first(
    db.select().from(reviewTasks).where(eq(reviewTasks.caseId, inReview.id)),
    "review task",
  );
  const file = await first(db.select().from(files).where(eq(files.caseId, inReview.id)), "file");
  const document = await first(
    db.select().from(caseDocuments).where(eq(caseDocuments.caseId, inReview.id)),
    "document",
  );
  const cert = await first(
    db.select().from(certificates).where(eq(certificates.caseId, done.id)),
    "certificate",
  );
  const id = (name: string) =>
    first(db.select().from(users).where(eq(users.username, name)), name).then((u) => u.id);
  const sanmuId = await id("sanmu");
  // The outbox delivers the notices of the cases (站内消息) as the worker would.
  await processOutboxBatch(t.ctx, defaultOutboxHandlers(), { batchSize: 500 });
  const [note] = await db.select().from(notifications).where(eq(notifications.userId, sanmuId));
  const project = await first(
    db.select().from(projects).where(eq(projects.enterpriseId, sanmuId)),
    "project",
  );
  const action = await db.select().from(actionItems).where(eq(actionItems.projectId, project.id));
  const inquiry = await first(db.select().from(inquiries), "inquiry");
  const bureau = await first(
    db.select().from(organizations).where(eq(organizations.code, "HY-ZRZY")),
    "bureau",
  );
  const clerkId = await id("clerk");
  const window = await first(
    db.select().from(organizations).where(eq(organizations.code, "HY-ZRZY-WIN")),
    "window",
  );
  // A post (岗位) of the window, so updatePost is tried on a real object (the demo seeds none), and an
  // open supervision alert about the case in review, for acknowledgeAlert and closeAlert.
  const now = t.ctx.clock.now();
  const [post] = (await db.select().from(staffPosts).limit(1)).length
    ? await db.select().from(staffPosts).limit(1)
    : await db
        .insert(staffPosts)
        .values({ orgId: window.id, name: "受理岗", duty: "window_intake", createdAt: now, updatedAt: now })
        .returning();
  await db.transaction((tx) =>
    raiseAlert(tx, {
      rule: "authz_matrix",
      severity: "yellow",
      orgId: caseRow.orgId,
      caseId: caseRow.id,
      zh: "授权矩阵的预警",
      en: "The authorization matrix's alert",
      now,
      respondBy: null,
    }),
  );
  const alert = await first(
    db.select().from(supervisionAlerts).where(eq(supervisionAlerts.caseId, caseRow.id)),
    "alert",
  );

  for (const c of [caseRow, doneRow]) {
    secrets.add(c.id);
    secrets.add(c.number);
  }
  secrets.add(draft.id);
  secrets.add(file.id);
  secrets.add(document.id);
  secrets.add(cert.id);
  secrets.add(cert.number);
  published.add(doneRow.number);
  published.add(cert.number);

  // Objects made through the API by the staff who make them.
  const admin = client("admin");
  const supervisor = client("supervisor");
  const throwaway = await admin.post<{ id: string }>("/api/users", {
    username: "authz-target",
    displayName: "授权矩阵 目标账户",
    password: "Matrix-target-2026",
    roles: [{ role: "clerk", org: "HY-ZRZY-WIN" }],
  });
  const session = await supervisor.post<{ id: string }>("/api/training-sessions", {
    orgId: bureau.id,
    heldOn: "2026-11-20",
    topic: "行政许可法学习",
    sectionIds: [window.id],
  });
  const absence = await supervisor.post<{ id: string }>("/api/staff-absences", {
    userId: clerkId,
    fromDate: "2026-12-01",
    toDate: "2026-12-01",
    reason: "leave",
  });
  const override = await admin.post<{ id: string }>("/api/calendar/overrides", {
    org: "HY-ZRZY",
    date: "2026-12-04",
    kind: "closed",
    reason: "授权矩阵",
  });
  const referral = await client("clerk").post<{ id: string }>("/api/referrals", {
    itemCode: "facility-agricultural-land-filing",
    applicantId: sanmuId,
    toOrgCode: "HY-SQJ",
  });
  const failed = Object.entries({ throwaway, session, absence, override, referral }).filter(
    ([, res]) => res.status !== 201,
  );
  if (failed.length)
    throw new Error(`authz matrix: ${failed.map(([w, r]) => `${w} ${r.status} ${r.text}`).join("\n")}`);

  Object.assign(params, {
    "cases.id": caseRow.id,
    "cases.docId": document.id,
    "cases.fileId": file.id,
    "cases.code": "application_form",
    number: caseRow.number,
    "review-tasks.id": task.id,
    "certificates.id": cert.id,
    "applicants.id": sanmuId,
    "notifications.id": note?.id ?? randomUUID(),
    "projects.id": project.id,
    actionItemId: action[0]?.id ?? randomUUID(),
    "inquiries.id": inquiry.id,
    "public.code": inquiry.queryCode,
    "staff-posts.id": post.id,
    "alerts.id": alert.id,
    "evaluation-settings.id": bureau.id,
    "training-sessions.id": session.body.id,
    "staff.id": clerkId,
    "staff-absences.id": absence.body.id,
    "calendar.id": override.body.id,
    "users.id": throwaway.body.id,
    "organizations.code": "HY-ZRZY-SP",
    "catalog.code": "construction-land-planning-permit",
    "referrals.id": referral.body.id,
    orgId: bureau.id,
    dataset: "business_licence",
    month: "2026-11",
    subjectId: clerkId,
    kind: "person",
  });
  const template = await first(db.select().from(bundleTemplates), "bundle template");
  const windowId = window.id;
  const clerk2 = await id("clerk2");
  // Bodies the schema alone cannot make valid (unique names, real codes, what each kind of caller sends).
  Object.assign(BODIES, {
    createOrganization: (_w, n) => ({
      parent: "HY-ZRZY",
      code: `HY-ZRZY-AZ${n}`,
      kind: "section",
      name: "授权矩阵股",
    }),
    createUser: (_w, n) => ({
      username: `authz-user-${n}`,
      displayName: "授权矩阵 新账户",
      password: "Matrix-user-2026",
      roles: [{ role: "clerk", org: "HY-ZRZY-WIN" }],
    }),
    // The year in force again without `replace`: a valid arrangement, refused with 409 (nothing changes).
    previewCalendarArrangement: () => ({ text: "year: 2026\n2026-01-01 休 元旦\n" }),
    importCalendarArrangement: () => ({ text: "year: 2026\n2026-01-01 休 元旦\n" }),
    createApplication: (w) => ({
      itemCode: "construction-land-planning-permit",
      formData: LAND_PERMIT_FORM,
      ...(w === "sanmu" || w === "huaishang" ? {} : { applicantId: sanmuId }),
    }),
    registerApplicant: (_w, n) => ({
      kind: "enterprise",
      name: `授权矩阵公司${n}`,
      creditCode: demoCreditCode(prng(900 + n)),
      legalRepresentative: "李某",
      phone: "13900000000",
    }),
    requestPartnerMaterial: () => ({ toOrgCode: "HY-SW", materialCode: "business_licence" }),
    publishSharedRecord: () => ({
      subjectCode: "91340321MA2T5ABC0H",
      subjectName: "安徽三木新材料科技有限公司",
    }),
    registerReferral: () => ({
      itemCode: "facility-agricultural-land-filing",
      applicantId: sanmuId,
      toOrgCode: "HY-SQJ",
    }),
    createProject: (_w, n) => ({
      code: `2026-340321-04-01-${String(900000 + n)}`,
      name: "授权矩阵项目",
      enterpriseId: sanmuId,
      parcel: { location: "怀远县经济开发区", areaSqm: 1000, use: "工业用地" },
    }),
    savePrecheck: () => ({
      itemCode: "construction-land-planning-permit",
      checks: [{ materialCode: "application_form", status: "missing" }],
    }),
    fileBundle: () => ({ templateCode: template.code }),
    updateRectification: () => ({ action: "callback", note: "已回访核实", expectedVersion: 999_999 }),
    createInquiry: (w) =>
      w === "anonymous" || w === "sanmu" || w === "huaishang"
        ? { question: "授权矩阵的咨询", itemCode: "construction-land-planning-permit" }
        : { channel: "phone", question: "授权矩阵的电话咨询" },
    createTrainingSession: () => ({
      orgId: bureau.id,
      heldOn: "2026-11-20",
      topic: "授权矩阵培训",
      sectionIds: [windowId],
    }),
    setAbsence: (_w, n) => ({
      userId: clerk2,
      fromDate: `2027-01-${String(4 + n).padStart(2, "0")}`,
      toDate: `2027-01-${String(4 + n).padStart(2, "0")}`,
      reason: "leave",
    }),
    signScorecard: () => ({ comment: "已阅", expectedVersion: 0 }),
    createCalendarOverride: (_w, n) => ({
      org: "HY-ZRZY",
      date: `2027-02-${String(1 + (n % 5) + 7 * Math.floor(n / 5)).padStart(2, "0")}`,
      kind: "closed",
      reason: "授权矩阵",
    }),
    importSharedCsv: () => ({ dataset: "business_licence", csv: "subject_code,subject_name,valid_until\n" }),
    login: (w) =>
      w === "anonymous"
        ? { username: "citizen", password: "demo1234" }
        : { username: w, password: "Matrix-changed-2026" },
    changePassword: () => ({ currentPassword: "demo1234", newPassword: "Matrix-changed-2026" }),
    // A well-formed code that is not the authenticator's (a one-in-a-million chance to be right).
    confirmTotpEnrolment: () => ({ code: "000000" }),
  } satisfies Record<string, BodyFor>);
  Object.assign(bodyValues, {
    expectedVersion: 999_999,
    applicantId: sanmuId,
    enterpriseId: sanmuId,
    userId: clerkId,
    orgId: bureau.id,
    itemCode: "construction-land-planning-permit",
    toOrgCode: "HY-SQJ",
  });
  // The public progress lookup and the key files need what only the objects know.
  params["getPublicProgress.queryCode"] = caseRow.queryCode;
  const keys = await client("admin").get<{ keys?: { file?: string; pem?: string }[] }>(
    "/.well-known/yizhan-keys.json",
  );
  const kid = JSON.stringify(keys.body).match(/"kid":"([^"]+)"/)?.[1];
  if (kid) params.file = `${kid}.pem`;
  // A staff post as the supervisor's list shows it; a material request to the township (双桥集镇).
  const posts = await client("supervisor").get<unknown>("/api/staff-posts");
  const postId = JSON.stringify(posts.body).match(/"id":"([0-9a-f-]{36})"/)?.[1];
  if (postId) params["staff-posts.id"] = postId;
  const asked = await client("clerk").post<{ id: string }>(`/api/cases/${caseRow.id}/partner-requests`, {
    toOrgCode: "HY-SQJ",
    materialCode: "business_licence",
  });
  const askedId = JSON.stringify(asked.body).match(/"id":"([0-9a-f-]{36})"/)?.[1];
  if (asked.status !== 201 || !askedId)
    throw new Error(`authz matrix: partner request ${asked.status} ${asked.text}`);
  params["partner-requests.id"] = askedId;
  // The policy library: a document an item's guide cites, an attachment on it, a change notice to the window.
  await seedPolicyLibrary(t.ctx); // `yizhan start --demo` loads it; the test database is the seed's
  const [link] = await db
    .select({ policyId: policyItemLinks.policyId, itemId: policyItemLinks.itemId, code: serviceItems.code })
    .from(policyItemLinks)
    .innerJoin(serviceItems, eq(serviceItems.id, policyItemLinks.itemId))
    .limit(1);
  if (!link) throw new Error("authz matrix: the demo data links no policy document to an item");
  const policyId = link.policyId;
  params["item-policies.code"] = link.code;
  params["policy-documents.id"] = policyId;
  const attached = await client("admin").upload(
    `/api/policy-documents/${policyId}/attachments`,
    "附件.pdf",
    PDF,
    "application/pdf",
  );
  const fileId = JSON.stringify(attached.body).match(/"fileId":"([0-9a-f-]{36})"/)?.[1];
  if (attached.status !== 201 || !fileId)
    throw new Error(`authz matrix: policy attachment ${attached.status} ${attached.text}`);
  params["policy-documents.fileId"] = fileId;
  const changeNotice = {
    policyId,
    title: "权限矩阵测试通知",
    summary: "测试用的变更通知。",
    effectiveOn: "2026-11-24",
    itemIds: [link.itemId],
    sectionIds: [window.id],
  };
  const notice = await client("supervisor").post<{ id: string }>("/api/change-notices", changeNotice);
  if (notice.status !== 201) throw new Error(`authz matrix: change notice ${notice.status} ${notice.text}`);
  params["change-notices.id"] = notice.body.id;
  BODIES.createChangeNotice = () => changeNotice;
  // 好差评: the completed case's invitation (its id is the portal's reference, for its applicant); a
  // second completed case rated very dissatisfied by its applicant, which opens a rectification (整改)
  // that the window may appeal and the supervisor decide.
  type Invitations = { invitations: { id: string }[] };
  const invitation = async (caseId: string) => {
    const res = await client("sanmu").get<Invitations>(`/api/cases/${caseId}/evaluations`);
    const inv = res.body.invitations?.[0]?.id;
    if (!inv) throw new Error(`authz matrix: no evaluation invitation ${res.status} ${res.text}`);
    return inv;
  };
  params.ref = await invitation(done.id);
  const ratedCase = await caseIn(t, "completed");
  const rated = await client("sanmu").post<{ id: string }>(
    `/api/evaluation-invitations/${await invitation(ratedCase.id)}/evaluation`,
    { dimensions: RATING_VERY_DISSATISFIED },
  );
  if (rated.status !== 201 && rated.status !== 200)
    throw new Error(`authz matrix: rating ${rated.status} ${rated.text}`);
  params["evaluations.id"] = rated.body.id;
  const rectification = await first(
    db.select().from(rectifications).where(eq(rectifications.evaluationId, rated.body.id)),
    "rectification",
  );
  params["rectifications.id"] = rectification.id;
  Object.assign(BODIES, {
    appealEvaluation: () => ({ reason: "评价与办理事实不符，申请复核" }),
    decideAppeal: () => ({ decision: "dismiss", reason: "维持原评价" }),
    submitEvaluation: () => ({ dimensions: RATING_VERY_DISSATISFIED }),
  } satisfies Record<string, BodyFor>);
  await buildPaymentsAndBundles(project.id);
  await buildCatalogAndHandover();
  // The transparency log (public): the fixture's events integrated under a signed checkpoint, so the
  // checkpoint and proof operations answer on a real tree.
  await integrateTransparencyLog(t.ctx);
  await integrateTransparencyLog(t.ctx);
  Object.assign(bodyValues, { leafIndex: 0, treeSize: 1, first: 1, second: 2, start: 0, end: 2 });
}

/**
 * A pending online payment order of the owner's (the demo payment simulator's order: a registration
 * approved, its fees assessed by the window, paying online started by sanmu), and a bundle filed for the
 * owner's project (拿地即办证: every material pre-checked by the helper, the land contract recorded at the
 * window files both cases at once).
 */
async function buildPaymentsAndBundles(projectId: string) {
  const approved = await caseIn(t, "approved", {
    itemCode: "state-land-first-registration",
    formData: REG_FORM,
  });
  type Fees = { assessments: { id: string }[] };
  const fees = await client("clerk").post<Fees>(`/api/cases/${approved.id}/fees/assessments`, {});
  const assessmentId = fees.body.assessments?.[0]?.id;
  if (fees.status !== 201 || !assessmentId)
    throw new Error(`authz matrix: fee assessment ${fees.status} ${fees.text}`);
  const order = await client("sanmu").post<{ id: string }>(`/api/cases/${approved.id}/fees/online-payments`, {
    assessmentId,
    idempotencyKey: "authz-matrix-order-0001",
  });
  if (order.status !== 201) throw new Error(`authz matrix: online payment ${order.status} ${order.text}`);
  params["payment-simulator.id"] = order.body.id;
  // (Not the case itself: its registration was reviewed by 不动产登记中心, reviewer-registry's department.)
  secrets.add(order.body.id);

  await precheckAll(t, client("helper"), projectId);
  const filed = await client("clerk").post<{ bundle: { id: string; cases: { id: string }[] } | null }>(
    `/api/projects/${projectId}/land-contracts`,
    {
      number: "怀土出〔2026〕77号",
      signedAt: "2026-11-24T09:00:00+08:00",
      parties: { grantor: "怀远县自然资源和规划局", grantee: "安徽三木新材料科技有限公司" },
      priceYuan: 12_800_000,
      paymentStatus: "paid",
      forms: { "state-land-first-registration": { unitNumber: "340321003001GB00018W00000000" } },
    },
  );
  const bundle = filed.body.bundle;
  if (filed.status !== 201 || !bundle) throw new Error(`authz matrix: bundle ${filed.status} ${filed.text}`);
  params["bundles.id"] = bundle.id;
  secrets.add(bundle.id);
  for (const c of bundle.cases) secrets.add(c.id);
}

/**
 * Bodies that pass validation so the scope check answers: a new service item of the bureau (the code of
 * an existing one, so the bureau's administrator is let through to 422 `duplicate_item_code` and nothing
 * is created), and 转交B岗 of a real handover list — a second case in review whose planning task belongs
 * to reviewer-planning2, holder of the planning section's review post, away today, with reviewer-planning
 * as the backup — with a stale version (409 for the bureau's supervisor and administrator).
 */
async function buildCatalogAndHandover() {
  const db = t.ctx.database.db;
  const [item] = await db
    .select({ content: itemVersions.content, version: itemVersions.version })
    .from(itemVersions)
    .innerJoin(serviceItems, eq(serviceItems.id, itemVersions.itemId))
    .where(eq(serviceItems.code, "construction-land-planning-permit"))
    .orderBy(desc(itemVersions.version))
    .limit(1);
  if (!item) throw new Error("authz matrix: no item version");
  Object.assign(BODIES, {
    createServiceItem: () => ({ content: item.content, effectiveFrom: "2026-12-01", changeNote: "授权矩阵" }),
  } satisfies Record<string, BodyFor>);

  const second = await caseIn(t, "in_review");
  const section = await first(
    db.select().from(organizations).where(eq(organizations.code, "HY-ZRZY-GH")),
    "planning section",
  );
  const task = await first(
    db
      .select()
      .from(reviewTasks)
      .where(and(eq(reviewTasks.caseId, second.id), eq(reviewTasks.orgId, section.id))),
    "planning task of the second case",
  );
  const userId = (name: string) =>
    first(db.select().from(users).where(eq(users.username, name)), name).then((u) => u.id);
  const holder = await userId("reviewer-planning2");
  const backup = await userId("reviewer-planning");
  await db.update(reviewTasks).set({ assigneeId: holder }).where(eq(reviewTasks.id, task.id));
  const now = t.ctx.clock.now();
  await db.insert(staffPosts).values({
    orgId: section.id,
    name: "规划审查岗",
    duty: "review",
    stepCode: task.stepCode,
    holderId: holder,
    backupId: backup,
    createdAt: now,
    updatedAt: now,
  });
  const away = await client("supervisor").post("/api/staff-absences", {
    userId: holder,
    fromDate: "2026-11-24",
    toDate: "2026-11-24",
    reason: "leave",
  });
  if (away.status !== 201) throw new Error(`authz matrix: absence ${away.status} ${away.text}`);
  const list = await client("supervisor").get<unknown>("/api/staff");
  if (!JSON.stringify(list.body).includes(task.id))
    throw new Error(`authz matrix: the task is not on the handover list ${list.text.slice(0, 300)}`);
  Object.assign(BODIES, {
    handOverReviewTasks: () => ({ tasks: [{ taskId: task.id, expectedVersion: 999_999 }] }),
  } satisfies Record<string, BodyFor>);
}

/** Every online dimension rated, overall very dissatisfied (差评: it opens a rectification). */
const RATING_VERY_DISSATISFIED = {
  overall: "very_dissatisfied",
  efficiency: "satisfied",
  guide_accuracy: "satisfied",
  convenience: "basic",
  usability: "satisfied",
};

function client(username: string): TestClient {
  const c = clients.get(username);
  if (!c) throw new Error(`authz matrix: no client ${username}`);
  return c;
}

/** The value of a path parameter: by operation, by the path's first segment, or by name. */
function paramValue(o: Op, name: string): string {
  const segment = o.path.split("/").filter((s) => s && s !== "api" && s !== ".well-known")[0];
  const v = params[`${o.id}.${name}`] ?? params[`${segment}.${name}`] ?? params[name];
  return v ?? (name === "id" || name.endsWith("Id") ? randomUUID() : "x");
}

function urlOf(o: Op): string {
  let url = fillPath(o.path, (name) => paramValue(o, name));
  const query = (o.op.parameters ?? []).filter((p) => p.in === "query" && p.required);
  if (query.length) {
    const q = new URLSearchParams();
    for (const p of query) {
      const v =
        params[`${o.id}.${p.name}`] ?? params[p.name] ?? sample(doc, p.schema, { byName: bodyValues });
      q.set(p.name, String(v));
    }
    url += `?${q}`;
  }
  return url;
}

async function call(o: Op, account: string, who: TestClient): Promise<TestResponse<unknown>> {
  const url = urlOf(o);
  if (o.multipart) return who.upload(url, "材料.pdf", PDF, "application/pdf");
  const n = [...clients.keys()].indexOf(account);
  const body =
    BODIES[o.id]?.(account, n) ?? (o.json ? sample(doc, o.json, { byName: bodyValues }) : undefined);
  return who.request(o.method, url, o.method === "GET" ? undefined : (body ?? {}));
}

async function observe(o: Op, account: string, who: TestClient) {
  const slow = setTimeout(() => console.error(`still waiting: ${o.id} as ${account}`), 30_000);
  const res = await call(o, account, who).finally(() => clearTimeout(slow));
  calls++;
  const text = typeof res.text === "string" ? res.text : "";
  const map = observed.get(o.id) ?? new Map<string, Observation>();
  map.set(account, { status: res.status, allowed: !isDenied(res.status, text), text, url: urlOf(o) });
  observed.set(o.id, map);
  if (res.status >= 500) leaks.push(`${o.id} as ${account}: ${res.status} ${text.slice(0, 200)}`);
}

/** Runs `jobs` with at most `size` at a time. */
async function pool(jobs: (() => Promise<void>)[], size: number) {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]();
  };
  await Promise.all(Array.from({ length: size }, worker));
}

/** What the answers of one operation say for one column. */
function cellOf(id: string, column: Column): Cell | string {
  const map = observed.get(id);
  if (!map) return "?";
  if (column === "anonymous") return map.get("anonymous")?.allowed ? "allow" : "deny";
  const accounts =
    column === "partner" && PARTNER_SWAP.has(id) ? [...ACCOUNTS.partner].reverse() : ACCOUNTS[column];
  const [inside, outside] = accounts.map((a) => map.get(a)?.allowed);
  if (inside && outside) return "allow";
  if (!inside && !outside) return "deny";
  if (inside && !outside) return "own";
  return "outsider-only";
}

/** zod's issue codes: a 422 naming only these is the request schema's refusal, before any scope check. */
const SCHEMA_CODES = new Set([
  "invalid_type",
  "too_small",
  "too_big",
  "invalid_format",
  "invalid_value",
  "unrecognized_keys",
  "invalid_union",
  "invalid_key",
  "invalid_element",
  "not_multiple_of",
  "custom",
]);

/** True when the request was refused for its form (400, or 422 naming only schema issues): no scope was checked. */
function refusedBySchema(o: Observation): boolean {
  if (o.status === 400) return true;
  if (o.status !== 422) return false;
  let errors: { code?: string }[] = [];
  try {
    errors = (JSON.parse(o.text) as { errors?: { code?: string }[] }).errors ?? [];
  } catch {
    return false;
  }
  return errors.length > 0 && errors.every((e) => SCHEMA_CODES.has(e.code ?? ""));
}

/** Operations on data the market regulator (scjg) provides: there it is the insider, the township the outsider. */
const PARTNER_SWAP = new Set(["publishSharedRecord"]);

/** Operations that end sessions or change credentials run last, one account at a time. */
const LAST = ["changePassword", "logout", "login"];

beforeAll(async () => {
  t = await createTestApp();
  const accounts = ["admin", ...Object.values(ACCOUNTS).flat()];
  clients.set("admin", await login("admin", 1));
  await buildWorldAccounts();
  let ip = 10;
  for (const name of accounts) if (!clients.has(name)) clients.set(name, await login(name, ip++));
  clients.set("anonymous", t.client("10.9.0.1"));
  doc = (await client("admin").get<OpenApiDoc>("/api/openapi.json")).body;
  await buildWorld();

  const ops = walk(doc);
  const everyone = ["anonymous", ...Object.values(ACCOUNTS).flat()];
  const jobs = (list: Op[]) => list.flatMap((o) => everyone.map((a) => () => observe(o, a, client(a))));
  // Reads first (they change nothing), then writes, then what ends sessions.
  await pool(jobs(ops.filter((o) => o.method === "GET")), 4);
  await pool(jobs(ops.filter((o) => o.method !== "GET" && !LAST.includes(o.id))), 4);
  for (const id of LAST) {
    const o = ops.find((x) => x.id === id);
    if (o) for (const a of everyone) await observe(o, a, client(a));
  }
}, 600_000);
afterAll(async () => t?.close());

async function login(username: string, n: number): Promise<TestClient> {
  const c = t.client(`10.8.${Math.floor(n / 250)}.${(n % 250) + 1}`);
  const res = await c.login(username);
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text}`);
  return c;
}

/** The other county's organizations and staff exist before their accounts sign in. */
async function buildWorldAccounts() {
  // Another county: a root bureau with a window, staff in each role (the app's own account service).
  for (const [username, role] of OTHER_STAFF) await createOtherCountyUser(t.ctx.database.db, username, role);
}

describe("authorization matrix (every operation × every role, on real objects)", () => {
  it("classifies every operation of the OpenAPI document and no operation twice", () => {
    const expected = loadAuthzTable();
    const ids = walk(doc).map((o) => o.id);
    const missing = ids.filter((id) => !expected[id]);
    const stale = Object.keys(expected).filter((id) => !ids.includes(id));
    expect(missing, "operations without a row in expected.md: classify them").toEqual([]);
    expect(stale, "rows of expected.md for operations that no longer exist").toEqual([]);
    for (const [id, row] of Object.entries(expected))
      expect(Object.keys(row).sort(), id).toEqual([...COLUMNS].sort());
  });

  it("answers every operation as the table says, for every role and anonymously", () => {
    const expected = loadAuthzTable();
    const mismatches: string[] = [];
    const out: string[] = [];
    for (const o of walk(doc)) {
      const statuses = [...(observed.get(o.id) ?? new Map<string, Observation>())]
        .map(
          ([a, x]) =>
            `${a} ${x.status}${x.status >= 400 ? `:${x.text.match(/"code":"(\w+)"/)?.[1]}${x.status === 422 ? `(${x.text.match(/"detail":"([^"]*)"/)?.[1]})` : ""}` : ""}`,
        )
        .join(", ");
      out.push(
        `${authzRow(
          o.id,
          COLUMNS.map((c) => cellOf(o.id, c)),
        )}\n<!-- ${statuses} -->`,
      );
      for (const c of COLUMNS) {
        const want = expected[o.id]?.[c];
        const got = cellOf(o.id, c);
        if (want !== undefined && want !== got) {
          const who = c === "anonymous" ? ["anonymous"] : ACCOUNTS[c];
          const seen = who.map((a) => `${a} ${observed.get(o.id)?.get(a)?.status}`).join(", ");
          mismatches.push(`${o.id} × ${c}: expected ${want}, got ${got} (${seen})`);
        }
      }
    }
    if (process.env.YIZHAN_AUTHZ_WRITE)
      writeFileSync(
        `${HERE}expected.observed.md`,
        `| operation | ${COLUMNS.join(" | ")} |\n|---|${"---|".repeat(COLUMNS.length)}\n${out.join("\n")}\n`,
      );
    expect(mismatches).toEqual([]);
  });

  it("calls every operation on a real object: none answers 404 to every signed-in caller", () => {
    const accounts = Object.values(ACCOUNTS).flat();
    const without = [...observed]
      .filter(([, map]) => accounts.every((a) => map.get(a)?.status === 404))
      .map(([id]) => id)
      .sort();
    expect(without).toEqual([]);
  });

  it("sends every signed-in caller a request the schema accepts, so the scope check is what answers", () => {
    const refused = [...observed]
      .flatMap(([id, map]) =>
        [...map]
          .filter(([who, o]) => who !== "anonymous" && refusedBySchema(o))
          .map(([who, o]) => `${id} as ${who}: ${o.status} ${o.text.slice(0, 160)}`),
      )
      .sort();
    expect(refused).toEqual([]);
  });

  it("never answers 5xx to a call of the matrix", () => {
    expect(leaks).toEqual([]);
  });

  it("shows no outsider and no anonymous caller an identifier of the owner's objects (lists, searches, exports)", () => {
    const outsiders = ["anonymous", ...ROLES.map((r) => ACCOUNTS[r][1])];
    const found: string[] = [];
    for (const [id, map] of observed) {
      for (const who of outsiders) {
        const o = map.get(who);
        if (!o?.allowed || o.status >= 300) continue;
        for (const s of secrets)
          if (o.text.includes(s) && !o.url.includes(s) && !(PUBLISHING.includes(id) && published.has(s)))
            found.push(`${id} as ${who}: ${s}`);
      }
    }
    expect(secrets.size).toBeGreaterThanOrEqual(9);
    expect(published.size).toBe(2);
    expect(found).toEqual([]);
  });

  it("made the calls it claims (every operation × every account and anonymously)", () => {
    const accounts = 1 + Object.values(ACCOUNTS).flat().length;
    expect(calls).toBe(walk(doc).length * accounts);
    const denials = [...observed.values()].flatMap((m) => [...m.values()]).filter((o) => !o.allowed).length;
    console.info(
      `authz matrix: ${walk(doc).length} operations × ${accounts} callers = ${calls} calls, ${denials} refused`,
    );
  });
});
