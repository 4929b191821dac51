import type { NoticeItem, NoticeItemKind, NoticeParty } from "./types";

/** The Administrative Licensing Law, as notices cite it. */
export const LICENSING_LAW = "《中华人民共和国行政许可法》";

/**
 * How a notice addresses its applicant: a natural person as 你, an enterprise or other organization
 * as 你单位; 你（单位） only when the kind is not known (old data).
 */
export function you(p: NoticeParty): string {
  return p.kind === "person" ? "你" : p.kind === "enterprise" ? "你单位" : "你（单位）";
}

/**
 * 申请事项 as notices name it: the item's name and its published 事项编码 — never an internal code;
 * without a published code, the name alone.
 */
export function itemLabel(item: NoticeItem): string {
  return item.code ? `“${item.name}”（事项编码：${item.code}）` : `“${item.name}”`;
}

/** What a notice says, per 事项类型, where the procedure differs by the kind of item. */
export type ProcedureWording = {
  /** the application as subjects and titles call it: 行政许可申请, 登记申请 … */
  application: string;
  /** the legal ground of an acceptance, with its closing comma ("" when none is cited) */
  acceptBasis: string;
  /** the legal ground of a correction notice (一次性告知) */
  correctionBasis: string;
  /** the legal ground of a refusal at intake, for the subject line */
  refusalSubject: string;
  /** what special procedures do to the limit, said at acceptance */
  specialProcedures: string;
  /** the legal ground of a special-procedure notice (clock stopped) */
  specialBasis: string;
  /** the legal ground of an extension */
  extensionBasis: string;
  /** what cannot be done in time, in an extension notice: 作出行政许可决定, 办结登记 … */
  decisionPhrase: string;
};

const LICENCE: ProcedureWording = {
  application: "行政许可申请",
  acceptBasis: `根据${LICENSING_LAW}第三十二条第一款第（五）项的规定，`,
  correctionBasis: `根据${LICENSING_LAW}第三十二条第一款第（四）项的规定，`,
  refusalSubject: "行政许可申请不予受理决定",
  specialProcedures:
    "依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在上述期限内，本机关将另行书面告知。",
  specialBasis: `根据${LICENSING_LAW}第四十五条的规定，`,
  extensionBasis: `根据${LICENSING_LAW}第四十二条第一款的规定，`,
  decisionPhrase: "作出行政许可决定",
};

/**
 * Items that are not licences (登记 and other 行政确认, 公共服务, 备案) are not governed by the
 * Administrative Licensing Law: their notices cite no article of it and speak of 办理, not 许可.
 */
const NOT_LICENCE = (application: string, done: string): ProcedureWording => ({
  application,
  acceptBasis: "",
  correctionBasis: "",
  refusalSubject: `${application}不予受理决定`,
  specialProcedures: "依法需要公告、实地查看等特别程序的，所需时间不计算在上述期限内，本机关将另行书面告知。",
  specialBasis: "",
  extensionBasis: "",
  decisionPhrase: done,
});

/** The wording of every 事项类型: data, looked up by the item's kind. */
export const PROCEDURE: Record<NoticeItemKind, ProcedureWording> = {
  administrative_licence: LICENCE,
  administrative_confirmation: NOT_LICENCE("登记申请", "办结登记"),
  filing: NOT_LICENCE("备案申请", "办结备案"),
  public_service: NOT_LICENCE("服务申请", "办结"),
  other: NOT_LICENCE("申请", "办结"),
};

/** The wording of an item's notices (licence when the kind is not given). */
export function procedureOf(item: NoticeItem): ProcedureWording {
  return PROCEDURE[item.itemKind ?? "administrative_licence"];
}
