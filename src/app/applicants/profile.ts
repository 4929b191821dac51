import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { caseMaterials, cases, users } from "../../db/schema";
import { notFound } from "../../domain/errors";
import { maskIdentifier, maskPhone, residentIdProblem, usccProblem } from "../../domain/rules/identifiers";
import type { TApplicantProfile } from "../../shared/api/exchange";
import { type Actor, hasRole } from "../actor";
import { loadCase } from "../cases/caseRows";
import type { AppContext } from "../context";
import { identifierFields, recordPersonalDataRead } from "../pii/readLog";
import { authorize } from "../policies";
import { relatedTo } from "../policies/cases";

const APPLICANT = { "zh-CN": "申请人", "en-US": "Applicant" };

/**
 * An applicant's profile (申请人信息): an enterprise with its 统一社会信用代码 (checked, GB 32100),
 * legal representative and address; a person with the 居民身份证号 (checked, GB 11643), name and
 * phone; agents with their power of attorney (委托书) per case. Identifiers are shown whole only to
 * the applicant and to the clerk handling one of their cases (`caseId`); everyone else sees them masked.
 */
export async function getApplicantProfile(
  ctx: AppContext,
  actor: Actor,
  applicantId: string,
  q: { caseId?: string } = {},
): Promise<TApplicantProfile> {
  const db = ctx.database.db;
  const self = actor.userId === applicantId;
  if (!self && !hasRole(actor, "clerk", "helper", "supervisor", "admin"))
    authorize(actor, "workbench", "global", null);
  const [u] = await db.select().from(users).where(eq(users.id, applicantId));
  if (!u || u.kind === "staff") throw notFound(APPLICANT);
  let handling = false;
  if (q.caseId && !self) {
    const c = await loadCase(db, q.caseId);
    handling = c.applicantId === applicantId && relatedTo(actor, c.orgPath, "clerk");
    // The clerk handling the case is shown the identifiers whole: recorded (issue 16 point 8).
    if (handling)
      await recordPersonalDataRead(db, actor, ctx.clock.now(), {
        applicantId,
        applicantLabel: u.displayName,
        orgPath: c.orgPath,
        via: "applicant_profile",
        caseId: c.id,
        caseNumber: c.number,
        fields: identifierFields(u),
      });
  }
  const full = self || handling;
  const id = u.idNumber ? (full ? u.idNumber : maskIdentifier(u.idNumber)) : null;
  const agentRows = await db
    .select({ id: cases.id, number: cases.number, itemName: cases.itemName, agent: cases.agent })
    .from(cases)
    .where(
      and(
        eq(cases.applicantId, applicantId),
        isNotNull(cases.agent),
        q.caseId ? eq(cases.id, q.caseId) : undefined,
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(20);
  const poa = agentRows.length
    ? await db
        .select({ caseId: caseMaterials.caseId, fileIds: caseMaterials.fileIds })
        .from(caseMaterials)
        .where(
          and(
            eq(caseMaterials.materialCode, "power_of_attorney"),
            inArray(
              caseMaterials.caseId,
              agentRows.map((r) => r.id),
            ),
          ),
        )
    : [];
  const poaByCase = new Map(poa.map((p) => [p.caseId, p.fileIds]));
  return {
    id: u.id,
    kind: u.kind as "person" | "enterprise",
    name: u.displayName,
    masked: !full,
    creditCode: u.creditCode,
    creditCodeValid: u.creditCode ? usccProblem(u.creditCode) === null : null,
    legalRepresentative: u.legalRepresentative,
    idNumber: id,
    idNumberValid: u.idNumber ? residentIdProblem(u.idNumber) === null : null,
    phone: u.phone ? (full ? u.phone : maskPhone(u.phone)) : null,
    email: full ? u.email : null,
    address: u.kind === "enterprise" || full ? u.address : null,
    agents: agentRows
      .filter((r) => r.agent)
      .map((r) => {
        const a = r.agent as NonNullable<typeof r.agent>;
        const files = a.powerOfAttorneyFileId ? [a.powerOfAttorneyFileId] : (poaByCase.get(r.id) ?? []);
        return {
          caseId: r.id,
          caseNumber: r.number,
          itemName: r.itemName,
          name: a.name,
          idNumber: a.idNumber ? (full ? a.idNumber : maskIdentifier(a.idNumber)) : null,
          phone: a.phone ? (full ? a.phone : maskPhone(a.phone)) : null,
          powerOfAttorney: files.length > 0,
        };
      }),
  };
}
