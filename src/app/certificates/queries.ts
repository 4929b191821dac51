import { and, desc, eq, sql } from "drizzle-orm";
import type { SignedDocument } from "../../adapters/signing";
import { certificates, organizations } from "../../db/schema";
import { notFound } from "../../domain/errors";
import type { Actor } from "../actor";
import { calendarFor, localDates } from "../calendar/access";
import { readableCase } from "../cases/intake/intake";
import type { AppContext } from "../context";
import { abilities, authorize } from "../policies";
import type { CertificatePolicyRecord } from "../policies/certificates";
import { presentCertificate, signedDocumentOf } from "./present";

/** Today's local date in the county (for validity). */
export async function todayFor(ctx: AppContext, orgId: string | null): Promise<string> {
  return localDates(await calendarFor(ctx, orgId), ctx.clock.now()).today;
}

/** Paths of the departments with a review task on the certificate's case (what a reviewer may read). */
const reviewOrgPathsOf = sql<
  string[]
>`coalesce((select array_agg(o.path) from review_tasks rt join organizations o on o.id = rt.org_id where rt.case_id = ${certificates.caseId}), '{}')`;

/** A certificate row with its office path (policy record), 404 when unknown. */
export async function loadCertificate(ctx: AppContext, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound({ "zh-CN": "电子证照", "en-US": "Certificate" });
  const [row] = await ctx.database.db
    .select({ cert: certificates, orgPath: organizations.path, reviewOrgPaths: reviewOrgPathsOf })
    .from(certificates)
    .innerJoin(organizations, eq(organizations.id, certificates.issuerOrgId))
    .where(eq(certificates.id, id));
  if (!row) throw notFound({ "zh-CN": "电子证照", "en-US": "Certificate" });
  const policy: CertificatePolicyRecord = {
    orgPath: row.orgPath,
    holderUserId: row.cert.holderUserId,
    reviewOrgPaths: row.reviewOrgPaths ?? [],
  };
  return { ...row.cert, policy };
}

/** One certificate for its holder or the issuing office (GB/T 36903 metadata, masked holder code). */
export async function getCertificate(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadCertificate(ctx, id);
  authorize(actor, "read", "certificate", c.policy);
  return presentCertificate(
    c,
    await todayFor(ctx, c.issuerOrgId),
    abilities(actor, "certificate", c.policy),
    ctx.config.publicUrl,
  );
}

/** The certificate as signed JSON (payload + detached signature), verifiable offline. */
export async function certificateJson(ctx: AppContext, actor: Actor, id: string): Promise<SignedDocument> {
  const c = await loadCertificate(ctx, id);
  authorize(actor, "download", "certificate", c.policy);
  return signedDocumentOf(c);
}

/** The holder's certificate wallet (证照库): every certificate issued to the caller, newest first. */
export async function listWallet(ctx: AppContext, actor: Actor) {
  const rows = await ctx.database.db
    .select({ cert: certificates, orgPath: organizations.path })
    .from(certificates)
    .innerJoin(organizations, eq(organizations.id, certificates.issuerOrgId))
    .where(eq(certificates.holderUserId, actor.userId))
    .orderBy(desc(certificates.createdAt));
  const today = await todayFor(ctx, rows[0]?.cert.issuerOrgId ?? null);
  return {
    items: rows.map((r) =>
      presentCertificate(
        r.cert,
        today,
        abilities(actor, "certificate", {
          orgPath: r.orgPath,
          holderUserId: r.cert.holderUserId,
          reviewOrgPaths: [],
        }),
        ctx.config.publicUrl,
      ),
    ),
  };
}

/** Certificates issued for one case (for the case page). */
export async function listCaseCertificates(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await readableCase(ctx, actor, caseId);
  const rows = await ctx.database.db
    .select()
    .from(certificates)
    .where(and(eq(certificates.caseId, caseId)))
    .orderBy(desc(certificates.createdAt));
  const today = await todayFor(ctx, c.orgId);
  return {
    items: rows.map((r) =>
      presentCertificate(
        r,
        today,
        abilities(actor, "certificate", {
          orgPath: c.orgPath,
          holderUserId: r.holderUserId,
          reviewOrgPaths: c.reviewOrgPaths,
        }),
        ctx.config.publicUrl,
      ),
    ),
  };
}
