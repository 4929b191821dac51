import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations, projectEvents, projects } from "../../db/schema";
import { notFound } from "../../domain/errors";
import type { Actor } from "../actor";
import { authorize } from "../policies";
import type { ProjectPolicyRecord } from "../policies/projects";

/** A project row with the path of its organization (for policies). */
export type LoadedProject = typeof projects.$inferSelect & {
  orgPath: string;
  orgCode: string;
  orgName: string;
  /** Path of the organization whose land-transfer system records the contract and the delivery. */
  landTransferOrgPath: string | null;
};

/** The path of a project's land-transfer organization (a subquery, for policies). */
export const landTransferOrgPathOf = sql<
  string | null
>`(select lo.path from organizations lo where lo.id = ${projects.landTransferOrgId})`;

/** Loads a project; 404 when there is none. */
export async function loadProject(ex: Executor, id: string): Promise<LoadedProject> {
  const [row] = await ex
    .select({
      p: projects,
      orgPath: organizations.path,
      orgCode: organizations.code,
      orgName: organizations.name,
      landTransferOrgPath: landTransferOrgPathOf,
    })
    .from(projects)
    .innerJoin(organizations, eq(organizations.id, projects.orgId))
    .where(eq(projects.id, id));
  if (!row) throw notFound({ "zh-CN": `项目 ${id} `, "en-US": `Project ${id}` });
  return {
    ...row.p,
    orgPath: row.orgPath,
    orgCode: row.orgCode,
    orgName: row.orgName,
    landTransferOrgPath: row.landTransferOrgPath ?? null,
  };
}

/** The policy record of a project. */
export function projectPolicyRecord(p: LoadedProject): ProjectPolicyRecord {
  return {
    orgPath: p.orgPath,
    enterpriseId: p.enterpriseId,
    helperId: p.helperId,
    landTransferOrgPath: p.landTransferOrgPath,
  };
}

/** Loads a project and checks that `actor` may do `action` on it. */
export async function authorizedProject(ex: Executor, actor: Actor, id: string, action: string) {
  const p = await loadProject(ex, id);
  authorize(actor, action, "project", projectPolicyRecord(p));
  return p;
}

/** Appends one entry to the project's timeline. */
export async function appendProjectEvent(
  ex: Executor,
  projectId: string,
  actorId: string | null,
  at: Date,
  type: string,
  summary: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await ex.insert(projectEvents).values({ projectId, actorId, at, type, summary, data });
}
