import { type Bilingual, YizhanError } from "../errors";
import { CASE_STATUSES, type CaseStatus } from "./caseStatus";

/**
 * One row of the same-state table: a change of a case that leaves its status as it is (a draft saved,
 * a material uploaded, fees assessed, a task claimed). Where it may run, what it records, and whether
 * the case's version advances (what the screens' expected version covers: the case and its materials;
 * not the records kept beside it — fees, payments, task claims, certificates).
 */
export type SameStateRule = {
  from: readonly CaseStatus[];
  /** The refusal in any other status (409 `invalid_transition`). */
  refusal: Bilingual;
  /** The event it records; null for bookkeeping no one reads in the log (the draft reminder sent). */
  event: string | null;
  /** Whether the event row names the status (from = to), as the case's own steps do. */
  namesStatus: boolean;
  advancesVersion: boolean;
};

const ANY: readonly CaseStatus[] = CASE_STATUSES;
const MATERIALS_OPEN: readonly CaseStatus[] = ["draft", "submitted", "correction_requested"];
/** Statuses in which fees may be assessed: after submission, before the case closes. */
const ASSESSABLE: readonly CaseStatus[] = ["submitted", "accepted", "in_review", "suspended", "approved"];
const NEVER_REFUSED: Bilingual = { "zh-CN": "当前状态不能办理", "en-US": "Not possible in this status" };

const rule = (r: Partial<SameStateRule> & Pick<SameStateRule, "event">): SameStateRule => ({
  from: ANY,
  refusal: NEVER_REFUSED,
  namesStatus: false,
  advancesVersion: true,
  ...r,
});

/** Every same-state change of a case (the status changes are {@link TRANSITIONS}). */
export const SAME_STATE_CHANGES = {
  updateDraft: rule({
    from: ["draft"],
    refusal: { "zh-CN": "只有草稿可以修改", "en-US": "Only drafts can be edited" },
    event: "case.draft_saved",
    namesStatus: true,
  }),
  remindDraft: rule({ event: null, advancesVersion: false }),
  fileInBundle: rule({ event: "bundle.filed", advancesVersion: false }),
  uploadMaterial: rule({
    from: MATERIALS_OPEN,
    refusal: { "zh-CN": "当前状态不能上传材料", "en-US": "Materials cannot be uploaded now" },
    event: "material.uploaded",
  }),
  reuseMaterial: rule({
    from: MATERIALS_OPEN,
    refusal: { "zh-CN": "当前状态不能提供材料", "en-US": "Materials cannot be supplied now" },
    event: "material.reused",
  }),
  fetchSharedMaterial: rule({
    from: MATERIALS_OPEN,
    refusal: { "zh-CN": "当前状态不能获取材料", "en-US": "Materials cannot be supplied now" },
    event: "material.shared_fetched",
  }),
  requestPartnerMaterial: rule({ event: "material.partner_requested" }),
  answerPartnerRequest: rule({ event: "material.partner_answered" }),
  checkMaterials: rule({
    from: ["submitted"],
    refusal: {
      "zh-CN": "只能审核已提交待受理的申请材料",
      "en-US": "Only submitted applications can be checked",
    },
    event: "case.materials_checked",
    namesStatus: true,
  }),
  claimReviewTask: rule({ event: "review.claimed", advancesVersion: false }),
  // AB岗 (docs/staff.md): an absent holder's open task handed to the post's backup by the supervisor.
  handOverReviewTask: rule({ event: "review.handed_over", advancesVersion: false }),
  assessFees: rule({
    from: ASSESSABLE,
    refusal: { "zh-CN": "当前状态不能核定收费", "en-US": "Fees cannot be assessed in this status" },
    event: "fees.assessed",
    advancesVersion: false,
  }),
  startOnlinePayment: rule({ event: "payment.started", advancesVersion: false }),
  recordPayment: rule({ event: "payment.paid", advancesVersion: false }),
  refundPayment: rule({ event: "payment.refunded", advancesVersion: false }),
  revokeCertificate: rule({ event: "certificate.revoked", advancesVersion: false }),
  // 好差评 (docs/evaluations.md): records kept beside the case, in the case's log.
  submitEvaluation: rule({ event: "evaluation.submitted", advancesVersion: false }),
  openEvaluationTablet: rule({ event: "evaluation.tablet_opened", advancesVersion: false }),
  remindEvaluation: rule({ event: "evaluation.reminded", advancesVersion: false }),
  appealEvaluation: rule({ event: "evaluation.appealed", advancesVersion: false }),
  decideEvaluationAppeal: rule({ event: "evaluation.appeal_decided", advancesVersion: false }),
  recordRectificationCallback: rule({ event: "rectification.callback_recorded", advancesVersion: false }),
  recordRectificationOutcome: rule({ event: "rectification.rectified", advancesVersion: false }),
  // 电子监察: a supervisor closed an alert the case raised (the comment stays with the alert).
  closeAlert: rule({ event: "alert.closed", advancesVersion: false }),
} satisfies Record<string, SameStateRule>;

export type SameStateChange = keyof typeof SAME_STATE_CHANGES;

/** Whether a same-state change may run in `status` (what screens offer). */
export function sameStateAllowedIn(status: CaseStatus, change: SameStateChange): boolean {
  return (SAME_STATE_CHANGES[change] as SameStateRule).from.includes(status);
}

/** The row of a same-state change, refused (409 `invalid_transition`) outside its statuses. */
export function sameStateRule(status: CaseStatus, change: SameStateChange): SameStateRule {
  const r: SameStateRule = SAME_STATE_CHANGES[change];
  if (!r.from.includes(status)) throw new YizhanError("invalid_transition", 409, r.refusal);
  return r;
}

/** The event a same-state change records (none for bookkeeping), with the data the use case gathered. */
export function sameStateEvents(
  r: SameStateRule,
  status: CaseStatus,
  data: Record<string, unknown> | undefined,
): { type: string; fromStatus?: CaseStatus; toStatus?: CaseStatus; data?: Record<string, unknown> }[] {
  if (!r.event) return [];
  return [
    {
      type: r.event,
      ...(r.namesStatus ? { fromStatus: status, toStatus: status } : {}),
      ...(data ? { data } : {}),
    },
  ];
}
