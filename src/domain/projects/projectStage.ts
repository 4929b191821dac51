import { type Bilingual, invalid, YizhanError } from "../errors";

/** The four stages of the construction-project approval reform (国办发〔2019〕11号). */
export const PROJECT_STAGES = [
  "land_planning",
  "engineering_permit",
  "construction_permit",
  "completion",
] as const;

export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** Names of the four stages of the construction-project approval reform (国办发〔2019〕11号). */
export const STAGE_NAMES: Record<ProjectStage, Bilingual> = {
  land_planning: { "zh-CN": "立项用地规划许可", "en-US": "Project approval and land-use planning permit" },
  engineering_permit: { "zh-CN": "工程建设许可", "en-US": "Engineering construction permit" },
  construction_permit: { "zh-CN": "施工许可", "en-US": "Construction permit" },
  completion: { "zh-CN": "竣工验收", "en-US": "Completion acceptance" },
};

/** The stage after `stage`, or null at the last one (竣工验收). */
export function nextStage(stage: ProjectStage): ProjectStage | null {
  return PROJECT_STAGES[PROJECT_STAGES.indexOf(stage) + 1] ?? null;
}

/** What a stage change asks for: a named later stage (default: the next one) and, to skip, a reason. */
export type StageChange = { to?: ProjectStage; reason?: string | null };

/**
 * Decides a stage change of a project. A project only moves forward: to the next stage, or past one or
 * more stages when a reason is given (e.g. 工程建设许可 and 施工许可 combined for a small low-risk
 * project, 社会投资简易低风险项目). Going back, staying, or moving on from 竣工验收 is refused: the
 * stages record permits already granted, which a stage change cannot undo.
 */
export function decideStageChange(from: ProjectStage, change: StageChange): ProjectStage {
  const next = nextStage(from);
  if (!next)
    throw new YizhanError("invalid_transition", 409, {
      "zh-CN": "项目已处于竣工验收阶段，不能再推进",
      "en-US": "The project is at completion acceptance already; there is no later stage",
    });
  const to = change.to ?? next;
  const at = PROJECT_STAGES.indexOf(from);
  const target = PROJECT_STAGES.indexOf(to);
  if (target <= at)
    throw invalid("stage", "not_forward", {
      "zh-CN": `项目已处于${STAGE_NAMES[from]["zh-CN"]}阶段，只能向后推进`,
      "en-US": `The project is at ${STAGE_NAMES[from]["en-US"]}; it only moves forward`,
    });
  if (target > at + 1 && !change.reason?.trim())
    throw invalid("reason", "required_to_skip", {
      "zh-CN": `跳过${STAGE_NAMES[next]["zh-CN"]}阶段须说明理由`,
      "en-US": `Skipping ${STAGE_NAMES[next]["en-US"]} needs a reason`,
    });
  return to;
}
