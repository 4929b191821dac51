import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { Executor } from "../../db/client";
import {
  organizations,
  policyDocuments,
  roleMemberships,
  type TrainingDocument,
  trainingAttendance,
  trainingSessions,
  users,
} from "../../db/schema";
import { forbidden, invalid, notFound, versionConflict } from "../../domain/errors";
import type {
  TCreateTrainingSession,
  TListTrainingSessions,
  TRecordAttendance,
} from "../../shared/api/requests/training";
import type {
  TTrainingHistory,
  TTrainingOptions,
  TTrainingSession,
  TTrainingSessionSummary,
} from "../../shared/api/training";
import { isRealDate } from "../../shared/text";
import { type Actor, hasRole, type Role } from "../actor";
import type { AppContext } from "../context";
import { relatedTo } from "../policies/cases";

const SESSION = { "zh-CN": "培训记录", "en-US": "Training session" };
const PERSON = { "zh-CN": "工作人员", "en-US": "Staff member" };

/** Roles whose holders are staff of an organization: they attend its sessions and read them. */
const STAFF_ROLES: readonly Role[] = ["clerk", "reviewer", "approver", "helper", "supervisor", "admin"];

export type Org = { id: string; name: string; path: string; kind: string };
type SessionRow = typeof trainingSessions.$inferSelect;
type Attendance = "present" | "absent" | "excused";

const mayRead = (a: Actor, orgPath: string) => a.kind === "staff" && relatedTo(a, orgPath, ...STAFF_ROLES);
/**
 * A supervisor of the holding organization's tree (above or below it, as for ratings: the section head
 * holds the bureau's sessions) creates sessions and records them.
 */
const mayWrite = (a: Actor, orgPath: string) => a.kind === "staff" && relatedTo(a, orgPath, "supervisor");
/** The top organization (bureau) of a path: `/HY-ZRZY/HY-ZRZY-SP/` → `/HY-ZRZY/`. */
const rootOf = (path: string) => `/${path.split("/")[1] ?? ""}/`;
/**
 * True when a person working in `orgPath` is staff the actor supervises: the supervisor (or admin) of
 * an organization of the same bureau (the section head manages the window staff: 日常管理、教育培训).
 */
const supervises = (a: Actor, orgPath: string) =>
  a.kind === "staff" &&
  a.memberships.some(
    (m) =>
      (m.role === "supervisor" || m.role === "admin") && !!m.orgPath && rootOf(m.orgPath) === rootOf(orgPath),
  );

/** Every organization by id (id, name, path, kind). */
export async function orgMap(ex: Executor): Promise<Map<string, Org>> {
  const rows = await ex
    .select({
      id: organizations.id,
      name: organizations.name,
      path: organizations.path,
      kind: organizations.kind,
    })
    .from(organizations);
  return new Map(rows.map((o) => [o.id, o]));
}

export type StaffMember = { id: string; displayName: string; orgs: Org[] };

/** Active staff with their organizations (staff roles only). */
export async function staffMembers(ex: Executor, orgs: Map<string, Org>): Promise<StaffMember[]> {
  const rows = await ex
    .select({
      id: users.id,
      displayName: users.displayName,
      orgId: roleMemberships.orgId,
      role: roleMemberships.role,
    })
    .from(users)
    .innerJoin(roleMemberships, eq(roleMemberships.userId, users.id))
    .where(and(eq(users.kind, "staff"), eq(users.active, true), ne(roleMemberships.role, "applicant")))
    .orderBy(asc(users.displayName), asc(users.username));
  const byId = new Map<string, StaffMember>();
  for (const r of rows) {
    if (!STAFF_ROLES.includes(r.role)) continue;
    const org = r.orgId ? orgs.get(r.orgId) : undefined;
    if (!org) continue;
    const m = byId.get(r.id) ?? { id: r.id, displayName: r.displayName, orgs: [] };
    if (!m.orgs.some((o) => o.id === org.id)) m.orgs.push(org);
    byId.set(r.id, m);
  }
  return [...byId.values()];
}

/** The staff a session is meant for: those working in one of its sections (or below one). */
function rosterOf(session: SessionRow, orgs: Map<string, Org>, staff: StaffMember[]) {
  const paths = session.sectionIds.map((id) => orgs.get(id)?.path).filter((p): p is string => !!p);
  const out: { user: StaffMember; orgName: string }[] = [];
  for (const s of staff) {
    const org = s.orgs.find((o) => paths.some((p) => o.path.startsWith(p)));
    if (org) out.push({ user: s, orgName: org.name });
  }
  return out;
}

async function attendanceOf(ex: Executor, sessionIds: string[]) {
  if (!sessionIds.length) return [];
  return ex.select().from(trainingAttendance).where(inArray(trainingAttendance.sessionId, sessionIds));
}

async function names(ex: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await ex
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

type Ctx = {
  orgs: Map<string, Org>;
  staff: StaffMember[];
  attendance: (typeof trainingAttendance.$inferSelect)[];
  names: Map<string, string>;
};

function summary(s: SessionRow, c: Ctx): TTrainingSessionSummary {
  const org = c.orgs.get(s.orgId);
  const mine = c.attendance.filter((a) => a.sessionId === s.id);
  const count = (st: Attendance) => mine.filter((a) => a.status === st).length;
  return {
    id: s.id,
    version: s.version,
    heldOn: s.heldOn,
    topic: s.topic,
    org: { id: s.orgId, name: org?.name ?? "" },
    sections: s.sectionIds.flatMap((id) => {
      const o = c.orgs.get(id);
      return o ? [{ id: o.id, name: o.name }] : [];
    }),
    documents: s.documents.map((d) => ({
      title: d.title,
      ...(d.number ? { number: d.number } : {}),
      ...(d.url ? { url: d.url } : {}),
      ...(d.policyId ? { policyId: d.policyId } : {}),
    })),
    organizer: { id: s.organizerId, displayName: c.names.get(s.organizerId) ?? "" },
    counts: {
      present: count("present"),
      absent: count("absent"),
      excused: count("excused"),
      expected: rosterOf(s, c.orgs, c.staff).length,
    },
    updatedAt: s.updatedAt.toISOString(),
  };
}

function detail(actor: Actor, s: SessionRow, c: Ctx): TTrainingSession {
  const mine = new Map(c.attendance.filter((a) => a.sessionId === s.id).map((a) => [a.userId, a.status]));
  const roster = rosterOf(s, c.orgs, c.staff).map((r) => ({
    user: { id: r.user.id, displayName: r.user.displayName },
    orgName: r.orgName,
    status: mine.get(r.user.id) ?? null,
  }));
  // Someone recorded once who has since left the sections still shows with their attendance.
  for (const [userId, status] of mine)
    if (!roster.some((r) => r.user.id === userId))
      roster.push({ user: { id: userId, displayName: c.names.get(userId) ?? "" }, orgName: "", status });
  const org = c.orgs.get(s.orgId);
  return {
    ...summary(s, c),
    record: s.record,
    roster,
    abilities: { recordAttendance: !!org && mayWrite(actor, org.path) },
  };
}

async function loadCtx(ex: Executor, sessions: SessionRow[]): Promise<Ctx> {
  const orgs = await orgMap(ex);
  const staff = await staffMembers(ex, orgs);
  const attendance = await attendanceOf(
    ex,
    sessions.map((s) => s.id),
  );
  const nm = await names(ex, [...sessions.map((s) => s.organizerId), ...attendance.map((a) => a.userId)]);
  return { orgs, staff, attendance, names: nm };
}

function requireStaff(actor: Actor, action: string) {
  if (actor.kind !== "staff" || !hasRole(actor, ...STAFF_ROLES)) throw forbidden(action);
}

/**
 * The sessions the actor may read (listTrainingSessions): those held by an organization of their tree
 * (above or below their own), newest first; `orgId` narrows to one organization's sessions and those for it.
 */
export async function listTrainingSessions(
  ctx: AppContext,
  actor: Actor,
  q: TListTrainingSessions,
): Promise<{ items: TTrainingSessionSummary[] }> {
  requireStaff(actor, "read training sessions");
  const db = ctx.database.db;
  const orgs = await orgMap(db);
  const rows = await db
    .select()
    .from(trainingSessions)
    .orderBy(desc(trainingSessions.heldOn), desc(trainingSessions.createdAt));
  const visible = rows.filter((s) => {
    const org = orgs.get(s.orgId);
    if (!org || !mayRead(actor, org.path)) return false;
    return !q.orgId || s.orgId === q.orgId || s.sectionIds.includes(q.orgId);
  });
  const page = visible.slice(q.offset, q.offset + q.limit);
  const c = await loadCtx(db, page);
  return { items: page.map((s) => summary(s, c)) };
}

async function loadSession(ex: Executor, actor: Actor, id: string, lock = false) {
  const q = ex.select().from(trainingSessions).where(eq(trainingSessions.id, id));
  const [s] = lock ? await q.for("update") : await q;
  if (!s) throw notFound(SESSION);
  const [org] = await ex.select().from(organizations).where(eq(organizations.id, s.orgId));
  if (!org || !mayRead(actor, org.path)) throw notFound(SESSION);
  return { s, org };
}

/** One session with its record and roster (getTrainingSession): staff of the tree. */
export async function getTrainingSession(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<TTrainingSession> {
  requireStaff(actor, "read training sessions");
  const db = ctx.database.db;
  const { s } = await loadSession(db, actor, id);
  return detail(actor, s, await loadCtx(db, [s]));
}

/**
 * Creates a session (createTrainingSession): a supervisor for an organization of their tree, for
 * sections in that organization's tree; the organizer (default the caller) is staff of the tree.
 */
export async function createTrainingSession(
  ctx: AppContext,
  actor: Actor,
  input: TCreateTrainingSession,
): Promise<TTrainingSession> {
  if (actor.kind !== "staff" || !hasRole(actor, "supervisor")) throw forbidden("create a training session");
  const db = ctx.database.db;
  const orgs = await orgMap(db);
  const org = orgs.get(input.orgId);
  if (!org || !mayWrite(actor, org.path))
    throw invalid("orgId", "not_supervised", {
      "zh-CN": "只能为本人监督的机构组织培训",
      "en-US": "You can only hold sessions for an organization you supervise",
    });
  const [y, m, d] = input.heldOn.split("-").map(Number);
  if (!isRealDate(y ?? 0, m ?? 0, d ?? 0))
    throw invalid("heldOn", "invalid_date", { "zh-CN": "培训日期无效", "en-US": "Not a real date" });
  const sectionIds = [...new Set(input.sectionIds)];
  sectionIds.forEach((id, i) => {
    const o = orgs.get(id);
    if (!o?.path.startsWith(org.path))
      throw invalid(`sectionIds.${i}`, "not_in_tree", {
        "zh-CN": "参训科室须为本机构或其下属科室、窗口",
        "en-US": "Each section must be the organization or one below it",
      });
  });
  const organizerId = input.organizerId ?? actor.userId;
  if (organizerId !== actor.userId) {
    const staff = await staffMembers(db, orgs);
    const person = staff.find((p) => p.id === organizerId);
    if (!person?.orgs.some((o) => o.path.startsWith(org.path) || org.path.startsWith(o.path)))
      throw invalid("organizerId", "not_staff", {
        "zh-CN": "组织人须为本机构的工作人员",
        "en-US": "The organizer must be staff of the organization",
      });
  }
  const documents = await libraryDocuments(db, input.documents);
  const now = ctx.clock.now();
  const [s] = await db
    .insert(trainingSessions)
    .values({
      orgId: org.id,
      heldOn: input.heldOn,
      topic: input.topic,
      documents,
      sectionIds,
      organizerId,
      record: input.record?.length ? input.record : null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!s) throw new Error("insert returned nothing");
  return detail(actor, s, await loadCtx(db, [s]));
}

/**
 * The documents of a new session: a document of the policy library (`policyId`) gets its title and 文号
 * from the library (422 `documents.<i>.policyId` when there is no such document); others stay as typed.
 */
async function libraryDocuments(
  ex: Executor,
  docs: TCreateTrainingSession["documents"],
): Promise<TrainingDocument[]> {
  const ids = docs.flatMap((d) => (d.policyId ? [d.policyId] : []));
  const rows = ids.length
    ? await ex
        .select({
          id: policyDocuments.id,
          title: policyDocuments.title,
          docNumber: policyDocuments.docNumber,
        })
        .from(policyDocuments)
        .where(inArray(policyDocuments.id, ids))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return docs.map((doc, i) => {
    const p = doc.policyId ? byId.get(doc.policyId) : undefined;
    if (doc.policyId && !p)
      throw invalid(`documents.${i}.policyId`, "unknown_policy", {
        "zh-CN": "政策文件库中没有该文件",
        "en-US": "No such document in the policy library",
      });
    const number = p ? p.docNumber : doc.number;
    return {
      title: p ? p.title : doc.title,
      ...(number ? { number } : {}),
      ...(doc.url ? { url: doc.url } : {}),
      ...(p ? { policyId: p.id } : {}),
    };
  });
}

/**
 * Records attendance (and optionally replaces the record) of a session (recordAttendance): its
 * supervisor only; every person must be of the session's roster (422 naming the entry); optimistic
 * version (409).
 */
export async function recordAttendance(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: TRecordAttendance,
): Promise<TTrainingSession> {
  requireStaff(actor, "record attendance");
  const db = ctx.database.db;
  const updated = await db.transaction(async (tx) => {
    const { s, org } = await loadSession(tx, actor, id, true);
    if (!mayWrite(actor, org.path)) throw forbidden("record attendance");
    if (s.version !== input.expectedVersion) throw versionConflict(input.expectedVersion, s.version);
    const orgs = await orgMap(tx);
    const roster = new Set(rosterOf(s, orgs, await staffMembers(tx, orgs)).map((r) => r.user.id));
    const already = new Set((await attendanceOf(tx, [s.id])).map((a) => a.userId));
    input.entries.forEach((e, i) => {
      if (!roster.has(e.userId) && !already.has(e.userId))
        throw invalid(`entries.${i}.userId`, "not_in_roster", {
          "zh-CN": "该人员不属于本次培训的参训科室",
          "en-US": "This person is not staff of the session's sections",
        });
    });
    const now = ctx.clock.now();
    for (const e of input.entries)
      await tx
        .insert(trainingAttendance)
        .values({
          sessionId: s.id,
          userId: e.userId,
          status: e.status,
          recordedBy: actor.userId,
          recordedAt: now,
        })
        .onConflictDoUpdate({
          target: [trainingAttendance.sessionId, trainingAttendance.userId],
          set: { status: e.status, recordedBy: actor.userId, recordedAt: now },
        });
    const [next] = await tx
      .update(trainingSessions)
      .set({
        version: s.version + 1,
        updatedAt: now,
        ...(input.record !== undefined ? { record: input.record.length ? input.record : null } : {}),
      })
      .where(eq(trainingSessions.id, s.id))
      .returning();
    if (!next) throw new Error("update returned nothing");
    return next;
  });
  return detail(actor, updated, await loadCtx(db, [updated]));
}

/**
 * A person's training history (getTrainingHistory): the sessions meant for them (their sections) or
 * where their attendance was recorded, newest first. The person themself, or a supervisor (admin) of
 * an organization they work in.
 */
export async function getTrainingHistory(
  ctx: AppContext,
  actor: Actor,
  userId: string,
): Promise<TTrainingHistory> {
  requireStaff(actor, "read training history");
  const db = ctx.database.db;
  const orgs = await orgMap(db);
  const staff = await staffMembers(db, orgs);
  const person = staff.find((p) => p.id === userId);
  if (!person) throw notFound(PERSON);
  const own = actor.userId === userId;
  if (!own && !person.orgs.some((o) => supervises(actor, o.path)))
    throw forbidden("read another person's training history");
  const attendance = await db.select().from(trainingAttendance).where(eq(trainingAttendance.userId, userId));
  const status = new Map(attendance.map((a) => [a.sessionId, a.status]));
  const sessions = (
    await db
      .select()
      .from(trainingSessions)
      .orderBy(desc(trainingSessions.heldOn), desc(trainingSessions.createdAt))
  ).filter(
    (s) =>
      status.has(s.id) ||
      s.sectionIds.some((sid) => {
        const p = orgs.get(sid)?.path;
        return !!p && person.orgs.some((o) => o.path.startsWith(p));
      }),
  );
  const items = sessions.map((s) => ({
    sessionId: s.id,
    heldOn: s.heldOn,
    topic: s.topic,
    orgName: orgs.get(s.orgId)?.name ?? "",
    documents: s.documents,
    status: status.get(s.id) ?? null,
  }));
  const count = (st: Attendance) => items.filter((i) => i.status === st).length;
  return {
    user: { id: person.id, displayName: person.displayName },
    totals: {
      sessions: items.length,
      present: count("present"),
      absent: count("absent"),
      excused: count("excused"),
    },
    items,
  };
}

/**
 * What a supervisor chooses from when creating a session or opening a person's history
 * (getTrainingOptions): the organizations they supervise (and those below) and the staff working there.
 */
export async function getTrainingOptions(ctx: AppContext, actor: Actor): Promise<TTrainingOptions> {
  if (actor.kind !== "staff" || !hasRole(actor, "supervisor")) throw forbidden("plan training sessions");
  const db = ctx.database.db;
  const orgs = await orgMap(db);
  const mine = [...orgs.values()]
    .filter((o) => supervises(actor, o.path) && o.kind !== "department" && o.kind !== "township")
    .sort((a, b) => a.path.localeCompare(b.path));
  const staff = (await staffMembers(db, orgs)).flatMap((p) => {
    const o = p.orgs.find((x) => supervises(actor, x.path));
    return o ? [{ id: p.id, displayName: p.displayName, orgName: o.name }] : [];
  });
  return {
    orgs: mine.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      path: o.path,
      canHold: mayWrite(actor, o.path),
    })),
    staff,
  };
}
