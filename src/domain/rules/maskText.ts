/**
 * Masking of personal identifiers inside free text (个人信息保护法 Art. 51: 去标识化): what a clerk types
 * into a reason, a URL's query string, a database error message. Structured fields are masked by
 * their presenters; this catches what slips into text that is logged, mailed or texted.
 */
import { maskIdentifier, maskPhone } from "./identifiers";

// A 居民身份证号: 17 digits and a check character with a plausible birth date (19xx/20xx, month, day),
// not part of a longer run of letters or digits. Checked for shape, not for the check digit: a mistyped
// ID number is personal data too.
const RESIDENT_ID =
  /(?<![0-9A-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
// A mainland mobile number (11 digits, 1[3-9]…), optionally written +86 / 86, not inside a longer number.
const MOBILE = /(?<![0-9A-Za-z])(?:\+?86)?1[3-9]\d{9}(?![0-9A-Za-z])/g;

/**
 * True when `text` contains personal identifiers: something shaped like a 居民身份证号 (anywhere, not
 * only between separators) or one of `own` (the person's own ID number and phone, any case). A
 * 统一社会信用代码 is not personal (GB 32100 prints it on the licence) and does not count.
 */
export function containsPersonalIdentifier(text: string, own: (string | null | undefined)[] = []): boolean {
  const lower = text.toLowerCase();
  if (own.some((x) => x && x.length >= 6 && lower.includes(x.toLowerCase()))) return true;
  return /\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]/.test(text);
}

/** Masks every 居民身份证号 (3403**********2011) and mobile number (138****9876) found in `text`. */
export function maskPersonalText(text: string): string {
  if (!/\d{11}/.test(text)) return text;
  return text
    .replace(RESIDENT_ID, (id) => maskIdentifier(id))
    .replace(MOBILE, (m) => {
      const digits = m.slice(-11);
      return m.slice(0, m.length - 11) + maskPhone(digits);
    });
}
