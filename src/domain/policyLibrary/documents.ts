/**
 * The policy library's enumerations (政策文件库): the level of the issuing body and the status of a
 * document, with their Chinese and English names. Pure data shared by schema, server and web.
 */

export const POLICY_LEVELS = ["national", "provincial", "municipal", "county"] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];

export const POLICY_LEVEL_LABELS: Record<PolicyLevel, { "zh-CN": string; "en-US": string }> = {
  national: { "zh-CN": "国家", "en-US": "National" },
  provincial: { "zh-CN": "省级", "en-US": "Provincial" },
  municipal: { "zh-CN": "市级", "en-US": "Municipal" },
  county: { "zh-CN": "县级", "en-US": "County" },
};

/** 现行有效; 已修订 (amended by a later document, still partly in force through it); 已废止. */
export const POLICY_STATUSES = ["in_force", "amended", "repealed"] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const POLICY_STATUS_LABELS: Record<PolicyStatus, { "zh-CN": string; "en-US": string }> = {
  in_force: { "zh-CN": "现行有效", "en-US": "In force" },
  amended: { "zh-CN": "已修订", "en-US": "Amended" },
  repealed: { "zh-CN": "已废止", "en-US": "Repealed" },
};

/**
 * Why a status and its links do not fit together, or null: an amended document names the document
 * amending it, a repealed one the repealing document (or at least its repeal date), an in-force one
 * neither a repealing document nor a repeal date.
 */
export function policyStatusProblem(s: {
  status: PolicyStatus;
  amendedById: string | null;
  repealedById: string | null;
  repealedOn: string | null;
}): { field: string; code: string } | null {
  if (s.status === "amended" && !s.amendedById) return { field: "amendedById", code: "amended_by_required" };
  if (s.status === "repealed" && !s.repealedById && !s.repealedOn)
    return { field: "repealedOn", code: "repeal_required" };
  if (s.status === "in_force" && (s.repealedById || s.repealedOn))
    return { field: "status", code: "in_force_but_repealed" };
  return null;
}
