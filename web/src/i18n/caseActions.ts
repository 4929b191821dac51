import { ACTION_LABELS } from "../../../src/domain/cases/actionLabels";
import type { CaseCommandType } from "../../../src/domain/cases/commands";

type ActionNames = { [K in CaseCommandType as `action.${K}`]: string };

/** The one name of every case action (`action.<command>`, src/domain/cases/actionLabels.ts) in `locale`. */
function actionNames(locale: "zh-CN" | "en-US"): ActionNames {
  return Object.fromEntries(
    Object.entries(ACTION_LABELS).map(([command, label]) => [`action.${command}`, label[locale]]),
  ) as ActionNames;
}

/**
 * Texts of the case action panel and its modals (features/cases/actions), spread into both dictionaries.
 * Every page that names a case action says `t("action.<command>")`; web/src/i18n/actionNames.test.ts
 * keeps other names out.
 */
export const caseActionsZh = {
  ...actionNames("zh-CN"),
  "action.panel": "办理",
  "action.done": "{action}成功",
  "action.cancel": "取消",
  "action.confirm": "确定",
  "action.problems": "请处理以下问题：",
  "action.remove": "删除",
  "action.count": "（{n} 项）",
  "action.accept.deferred": "容缺受理（{n} 项）",
  "action.finishOnTheSpot": "当场办结",

  "action.submit.confirm": "确认提交申请？提交后将由窗口审核材料。",
  "action.resubmit.confirm": "确认已按一次性告知补齐材料并重新提交？",
  "action.issue.confirm": "确认出具结果并送达申请人？",
  "action.complete.confirm": "确认决定已送达并办结？",

  "action.legalBasis": "法律依据",
  "action.legalBasisRequired": "请填写不予受理的法律依据",
  "action.legalBasisPlaceholder": "如：《中华人民共和国行政许可法》第三十二条第一款第（二）项",
  "action.reason": "理由",
  "action.reasonRequired": "请填写理由",
  "action.reasonOptional": "理由（选填）",
  "action.reasons": "决定理由",
  "action.reasonsRequired": "请填写决定理由",
  "action.referTo": "转办至",
  "action.referToRequired": "请选择承办机构",
  "action.referToPlaceholder": "选择乡镇人民政府或其他部门",
  "action.orgsError": "机构列表加载失败",
  "action.townships": "乡镇人民政府",
  "action.departments": "其他部门",
  "action.policyReference": "政策依据",
  "action.policyReferencePlaceholder": "如：皖自然资规〔2020〕2号",
  "action.suspendKind": "程序类型",
  "action.suspendKindRequired": "请选择特别程序类型",
  "action.suspendKind.hearing": "听证",
  "action.suspendKind.expert_review": "专家评审",
  "action.suspendKind.public_notice": "公示",
  "action.suspendKind.testing": "检验检测",
  "action.suspendKind.inspection": "检查",
  "action.suspendKind.appraisal": "鉴定",
  "action.suspendKind.auction": "拍卖",
  "action.suspendKind.tender": "招标",
  "action.suspendKind.survey": "勘测",
  "action.suspendKind.other": "其他",
  "action.expectedDays": "预计所需时间",
  "action.expectedDaysRequired": "请填写预计所需工作日",
  "action.workingDaysUnit": "个工作日",
  "action.extendDays": "延长时限",
  "action.extendHint": "经负责人批准可延长一次，最多 10 个工作日（《行政许可法》第四十二条）。",
  "action.extendDaysRange": "延长天数应为 1 至 10 个工作日",
  "action.resumeResult": "特别程序结果（选填）",
  "action.withdrawConfirm": "撤回后本次申请终止，如需办理须重新申请。",

  "action.correctionHint": "一次性告知申请人需补正的全部材料；只能选择本事项申请材料清单中的材料。",
  "action.correctionEmpty": "至少列出一项需补正的材料",
  "action.materialRequired": "请选择材料",
  "action.pickMaterial": "选择材料",
  "action.problemKind": "问题类型",
  "action.notePlaceholder": "问题说明",
  "action.addProblem": "添加一项",
  "action.correctionDue": "补正期限（选填）",

  "action.acceptHint": "材料齐全、符合法定形式的，予以受理；受理后开始计时。",
  "action.deferred": "容缺受理（非关键材料暂缺）",
  "action.dueRequired": "请选择补交期限",
  "action.deferredDue": "补交期限",
  "action.commitmentSigned": "申请人已签署承诺书",
  "action.commitmentRequired": "须申请人签署承诺书",
  "action.addDeferred": "添加容缺材料",
  "action.onTheSpotHint": "即办件：材料齐全的，可当场受理、决定并出具结果（当场办结）。",
};

export type CaseActionsMessages = Record<keyof typeof caseActionsZh, string>;

export const caseActionsEn: CaseActionsMessages = {
  ...actionNames("en-US"),
  "action.panel": "Actions",
  "action.done": "{action}: done",
  "action.cancel": "Cancel",
  "action.confirm": "Confirm",
  "action.problems": "Please fix these problems:",
  "action.remove": "Remove",
  "action.count": " ({n})",
  "action.accept.deferred": "Accept with deferral ({n})",
  "action.finishOnTheSpot": "Finish on the spot",

  "action.submit.confirm": "Submit the application? The window will then check the materials.",
  "action.resubmit.confirm": "Have you supplied everything the correction notice lists? Resubmit now?",
  "action.issue.confirm": "Issue the result and deliver it to the applicant?",
  "action.complete.confirm": "The decision has been delivered — complete the case?",

  "action.legalBasis": "Legal basis",
  "action.legalBasisRequired": "Give the legal basis of the refusal",
  "action.legalBasisPlaceholder": "e.g. Administrative Licensing Law, Art. 32(1)(ii)",
  "action.reason": "Reason",
  "action.reasonRequired": "Give the reason",
  "action.reasonOptional": "Reason (optional)",
  "action.reasons": "Reasons",
  "action.reasonsRequired": "Give the reasons of the decision",
  "action.referTo": "Refer to",
  "action.referToRequired": "Choose the competent body",
  "action.referToPlaceholder": "A township government or another department",
  "action.orgsError": "Could not load the organizations",
  "action.townships": "Township governments",
  "action.departments": "Other departments",
  "action.policyReference": "Policy reference",
  "action.policyReferencePlaceholder": "e.g. 皖自然资规〔2020〕2号",
  "action.suspendKind": "Kind of procedure",
  "action.suspendKindRequired": "Choose the kind of special procedure",
  "action.suspendKind.hearing": "Hearing",
  "action.suspendKind.expert_review": "Expert review",
  "action.suspendKind.public_notice": "Public notice",
  "action.suspendKind.testing": "Testing",
  "action.suspendKind.inspection": "Inspection",
  "action.suspendKind.appraisal": "Appraisal",
  "action.suspendKind.auction": "Auction",
  "action.suspendKind.tender": "Tender",
  "action.suspendKind.survey": "Survey",
  "action.suspendKind.other": "Other",
  "action.expectedDays": "Expected length",
  "action.expectedDaysRequired": "Give the expected working days",
  "action.workingDaysUnit": "working days",
  "action.extendDays": "Extension",
  "action.extendHint":
    "Once, with the head's approval, at most 10 working days (Administrative Licensing Law, Art. 42).",
  "action.extendDaysRange": "Between 1 and 10 working days",
  "action.resumeResult": "Result of the procedure (optional)",
  "action.withdrawConfirm": "Withdrawing ends this application; to proceed you would apply again.",

  "action.correctionHint":
    "Tell the applicant everything to correct at once; only materials of this item's published list can be named.",
  "action.correctionEmpty": "List at least one material to correct",
  "action.materialRequired": "Choose a material",
  "action.pickMaterial": "Choose a material",
  "action.problemKind": "Kind of problem",
  "action.notePlaceholder": "What is wrong",
  "action.addProblem": "Add a problem",
  "action.correctionDue": "Correction due (optional)",

  "action.acceptHint":
    "Accept when the materials are complete and in legal form; the clock starts on acceptance.",
  "action.deferred": "Deferred materials (容缺: non-key materials temporarily missing)",
  "action.dueRequired": "Choose the due date",
  "action.deferredDue": "Due on",
  "action.commitmentSigned": "The applicant signed the commitment",
  "action.commitmentRequired": "The applicant's signed commitment is required",
  "action.addDeferred": "Add a deferred material",
  "action.onTheSpotHint": "Immediate item: with complete materials, accept, decide and issue in this visit.",
};
