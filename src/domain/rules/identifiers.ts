/**
 * Identifier checks used across Yizhan: 统一社会信用代码 (GB 32100-2015), 居民身份证号 (GB 11643-1999),
 * 投资项目统一代码, and masking of personal identifiers for display.
 */

const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Check character of a 统一社会信用代码 over its first 17 characters (GB 32100-2015 §4). */
export function usccCheckChar(first17: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

/** Why a 统一社会信用代码 is invalid, or null when it is valid. Upper case only, as the standard prints it. */
export function usccProblem(code: string): "length" | "charset" | "check" | null {
  if (code.length !== 18) return "length";
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return "charset";
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : "check";
}

/** True when `code` is a valid 统一社会信用代码 (GB 32100-2015). */
export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** Check digit of a 居民身份证号 over its first 17 digits (GB 11643-1999, ISO 7064 MOD 11-2). */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** Why a 居民身份证号 is invalid, or null when it is valid (18 characters, real birth date, check digit). */
export function residentIdProblem(id: string): "length" | "charset" | "birthDate" | "check" | null {
  if (id.length !== 18) return "length";
  if (!/^\d{17}[0-9X]$/.test(id)) return "charset";
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return "birthDate";
  }
  return residentIdCheckChar(id.slice(0, 17)) === id[17] ? null : "check";
}

/** True when `id` is a valid 18-digit 居民身份证号 (GB 11643-1999). */
export function isValidResidentId(id: string): boolean {
  return residentIdProblem(id) === null;
}

/** 投资项目统一代码: year-division(6)-industry(2)-type(2)-serial(6), e.g. 2023-340321-30-03-012345. */
export function isValidProjectCode(code: string): boolean {
  const m = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/.exec(code);
  if (!m) return false;
  const year = Number(m[1]);
  return year >= 2014 && year <= 2100;
}

/** Masks the middle of an identifier: keeps `head` and `tail` characters (3403**********1234). */
export function maskIdentifier(value: string, head = 4, tail = 4): string {
  if (value.length <= head + tail) return "*".repeat(value.length);
  return value.slice(0, head) + "*".repeat(value.length - head - tail) + value.slice(-tail);
}

/** Masks a mobile phone number as 138****5678. */
export function maskPhone(phone: string): string {
  return maskIdentifier(phone, 3, 4);
}

/** Which kind of subject code a string is: 统一社会信用代码 (GB 32100), 居民身份证号 (GB 11643), or neither. */
export function subjectCodeKind(code: string): "uscc" | "resident_id" | null {
  if (isValidUscc(code)) return "uscc";
  if (isValidResidentId(code)) return "resident_id";
  return null;
}

/**
 * Masks a subject code for lists and logs: a 居民身份证号 keeps its division code and last four
 * (3403**********2011); a 统一社会信用代码 of an enterprise is public (GB 32100 is printed on the licence)
 * and stays whole.
 */
export function maskSubjectCode(code: string): string {
  return isValidUscc(code) ? code : maskIdentifier(code);
}
