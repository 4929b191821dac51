import { nextStepOf } from "../../domain/cases/actionLabels";
import { type SameStateChange, sameStateAllowedIn } from "../../domain/cases/caseChanges";
import { type CaseStatus, STATUS_LABELS } from "../../domain/cases/caseStatus";
import type { ClockView } from "../../domain/cases/clock";
import type { CaseCommandType } from "../../domain/cases/commands";
import { commandsAllowedIn } from "../../domain/cases/transitions";
import { maskIdentifier, maskPhone } from "../../domain/rules/identifiers";
import type { TCase, TCaseSummary } from "../../shared/api/cases";
import { type Actor, hasRole } from "../actor";
import type { LoadedCase } from "../cases/caseRows";
import { casePolicyRecord } from "../cases/caseRows";
import type { CaseView } from "../cases/read/caseView";
import { abilities } from "../policies";
import { relatedTo } from "../policies/cases";

/** Same-state changes a case screen offers: their statuses come from the same-state table. */
const SCREEN_CHANGES = [
  "updateDraft",
  "uploadMaterial",
  "checkMaterials",
] as const satisfies readonly SameStateChange[];

/**
 * What the caller may do with the case now: the policy's answer AND'ed with what the status allows in
 * the transition table or the same-state table (so a button is shown only when pressing it can succeed
 * as far as roles and states go).
 */
export function caseAbilities(actor: Actor, c: LoadedCase): Record<string, boolean> {
  const status = c.status as CaseStatus;
  const policy = abilities(actor, "case", casePolicyRecord(c));
  const allowed = new Set<string>(commandsAllowedIn(status));
  const out: Record<string, boolean> = {};
  for (const [action, ok] of Object.entries(policy))
    out[action] = action === "read" ? ok : ok && allowed.has(action);
  for (const change of SCREEN_CHANGES) out[change] = !!policy[change] && sameStateAllowedIn(status, change);
  out.finishOnTheSpot = !!policy.accept && allowed.has("accept") && c.handlingType === "immediate";
  return out;
}

/** Whether the actor sees full personal identifiers of this case's applicant (the applicant, the window). */
export function seesPersonalData(actor: Actor, c: LoadedCase): boolean {
  return actor.userId === c.applicantId || relatedTo(actor, c.orgPath, "clerk");
}

/**
 * Chinese and English text of the next step, for lists, the case page and the applicant portal: read from
 * the commands the transition table allows in the case's status and named with the actions' one name
 * (domain/cases/actionLabels.ts). With the review tasks known (the case page), a case in review whose
 * tasks are all done waits for the decision, else for the reviewers.
 */
export function nextStep(
  status: string,
  tasks?: readonly { status: string }[],
): { "zh-CN": string; "en-US": string } {
  let allowed: CaseCommandType[] = commandsAllowedIn(status as CaseStatus);
  if (tasks && status === "in_review") {
    const open = tasks.some((t) => t.status !== "approved" && t.status !== "cancelled");
    allowed = allowed.filter((c) => (open ? c !== "decide" : c !== "recommend" && c !== "sendBack"));
  }
  return nextStepOf(allowed);
}

/** A case as lists show it (identifiers masked); lists add what is owed (`owedMaterials`). */
export function presentCaseSummary(
  _actor: Actor,
  c: LoadedCase,
  clock: ClockView,
): Omit<TCaseSummary, "owedMaterials"> {
  return {
    id: c.id,
    number: c.number,
    itemCode: c.itemCode,
    itemName: c.itemName,
    title: c.title,
    status: c.status as CaseStatus,
    statusLabel: STATUS_LABELS[c.status as CaseStatus],
    statusEnteredAt: c.statusEnteredAt.toISOString(),
    version: c.version,
    channel: c.channel,
    handlingType: c.handlingType,
    applicantName: c.applicant.name,
    applicantKind: c.applicant.kind,
    orgName: c.orgName,
    receivedOn: c.receivedOn,
    checkDueOn: c.checkDueOn,
    acceptedOn: c.acceptedOn,
    clock,
    finishedOnSpot: c.finishedOnSpot,
    returnsCount: c.returnsCount,
    bundleId: c.bundleId,
    nextStep: nextStep(c.status),
    createdAt: c.createdAt.toISOString(),
    submittedAt: c.submittedAt?.toISOString() ?? null,
    completedAt: c.completedAt?.toISOString() ?? null,
  };
}

/** The case's own fields in full ({@link TCase} without its materials, tasks, comments and documents). */
export type CaseCore = Omit<TCase, "owedMaterials" | "materials" | "reviewTasks" | "comments" | "documents">;

/** A case in full, for the people who may read it; identifiers masked unless the role needs them. */
export function presentCase(actor: Actor, c: LoadedCase, clock: ClockView): CaseCore {
  const full = seesPersonalData(actor, c);
  const a = c.applicant;
  return {
    ...presentCaseSummary(actor, c, clock),
    queryCode:
      actor.userId === c.applicantId ||
      hasRole(actor, "clerk", "approver", "supervisor", "admin", "reviewer", "helper")
        ? c.queryCode
        : null,
    itemVersionId: c.itemVersionId,
    orgId: c.orgId,
    applicant: {
      kind: a.kind,
      name: a.name,
      idNumber: a.idNumber ? (full ? a.idNumber : maskIdentifier(a.idNumber)) : null,
      creditCode: a.creditCode ?? null,
      legalRepresentative: a.legalRepresentative ?? null,
      phone: a.phone ? (full ? a.phone : maskPhone(a.phone)) : null,
      address: a.address ?? null,
    },
    agent: c.agent
      ? {
          name: c.agent.name,
          phone: c.agent.phone ? (full ? c.agent.phone : maskPhone(c.agent.phone)) : null,
        }
      : null,
    formData: c.formData,
    limitDays: c.limitDays,
    statutoryLimitDays: c.statutoryLimitDays,
    pauses: c.pauses,
    extensionDays: c.extensionDays,
    correctionRounds: c.correctionRounds,
    decision: c.decision ?? null,
    draftExpiresAt: c.draftExpiresAt?.toISOString() ?? null,
    abilities: caseAbilities(actor, c),
  };
}

/**
 * A case in full with its page (materials, review tasks, comments, documents): the one exit of a case
 * for `getCase` and for every command that answers the case — from the rows the command or the read
 * holds ({@link CaseView}), never by reading the case again.
 */
export function presentCaseView(actor: Actor, v: CaseView): TCase {
  // The case's own item version says which deferred materials may follow the result (先行出证).
  const listed = new Map(v.item.content.materials.map((m) => [m.code, m]));
  return {
    ...presentCase(actor, v.case, v.clock),
    nextStep: nextStep(v.case.status, v.rows.tasks),
    owedMaterials: v.owed,
    materials: v.rows.materials.map((m) => ({
      code: m.code,
      name: m.name,
      required: m.required,
      status: m.status,
      note: m.note,
      source: m.source,
      sourceRef: m.sourceRef,
      sourceLabel: m.sourceLabel,
      deferredDueOn: m.deferredDueOn,
      issueFirstCondition: m.deferredDueOn ? (listed.get(m.code)?.issueFirstCondition ?? null) : null,
      commitmentSigned: m.commitmentSigned,
      checkedAt: m.checkedAt,
      passedRound: m.passedRound,
      files: m.files.map((f) => ({
        id: f.id,
        fileName: f.fileName,
        contentType: f.contentType,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
      })),
    })),
    reviewTasks: v.rows.tasks.map((t) => ({
      id: t.id,
      stepCode: t.stepCode,
      stepName: t.stepName,
      orgCode: t.orgCode,
      orgName: t.orgName,
      lead: t.lead,
      mode: t.mode,
      status: t.status,
      openedOn: t.openedOn,
      dueOn: t.dueOn,
      opinion: t.opinion,
      returns: t.returns,
      version: t.version,
      claimedBy: t.claimedBy,
      completedAt: t.completedAt,
    })),
    comments: v.rows.comments.map((m) => ({
      id: m.id,
      taskId: m.taskId,
      authorName: m.authorName,
      text: m.text,
      at: m.at,
    })),
    documents: v.rows.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      title: d.title,
      issuedOn: d.issuedOn,
    })),
  };
}
