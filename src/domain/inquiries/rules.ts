/**
 * Rules of inquiries (咨询, 首问负责制): pure, no I/O. The first responder owns a question until it
 * is answered or explicitly handed to a named colleague (不推); an unanswered question raises an alert
 * after one working day of office hours.
 */
import { maskPersonalText } from "../rules/maskText";

/** Where a question was asked (咨询渠道). */
export const INQUIRY_CHANNELS = ["window", "phone", "online"] as const;
/** unclaimed: asked online, no owner yet; open: owned, not answered; answered. */
export const INQUIRY_STATUSES = ["unclaimed", "open", "answered"] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** Office-hours minutes of one working day (08:30–12:00 and 14:30–17:30): the unanswered-alert threshold. */
export const WORKING_DAY_MINUTES = 390;

/** True when a question has waited at least one working day of office hours without an answer. */
export function isUnansweredTooLong(status: InquiryStatus, workingMinutesWaiting: number): boolean {
  return status !== "answered" && workingMinutesWaiting >= WORKING_DAY_MINUTES;
}

const PHONE = /^(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** True when `contact` is a mainland mobile or landline number or an e-mail address. */
export function isContact(contact: string): boolean {
  return PHONE.test(contact.replace(/\s/g, "")) || EMAIL.test(contact);
}

/** A contact masked for those who may not see it: 138****9876, 0552****45, z***@example.cn. */
export function maskContact(contact: string): string {
  const at = contact.indexOf("@");
  if (at > 0) return `${contact[0]}***${contact.slice(at)}`;
  const digits = contact.replace(/\D/g, "");
  if (digits.length < 7) return "****";
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

const EMAIL_IN_TEXT = /[^\s@，。；、（）()]+@[^\s@，。；、（）()]+\.[A-Za-z]{2,}/g;
const LANDLINE_IN_TEXT = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;

/**
 * Removes personal data from a text before it is published as FAQ (个人信息保护法 Art. 51):
 * ID numbers and mobile numbers masked (maskPersonalText), landlines and e-mail addresses masked,
 * and the asker's own name and contact replaced wherever they occur.
 */
export function faqText(text: string, own: (string | null | undefined)[]): string {
  let out = maskPersonalText(text)
    .replace(EMAIL_IN_TEXT, (e) => maskContact(e))
    .replace(LANDLINE_IN_TEXT, (p) => maskContact(p));
  for (const x of own) {
    const v = x?.trim();
    if (!v || v.length < 2) continue;
    out = out.split(v).join(v.includes("@") || /\d/.test(v) ? maskContact(v) : "**");
  }
  return out;
}

/** Why an action is refused in the inquiry's status, or null when the status allows it. */
export function inquiryStatusProblem(
  status: InquiryStatus,
  action: "claim" | "answer" | "handOver" | "publishFaq",
): { "zh-CN": string; "en-US": string } | null {
  if (action === "claim" && status !== "unclaimed")
    return { "zh-CN": "该咨询已有负责人", "en-US": "The inquiry already has an owner" };
  if ((action === "answer" || action === "handOver") && status === "answered")
    return { "zh-CN": "该咨询已答复", "en-US": "The inquiry is already answered" };
  if (action === "publishFaq" && status !== "answered")
    return {
      "zh-CN": "只有已答复的咨询才能发布为常见问题",
      "en-US": "Only an answered inquiry can become an FAQ",
    };
  return null;
}
