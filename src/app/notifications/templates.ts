import type { Bilingual } from "../../domain/errors";
import { clause } from "../../shared/wording";
import { maskTemplateData } from "./maskTemplateData";

/** The events that notify someone. */
export const NOTIFICATION_KINDS = [
  "case.submitted",
  "case.correction_requested",
  "case.accepted",
  "case.refused",
  "case.referred",
  "case.suspended",
  "case.resumed",
  "case.extended",
  "case.decided",
  "case.completed",
  "case.withdrawn",
  "review.assigned",
  "review.completed",
  "draft.expiring",
  "referral.progress",
  "partner.requested",
  "clock.yellow",
  "clock.red",
  "deferred.delivered",
  "deferred.passed",
  "deferred.defective",
  "deferred.overdue",
  "evaluation.invited",
  "evaluation.reminder",
  "evaluation.follow_up",
  "rectification.opened",
  "rectification.overdue",
  "policy.change_notice",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a template may use. `link` is a path of the web application (`/cases/…`) or a full URL. */
export type TemplateData = {
  caseNumber: string;
  itemName: string;
  applicantName: string;
  /** A local date (YYYY-MM-DD) or a date with time, as it should be read. */
  deadline?: string;
  reason?: string;
  /** The title of the written notice the message refers to (准予行政许可决定书, 登记结果告知书 …). */
  document?: string;
  link: string;
};

/** A rendered message: title (e-mail subject, in-app title) and body, in Chinese and English. */
export type RenderedMessage = { title: Bilingual; body: Bilingual };

type Template = (d: TemplateData) => { zh: [string, string]; en: [string, string] };

/** A free-text value inside a sentence: without its own closing punctuation, or a dash when empty. */
const orDash = (s: string | undefined) => (s?.trim() ? clause(s) : "—");

/** 容缺后补: delivered (to the window), passed or defective (to the applicant), overdue (to both). */
const DEFERRED_TEMPLATES: Record<
  "deferred.delivered" | "deferred.passed" | "deferred.defective" | "deferred.overdue",
  Template
> = {
  "deferred.delivered": (d) => ({
    zh: [
      `容缺材料已补交，请核验：${d.caseNumber}`,
      `办件 ${d.caseNumber}（${d.itemName}，申请人 ${d.applicantName}）已补交容缺材料“${orDash(d.reason)}”${d.deadline ? `（承诺期限 ${d.deadline}）` : ""}，请及时核验。`,
    ],
    en: [
      `Deferred material delivered: ${d.caseNumber}`,
      `Case ${d.caseNumber} (${d.itemName}, applicant ${d.applicantName}) has delivered the deferred material "${orDash(d.reason)}"${d.deadline ? ` (due ${d.deadline})` : ""}. Please check it.`,
    ],
  }),
  "deferred.passed": (d) => ({
    zh: [
      `补交材料已核验通过：${d.caseNumber}`,
      `${d.applicantName}，您补交的“${orDash(d.reason)}”（办件编号 ${d.caseNumber}）已核验通过，容缺承诺已履行。`,
    ],
    en: [
      `Delivered material accepted: ${d.caseNumber}`,
      `${d.applicantName}, the material "${orDash(d.reason)}" you delivered for case ${d.caseNumber} has passed the check; your commitment is fulfilled.`,
    ],
  }),
  "deferred.defective": (d) => ({
    zh: [
      `补交材料不符合要求：${d.caseNumber}`,
      `${d.applicantName}，您为办件 ${d.caseNumber}（${d.itemName}）补交的材料不符合要求：${orDash(d.reason)}。${d.deadline ? `请于 ${d.deadline} 前重新补交。` : "请重新补交。"}`,
    ],
    en: [
      `Delivered material not accepted: ${d.caseNumber}`,
      `${d.applicantName}, the material you delivered for case ${d.caseNumber} (${d.itemName}) does not meet the requirements: ${orDash(d.reason)}.${d.deadline ? ` Please deliver it again by ${d.deadline}.` : " Please deliver it again."}`,
    ],
  }),
  "deferred.overdue": (d) => ({
    zh: [
      `容缺材料逾期未补交：${d.caseNumber}`,
      `办件 ${d.caseNumber}（${d.itemName}，申请人 ${d.applicantName}）承诺补交的“${orDash(d.reason)}”已超过承诺期限 ${orDash(d.deadline)}，尚未补齐。`,
    ],
    en: [
      `Deferred material overdue: ${d.caseNumber}`,
      `Case ${d.caseNumber} (${d.itemName}, applicant ${d.applicantName}) has not delivered "${orDash(d.reason)}", due ${orDash(d.deadline)}.`,
    ],
  }),
};

/** 好差评: the invitation, its one reminder and the follow-up (with the signed link); rectifications. */
const EVALUATION_TEMPLATES: Record<
  | "evaluation.invited"
  | "evaluation.reminder"
  | "evaluation.follow_up"
  | "rectification.opened"
  | "rectification.overdue",
  Template
> = {
  "evaluation.invited": (d) => ({
    zh: [
      `请评价本次服务：${d.caseNumber}`,
      `${d.applicantName}，请对“${d.itemName}”（办件编号 ${d.caseNumber}）的服务进行评价（好差评）。链接无需登录，仅可使用一次${d.deadline ? `，${d.deadline} 前有效` : ""}。`,
    ],
    en: [
      `Please rate our service: ${d.caseNumber}`,
      `${d.applicantName}, please rate the service for "${d.itemName}" (case ${d.caseNumber}). The link needs no login and works once${d.deadline ? `, until ${d.deadline}` : ""}.`,
    ],
  }),
  "evaluation.reminder": (d) => ({
    zh: [
      `提醒：请评价本次服务：${d.caseNumber}`,
      `${d.applicantName}，您尚未对“${d.itemName}”（办件编号 ${d.caseNumber}）的服务进行评价。请使用本消息中的新链接（原链接已失效）${d.deadline ? `，${d.deadline} 前有效` : ""}。`,
    ],
    en: [
      `Reminder: please rate our service: ${d.caseNumber}`,
      `${d.applicantName}, you have not yet rated the service for "${d.itemName}" (case ${d.caseNumber}). Please use the new link in this message (the earlier one no longer works)${d.deadline ? `, valid until ${d.deadline}` : ""}.`,
    ],
  }),
  "evaluation.follow_up": (d) => ({
    zh: [
      `整改已完成，请再次评价：${d.caseNumber}`,
      `${d.applicantName}，针对您对“${d.itemName}”（办件编号 ${d.caseNumber}）的评价，我们已完成整改：${orDash(d.reason)}。欢迎您再次评价（原评价保留不变）。`,
    ],
    en: [
      `Rectified; please rate again: ${d.caseNumber}`,
      `${d.applicantName}, following your rating of "${d.itemName}" (case ${d.caseNumber}) we have rectified: ${orDash(d.reason)}. You are welcome to rate again (your first rating stays as it is).`,
    ],
  }),
  "rectification.opened": (d) => ({
    zh: [
      `差评整改：${d.caseNumber}`,
      `办件 ${d.caseNumber}（${d.itemName}，申请人 ${d.applicantName}）收到差评，已由您负责整改。${d.deadline ? `请于 ${d.deadline} 前完成回访。` : ""}`,
    ],
    en: [
      `Bad rating to rectify: ${d.caseNumber}`,
      `Case ${d.caseNumber} (${d.itemName}, applicant ${d.applicantName}) received a bad rating; you are responsible for its rectification.${d.deadline ? ` Call the applicant back by ${d.deadline}.` : ""}`,
    ],
  }),
  "rectification.overdue": (d) => ({
    zh: [
      `【预警】差评整改逾期：${d.caseNumber}`,
      `办件 ${d.caseNumber}（${d.itemName}，申请人 ${d.applicantName}）的差评整改已逾期：${orDash(d.reason)}（期限 ${orDash(d.deadline)}）。`,
    ],
    en: [
      `[Alert] Rectification overdue: ${d.caseNumber}`,
      `The rectification of the bad rating of case ${d.caseNumber} (${d.itemName}, applicant ${d.applicantName}) is overdue: ${orDash(d.reason)} (due ${orDash(d.deadline)}).`,
    ],
  }),
};

/** Chinese first; the English says the same. Each entry: [title, body]. */
const TEMPLATES: Record<NotificationKind, Template> = {
  "case.submitted": (d) => ({
    zh: [
      `办件已提交：${d.caseNumber}`,
      `${d.applicantName}，您申请的“${d.itemName}”（办件编号 ${d.caseNumber}）已提交，窗口将审查申请材料，如需补正将一次性告知。`,
    ],
    en: [
      `Application submitted: ${d.caseNumber}`,
      `${d.applicantName}, your application for "${d.itemName}" (case ${d.caseNumber}) has been submitted. The window will check the materials and tell you everything missing at once.`,
    ],
  }),
  "case.correction_requested": (d) => ({
    zh: [
      `请补正申请材料：${d.caseNumber}`,
      `${d.applicantName}，您申请的“${d.itemName}”（办件编号 ${d.caseNumber}）需补正以下材料：${orDash(d.reason)}。${d.deadline ? `请于 ${d.deadline} 前补正。` : ""}`,
    ],
    en: [
      `Please complete your materials: ${d.caseNumber}`,
      `${d.applicantName}, your application for "${d.itemName}" (case ${d.caseNumber}) needs: ${orDash(d.reason)}.${d.deadline ? ` Please provide them by ${d.deadline}.` : ""}`,
    ],
  }),
  "case.accepted": (d) => ({
    zh: [
      `办件已受理：${d.caseNumber}`,
      `${d.applicantName}，您申请的“${d.itemName}”（办件编号 ${d.caseNumber}）已受理。${d.deadline ? `承诺办结日期：${d.deadline}。` : ""}`,
    ],
    en: [
      `Application accepted: ${d.caseNumber}`,
      `${d.applicantName}, your application for "${d.itemName}" (case ${d.caseNumber}) has been accepted.${d.deadline ? ` Promised completion date: ${d.deadline}.` : ""}`,
    ],
  }),
  "case.refused": (d) => ({
    zh: [
      `不予受理：${d.caseNumber}`,
      `${d.applicantName}，您申请的“${d.itemName}”（办件编号 ${d.caseNumber}）不予受理。理由及依据：${orDash(d.reason)}。请查看不予受理决定书。`,
    ],
    en: [
      `Application not accepted: ${d.caseNumber}`,
      `${d.applicantName}, your application for "${d.itemName}" (case ${d.caseNumber}) was not accepted. Reason and legal basis: ${orDash(d.reason)}. See the written decision.`,
    ],
  }),
  "case.referred": (d) => ({
    zh: [
      `办件已转办：${d.caseNumber}`,
      `${d.applicantName}，您申请的“${d.itemName}”（办件编号 ${d.caseNumber}）不属于本机关职权范围，已转交：${orDash(d.reason)}，我们将跟踪办理结果。`,
    ],
    en: [
      `Application referred: ${d.caseNumber}`,
      `${d.applicantName}, your application for "${d.itemName}" (case ${d.caseNumber}) belongs to another body and has been referred to: ${orDash(d.reason)}. We will follow it until it is done.`,
    ],
  }),
  "case.suspended": (d) => ({
    zh: [
      `办件进入特别程序：${d.caseNumber}`,
      `${d.applicantName}，您申请的“${d.itemName}”（办件编号 ${d.caseNumber}）因以下特别程序暂停计时：${orDash(d.reason)}。特别程序所需时间不计入办理时限。`,
    ],
    en: [
      `Special procedure, clock stopped: ${d.caseNumber}`,
      `${d.applicantName}, the clock of your application for "${d.itemName}" (case ${d.caseNumber}) is stopped for a special procedure: ${orDash(d.reason)}. Its duration does not count toward the time limit.`,
    ],
  }),
  "case.resumed": (d) => ({
    zh: [
      `办件恢复办理：${d.caseNumber}`,
      `${d.applicantName}，您申请的“${d.itemName}”（办件编号 ${d.caseNumber}）已恢复办理。${d.deadline ? `办结期限：${d.deadline}。` : ""}`,
    ],
    en: [
      `Processing resumed: ${d.caseNumber}`,
      `${d.applicantName}, processing of your application for "${d.itemName}" (case ${d.caseNumber}) has resumed.${d.deadline ? ` Deadline: ${d.deadline}.` : ""}`,
    ],
  }),
  "case.extended": (d) => ({
    zh: [
      `办理期限延长：${d.caseNumber}`,
      `${d.applicantName}，经审批负责人批准，您申请的“${d.itemName}”（办件编号 ${d.caseNumber}）办理期限延长。理由：${orDash(d.reason)}。${d.deadline ? `新的办结期限：${d.deadline}。` : ""}`,
    ],
    en: [
      `Time limit extended: ${d.caseNumber}`,
      `${d.applicantName}, with the approval of the head of office the time limit of your application for "${d.itemName}" (case ${d.caseNumber}) is extended. Reason: ${orDash(d.reason)}.${d.deadline ? ` New deadline: ${d.deadline}.` : ""}`,
    ],
  }),
  // Kind-neutral: the written notice is named (准予行政许可决定书, 登记结果告知书, 办理结果告知书 …), so a
  // registration or a records inquiry is never told of a 许可 decision.
  "case.decided": (d) => ({
    zh: [
      `办理结果已出：${d.caseNumber}`,
      `${d.applicantName}，您申请的“${d.itemName}”（办件编号 ${d.caseNumber}）已有办理结果：${orDash(d.reason)}。请查看${d.document ? `《${d.document}》` : "书面告知"}。`,
    ],
    en: [
      `Result available: ${d.caseNumber}`,
      `${d.applicantName}, your application for "${d.itemName}" (case ${d.caseNumber}) has a result: ${orDash(d.reason)}. See the written notice${d.document ? ` (${d.document})` : ""}.`,
    ],
  }),
  "case.completed": (d) => ({
    zh: [
      `办件已办结：${d.caseNumber}`,
      `${d.applicantName}，您申请的“${d.itemName}”（办件编号 ${d.caseNumber}）已办结，欢迎对本次服务进行评价。`,
    ],
    en: [
      `Case completed: ${d.caseNumber}`,
      `${d.applicantName}, your application for "${d.itemName}" (case ${d.caseNumber}) is complete. Please rate our service.`,
    ],
  }),
  "case.withdrawn": (d) => ({
    zh: [
      `申请已撤回：${d.caseNumber}`,
      `${d.applicantName}，您申请的“${d.itemName}”（办件编号 ${d.caseNumber}）已撤回。`,
    ],
    en: [
      `Application withdrawn: ${d.caseNumber}`,
      `${d.applicantName}, your application for "${d.itemName}" (case ${d.caseNumber}) has been withdrawn.`,
    ],
  }),
  "review.assigned": (d) => ({
    zh: [
      `新的审查任务：${d.caseNumber}`,
      `办件 ${d.caseNumber}（${d.itemName}，申请人 ${d.applicantName}）已分派至您所在科室审查。${d.deadline ? `任务截止日期：${d.deadline}。` : ""}`,
    ],
    en: [
      `New review task: ${d.caseNumber}`,
      `Case ${d.caseNumber} (${d.itemName}, applicant ${d.applicantName}) has been assigned to your department for review.${d.deadline ? ` Task due: ${d.deadline}.` : ""}`,
    ],
  }),
  "review.completed": (d) => ({
    zh: [
      `审查已完成，待决定：${d.caseNumber}`,
      `办件 ${d.caseNumber}（${d.itemName}，申请人 ${d.applicantName}）各部门审查均已完成，请作出决定。${d.deadline ? `办结期限：${d.deadline}。` : ""}`,
    ],
    en: [
      `Review complete, decision due: ${d.caseNumber}`,
      `Every department has finished reviewing case ${d.caseNumber} (${d.itemName}, applicant ${d.applicantName}); please decide.${d.deadline ? ` Deadline: ${d.deadline}.` : ""}`,
    ],
  }),
  "draft.expiring": (d) => ({
    zh: [
      `申请草稿即将过期：${d.caseNumber}`,
      `${d.applicantName}，您保存的“${d.itemName}”申请草稿（${d.caseNumber}）将于 ${orDash(d.deadline)} 过期，请及时提交。`,
    ],
    en: [
      `Draft application expiring: ${d.caseNumber}`,
      `${d.applicantName}, your saved draft application for "${d.itemName}" (${d.caseNumber}) expires on ${orDash(d.deadline)}. Please submit it in time.`,
    ],
  }),
  "referral.progress": (d) => ({
    zh: [
      `转办进展：${d.caseNumber}`,
      `${d.caseNumber}：“${d.itemName}”（申请人 ${d.applicantName}）的转办事项有新进展：${orDash(d.reason)}。`,
    ],
    en: [
      `Referral progress: ${d.caseNumber}`,
      `${d.caseNumber}: the referral of "${d.itemName}" (applicant ${d.applicantName}) has progressed: ${orDash(d.reason)}.`,
    ],
  }),
  "partner.requested": (d) => ({
    zh: [
      `材料调取请求：${d.caseNumber}`,
      `${d.caseNumber}（${d.itemName}，申请人 ${d.applicantName}）请求贵单位提供材料：${orDash(d.reason)}。${d.deadline ? `请于 ${d.deadline} 前答复。` : ""}`,
    ],
    en: [
      `Material requested: ${d.caseNumber}`,
      `${d.caseNumber} (${d.itemName}, applicant ${d.applicantName}) asks your office for: ${orDash(d.reason)}.${d.deadline ? ` Please answer by ${d.deadline}.` : ""}`,
    ],
  }),
  "clock.yellow": (d) => ({
    zh: [
      `【黄色预警】办件即将到期：${d.caseNumber}`,
      `办件 ${d.caseNumber}（${d.itemName}，申请人 ${d.applicantName}）将于 ${orDash(d.deadline)} 到期，请抓紧办理。`,
    ],
    en: [
      `[Yellow warning] Case due soon: ${d.caseNumber}`,
      `Case ${d.caseNumber} (${d.itemName}, applicant ${d.applicantName}) is due on ${orDash(d.deadline)}. Please act promptly.`,
    ],
  }),
  ...DEFERRED_TEMPLATES,
  ...EVALUATION_TEMPLATES,
  // 政策变更通知 (docs/policies.md), to the staff who must acknowledge it: `caseNumber` is the notice's
  // title, `document` the policy (《title》 and 文号), `itemName` the items, `applicantName` who announced
  // it, `deadline` the date it takes effect, `reason` its summary.
  "policy.change_notice": (d) => ({
    zh: [
      `政策变更通知：${d.caseNumber}`,
      `${d.applicantName}发布政策变更通知“${d.caseNumber}”${d.document ? `（依据${d.document}）` : ""}，涉及事项：${d.itemName}${d.deadline ? `，自 ${d.deadline} 起执行` : ""}。${d.reason?.trim() ? `${clause(d.reason)}。` : ""}请阅读后点击“已阅知晓”确认。`,
    ],
    en: [
      `Policy change notice: ${d.caseNumber}`,
      `${d.applicantName} announced the policy change "${d.caseNumber}"${d.document ? ` (under ${d.document})` : ""} concerning ${d.itemName}${d.deadline ? `, effective ${d.deadline}` : ""}.${d.reason?.trim() ? ` ${clause(d.reason)}.` : ""} Please read it and acknowledge it.`,
    ],
  }),
  "clock.red": (d) => ({
    zh: [
      `【红色预警】办件已超期：${d.caseNumber}`,
      `办件 ${d.caseNumber}（${d.itemName}，申请人 ${d.applicantName}）已超过办结期限 ${orDash(d.deadline)}，已报送电子监察。`,
    ],
    en: [
      `[Red alert] Case overdue: ${d.caseNumber}`,
      `Case ${d.caseNumber} (${d.itemName}, applicant ${d.applicantName}) is past its deadline of ${orDash(d.deadline)} and has been reported to supervision.`,
    ],
  }),
};

/** True when `kind` has a template. */
export function isNotificationKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/** Renders the template of `kind`: title and body in Chinese and English. */
export function renderNotification(kind: NotificationKind, data: TemplateData): RenderedMessage {
  // Free text (a reason typed by a clerk) may carry an ID number or a phone: masked in every message.
  const t = TEMPLATES[kind](maskTemplateData(data));
  return {
    title: { "zh-CN": t.zh[0], "en-US": t.en[0] },
    body: { "zh-CN": t.zh[1], "en-US": t.en[1] },
  };
}

/** `link` as a full URL on the deployment's public address when it is a path (`/cases/…`). */
export function absoluteLink(link: string, publicUrl: string): string {
  if (!link.startsWith("/")) return link;
  return `${publicUrl.replace(/\/+$/, "")}${link}`;
}

/**
 * The e-mail for one recipient: Chinese always, followed by English for users whose language is
 * en-US (official notices are in Chinese; the English is a courtesy).
 */
export function emailFor(
  locale: "zh-CN" | "en-US",
  m: RenderedMessage,
  link: string,
): { subject: string; text: string } {
  const zh = `${m.body["zh-CN"]}\n\n查看详情：${link}\n\n（本邮件由一站政务服务平台自动发送，请勿直接回复。）`;
  if (locale !== "en-US") return { subject: m.title["zh-CN"], text: zh };
  const en = `${m.body["en-US"]}\n\nDetails: ${link}\n\n(Sent automatically by the Yizhan service platform; please do not reply.)`;
  return { subject: `${m.title["zh-CN"]} / ${m.title["en-US"]}`, text: `${zh}\n\n----\n\n${en}` };
}

/** The SMS for one recipient: signed 【一站】, Chinese, with the English after it for en-US users. */
export function smsFor(locale: "zh-CN" | "en-US", m: RenderedMessage, link: string): string {
  const zh = `【一站】${m.body["zh-CN"]} 详情：${link}`;
  return locale === "en-US" ? `${zh} / ${m.body["en-US"]}` : zh;
}
