import { asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  actionItems,
  bundles,
  coordinationMeetings,
  landContracts,
  landDeliveries,
  organizations,
  projectContacts,
  projectEvents,
  projectPrechecks,
  projects,
  siteSurveys,
  users,
} from "../../db/schema";
import type { TProject, TProjectListItem } from "../../shared/api/projects";
import { formatDate } from "../../shared/localTime";
import type { Actor } from "../actor";
import { bundleViews } from "../bundles/queries";
import { resolveEffectiveVersion } from "../catalog/resolveItemVersion";
import type { AppContext } from "../context";
import { abilities, can } from "../policies";
import { authorizedProject, landTransferOrgPathOf, projectPolicyRecord } from "./projectRows";

/** Projects the caller may see: the enterprise its own; staff those of their organization tree. */
export async function listProjects(ctx: AppContext, actor: Actor): Promise<{ items: TProjectListItem[] }> {
  const helper = alias(users, "helper");
  const rows = await ctx.database.db
    .select({
      p: projects,
      orgPath: organizations.path,
      enterpriseName: users.displayName,
      helperName: helper.displayName,
      landTransferOrgPath: landTransferOrgPathOf,
    })
    .from(projects)
    .innerJoin(organizations, eq(organizations.id, projects.orgId))
    .innerJoin(users, eq(users.id, projects.enterpriseId))
    .leftJoin(helper, eq(helper.id, projects.helperId))
    .orderBy(desc(projects.createdAt));
  return {
    items: rows
      .filter((r) =>
        can(actor, "read", "project", {
          orgPath: r.orgPath,
          enterpriseId: r.p.enterpriseId,
          helperId: r.p.helperId,
          landTransferOrgPath: r.landTransferOrgPath,
        }),
      )
      .map((r) => ({
        id: r.p.id,
        code: r.p.code,
        name: r.p.name,
        stage: r.p.stage,
        location: r.p.parcel.location,
        enterpriseName: r.enterpriseName,
        helperName: r.helperName,
        createdAt: r.p.createdAt.toISOString(),
      })),
  };
}

/**
 * A project with everything that happened: parcel, contacts, pre-checks, site surveys, meetings with
 * action items, land contracts, bundles with their measure (怀远速度) and the timeline.
 */
export async function getProject(ctx: AppContext, actor: Actor, id: string): Promise<TProject> {
  const db = ctx.database.db;
  const p = await authorizedProject(db, actor, id, "read");
  const [enterprise] = await db.select().from(users).where(eq(users.id, p.enterpriseId));
  const [helper] = p.helperId ? await db.select().from(users).where(eq(users.id, p.helperId)) : [];
  const [landTransferOrg] = p.landTransferOrgId
    ? await db.select().from(organizations).where(eq(organizations.id, p.landTransferOrgId))
    : [];
  const [contacts, prechecks, surveys, meetings, actions, contracts, deliveries, bundleRows, events] =
    await Promise.all([
      db
        .select()
        .from(projectContacts)
        .where(eq(projectContacts.projectId, p.id))
        .orderBy(asc(projectContacts.contactedAt)),
      db
        .select()
        .from(projectPrechecks)
        .where(eq(projectPrechecks.projectId, p.id))
        .orderBy(asc(projectPrechecks.itemCode), asc(projectPrechecks.materialCode)),
      db
        .select()
        .from(siteSurveys)
        .where(eq(siteSurveys.projectId, p.id))
        .orderBy(asc(siteSurveys.surveyedOn)),
      db
        .select()
        .from(coordinationMeetings)
        .where(eq(coordinationMeetings.projectId, p.id))
        .orderBy(asc(coordinationMeetings.heldOn)),
      db.select().from(actionItems).where(eq(actionItems.projectId, p.id)).orderBy(asc(actionItems.dueOn)),
      db
        .select()
        .from(landContracts)
        .where(eq(landContracts.projectId, p.id))
        .orderBy(asc(landContracts.signedAt)),
      db
        .select()
        .from(landDeliveries)
        .where(eq(landDeliveries.projectId, p.id))
        .orderBy(asc(landDeliveries.deliveredAt)),
      db
        .select({ id: bundles.id, landDeliveryId: bundles.landDeliveryId })
        .from(bundles)
        .where(eq(bundles.projectId, p.id)),
      db
        .select({ e: projectEvents, actorName: users.displayName })
        .from(projectEvents)
        .leftJoin(users, eq(users.id, projectEvents.actorId))
        .where(eq(projectEvents.projectId, p.id))
        .orderBy(asc(projectEvents.at), asc(projectEvents.id)),
    ]);
  // Material names as the items publish them today (the checklist the helper pre-checked against).
  const materialNames = new Map<string, string>();
  for (const code of new Set(prechecks.map((c) => c.itemCode))) {
    const v = await resolveEffectiveVersion(db, code, formatDate(ctx.clock.now()));
    for (const m of v?.content.materials ?? []) materialNames.set(`${code}:${m.code}`, m.name);
  }
  const bundleList = await bundleViews(
    ctx,
    bundleRows.map((b) => b.id),
  );
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    stage: p.stage,
    version: p.version,
    parcel: p.parcel,
    org: { code: p.orgCode, name: p.orgName },
    enterprise: {
      id: p.enterpriseId,
      name: enterprise?.displayName ?? "",
      creditCode: enterprise?.creditCode ?? null,
    },
    helper: helper ? { id: helper.id, name: helper.displayName } : null,
    /** Whose land-transfer system records the contract and the delivery through the API (or none). */
    landTransferOrg: landTransferOrg ? { code: landTransferOrg.code, name: landTransferOrg.name } : null,
    createdAt: p.createdAt.toISOString(),
    contacts: contacts.map((c) => ({ ...c, contactedAt: c.contactedAt.toISOString() })),
    prechecks: prechecks.map((c) => ({
      itemCode: c.itemCode,
      materialCode: c.materialCode,
      materialName: materialNames.get(`${c.itemCode}:${c.materialCode}`) ?? c.materialCode,
      status: c.status,
      note: c.note,
      fileIds: c.fileIds,
      checkedAt: c.checkedAt.toISOString(),
    })),
    siteSurveys: surveys.map((s) => ({
      id: s.id,
      surveyedOn: s.surveyedOn,
      people: s.people,
      findings: s.findings,
      photoFileIds: s.photoFileIds,
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      heldOn: m.heldOn,
      topic: m.topic,
      attendees: m.attendees,
      decisions: m.decisions,
      actionItems: actions
        .filter((a) => a.meetingId === m.id)
        .map((a) => ({
          id: a.id,
          description: a.description,
          owner: a.owner,
          dueOn: a.dueOn,
          status: a.status,
          doneAt: a.doneAt?.toISOString() ?? null,
        })),
    })),
    landContracts: contracts.map((c) => ({
      id: c.id,
      number: c.number,
      signedAt: c.signedAt.toISOString(),
      parties: c.parties,
      priceYuan: Number(c.priceYuan),
      paymentStatus: c.paymentStatus,
      source: c.source,
    })),
    landDeliveries: deliveries.map((d) => ({
      id: d.id,
      confirmationNo: d.confirmationNo,
      deliveredAt: d.deliveredAt.toISOString(),
      deliveredBy: d.deliveredBy,
      deliveredTo: d.deliveredTo,
      parcel: d.parcel,
      landContractNo: contracts.find((c) => c.id === d.landContractId)?.number ?? d.parcel.contractNo ?? null,
      note: d.note,
      source: d.source,
      bundleId: bundleRows.find((b) => b.landDeliveryId === d.id)?.id ?? null,
    })),
    bundles: bundleList,
    /** 怀远速度: contract-to-certificate time of each bundle. */
    measure: bundleList.map((b) => ({ bundleId: b.id, template: b.template.name, ...b.measure })),
    timeline: events.map(({ e, actorName }) => ({
      id: e.id,
      type: e.type,
      summary: e.summary,
      at: e.at.toISOString(),
      actorName,
      data: e.data,
    })),
    abilities: abilities(actor, "project", projectPolicyRecord(p)),
  };
}
