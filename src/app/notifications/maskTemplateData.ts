import { maskPersonalText } from "../../domain/rules/maskText";

/** Fields that are addresses (links, URLs): left as they are — they carry ids, not personal data. */
const ADDRESS = /(link|url)$/i;

/**
 * The data of a notification with every text field masked (个人信息保护法 Art. 51): an e-mail, SMS or
 * in-app notice never carries a whole 居民身份证号 or mobile number, whatever a clerk typed into a
 * reason. Every string field but the addresses, so a field added later is masked too.
 */
export function maskTemplateData<T extends object>(d: T): T {
  const out = { ...d } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out))
    if (typeof v === "string" && !ADDRESS.test(k)) out[k] = maskPersonalText(v);
  return out as T;
}
