import { asc, desc, eq, inArray } from "drizzle-orm";
import {
  bundles,
  bundleTemplates,
  cases,
  certificates,
  landContracts,
  landDeliveries,
  organizations,
  projects,
} from "../../db/schema";
import { sameLocalDay, workingMinutesBetween } from "../../domain/calendar/workingHours";
import { notFound } from "../../domain/errors";
import type { TBundle, TBundleMeasureReport } from "../../shared/api/projects";
import type { Actor } from "../actor";
import { getWorkingCalendar } from "../calendar/getWorkingCalendar";
import type { AppContext } from "../context";
import { authorize, can } from "../policies";
import { landTransferOrgPathOf } from "../projects/projectRows";

/** Statuses a case no longer moves from. */
const FINAL = ["completed", "refused", "denied", "withdrawn", "referred"];

/** The status of a bundle: the aggregate of its cases' statuses. */
export function bundleStatus(statuses: string[]): string {
  if (statuses.length === 0) return "empty";
  if (statuses.every((s) => s === "completed")) return "completed";
  if (statuses.some((s) => s === "draft")) return "draft";
  if (statuses.every((s) => FINAL.includes(s))) return "closed";
  if (statuses.some((s) => s === "completed")) return "partially_completed";
  return "in_progress";
}

/**
 * 怀远速度 of one bundle: from its trigger (the land delivered, else the contract signed, else the
 * filing) to the last certificate issued, in working hours.
 */
export type BundleMeasure = {
  contractAt: string | null;
  /** The start of the measure and what it is. */
  startedAt: string;
  startedBy: "land_delivered" | "land_contract_signed" | "filed";
  certificatesAt: string | null;
  workingMinutes: number | null;
  workingHours: number | null;
  sameDay: boolean | null;
};

/** Loads bundles with their template, contract, cases, certificates and measure. */
export async function bundleViews(ctx: AppContext, bundleIds: string[]): Promise<TBundle[]> {
  if (bundleIds.length === 0) return [];
  const db = ctx.database.db;
  const rows = await db
    .select({ b: bundles, t: bundleTemplates, c: landContracts, d: landDeliveries, orgId: projects.orgId })
    .from(bundles)
    .innerJoin(bundleTemplates, eq(bundleTemplates.id, bundles.templateId))
    .innerJoin(projects, eq(projects.id, bundles.projectId))
    .leftJoin(landContracts, eq(landContracts.id, bundles.landContractId))
    .leftJoin(landDeliveries, eq(landDeliveries.id, bundles.landDeliveryId))
    .where(inArray(bundles.id, bundleIds))
    .orderBy(desc(bundles.createdAt));
  const caseRows = await db
    .select()
    .from(cases)
    .where(inArray(cases.bundleId, bundleIds))
    .orderBy(asc(cases.createdAt));
  const certRows = caseRows.length
    ? await db
        .select({
          id: certificates.id,
          caseId: certificates.caseId,
          name: certificates.name,
          number: certificates.number,
          at: certificates.createdAt,
        })
        .from(certificates)
        .where(
          inArray(
            certificates.caseId,
            caseRows.map((c) => c.id),
          ),
        )
    : [];
  const out: TBundle[] = [];
  for (const { b, t, c, d, orgId } of rows) {
    const own = caseRows.filter((x) => x.bundleId === b.id);
    const certs = certRows.filter((x) => own.some((o) => o.id === x.caseId));
    const allIssued = own.length > 0 && own.every((o) => certs.some((x) => x.caseId === o.id));
    const start = d?.deliveredAt ?? c?.signedAt ?? b.createdAt;
    const end = allIssued ? new Date(Math.max(...certs.map((x) => x.at.getTime()))) : null;
    const cal = await getWorkingCalendar(ctx, orgId);
    const minutes = end ? workingMinutesBetween(cal, start, end) : null;
    const latest = [...own].sort((x, y) =>
      String(y.deadline ?? "").localeCompare(String(x.deadline ?? "")),
    )[0];
    const measure: BundleMeasure = {
      contractAt: c?.signedAt.toISOString() ?? null,
      startedAt: start.toISOString(),
      startedBy: d ? "land_delivered" : c ? "land_contract_signed" : "filed",
      certificatesAt: end?.toISOString() ?? null,
      workingMinutes: minutes,
      workingHours: minutes === null ? null : Math.round((minutes / 60) * 100) / 100,
      sameDay: end ? sameLocalDay(start, end) : null,
    };
    out.push({
      id: b.id,
      projectId: b.projectId,
      template: { code: t.code, name: t.name, trigger: t.trigger, sharedMaterials: t.sharedMaterials },
      status: bundleStatus(own.map((o) => o.status)),
      createdAt: b.createdAt.toISOString(),
      landContract: c
        ? { id: c.id, number: c.number, signedAt: c.signedAt.toISOString(), source: c.source }
        : null,
      landDelivery: d
        ? {
            id: d.id,
            confirmationNo: d.confirmationNo,
            deliveredAt: d.deliveredAt.toISOString(),
            source: d.source,
          }
        : null,
      /** The bundle's clock is that of its latest case (the latest deadline). */
      clock: { caseId: latest?.id ?? null, deadline: latest?.deadline ?? null },
      cases: own.map((o) => ({
        id: o.id,
        number: o.number,
        itemCode: o.itemCode,
        itemName: o.itemName,
        status: o.status,
        deadline: o.deadline,
        submittedAt: o.submittedAt?.toISOString() ?? null,
        completedAt: o.completedAt?.toISOString() ?? null,
      })),
      certificates: certs.map((x) => ({
        id: x.id,
        caseId: x.caseId,
        name: x.name,
        number: x.number,
        issuedAt: x.at.toISOString(),
      })),
      measure,
    });
  }
  return out;
}

/** One bundle with its cases, status, clock and measure (for those who may read its project). */
export async function getBundle(ctx: AppContext, actor: Actor, bundleId: string): Promise<TBundle> {
  const db = ctx.database.db;
  const [row] = await db
    .select({
      b: bundles,
      orgPath: organizations.path,
      enterpriseId: projects.enterpriseId,
      helperId: projects.helperId,
      landTransferOrgPath: landTransferOrgPathOf,
    })
    .from(bundles)
    .innerJoin(projects, eq(projects.id, bundles.projectId))
    .innerJoin(organizations, eq(organizations.id, projects.orgId))
    .where(eq(bundles.id, bundleId));
  if (!row) throw notFound({ "zh-CN": "套餐办件", "en-US": "Bundle" });
  authorize(actor, "read", "project", {
    orgPath: row.orgPath,
    enterpriseId: row.enterpriseId,
    helperId: row.helperId,
    landTransferOrgPath: row.landTransferOrgPath,
  });
  const [view] = await bundleViews(ctx, [bundleId]);
  return view;
}

/**
 * The supervisor's figure (怀远速度): every bundle the caller may see with its contract-to-certificate
 * time in working hours, and how many were done the same day.
 */
export async function bundleMeasure(ctx: AppContext, actor: Actor): Promise<TBundleMeasureReport> {
  const db = ctx.database.db;
  const rows = await db
    .select({
      id: bundles.id,
      orgPath: organizations.path,
      enterpriseId: projects.enterpriseId,
      helperId: projects.helperId,
      landTransferOrgPath: landTransferOrgPathOf,
      projectName: projects.name,
    })
    .from(bundles)
    .innerJoin(projects, eq(projects.id, bundles.projectId))
    .innerJoin(organizations, eq(organizations.id, projects.orgId));
  const visible = rows.filter((r) => can(actor, "read", "project", r));
  const views = await bundleViews(
    ctx,
    visible.map((r) => r.id),
  );
  const done = views.filter((v) => v.measure.workingMinutes !== null);
  const total = done.reduce((s, v) => s + (v.measure.workingMinutes ?? 0), 0);
  return {
    bundles: views.map((v) => ({
      id: v.id,
      projectId: v.projectId,
      projectName: visible.find((r) => r.id === v.id)?.projectName ?? "",
      template: v.template.name,
      status: v.status,
      measure: v.measure,
    })),
    summary: {
      total: views.length,
      completed: done.length,
      sameDay: done.filter((v) => v.measure.sameDay).length,
      averageWorkingHours: done.length ? Math.round((total / done.length / 60) * 100) / 100 : null,
    },
  };
}
