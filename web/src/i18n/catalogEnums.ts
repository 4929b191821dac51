import {
  EXEMPTION_CONDITIONS,
  FEE_UNITS,
  HANDLER_KINDS,
  MATERIAL_FORMS,
  MATERIAL_SOURCES,
  ONLINE_DEPTHS,
  RESULT_TYPES,
  SERVICE_OBJECTS,
  SPECIAL_PROCEDURE_KINDS,
} from "../../../src/shared/catalog/enums";
import type { Locale } from "../api/ApiError";

/**
 * The service catalogue's fixed lists (src/shared/catalog/enums.ts) are named there in Chinese, as the
 * guides print them; these are their English names, for the English pages.
 */
const ZH = {
  serviceObject: SERVICE_OBJECTS,
  specialProcedure: SPECIAL_PROCEDURE_KINDS,
  materialForm: MATERIAL_FORMS,
  materialSource: MATERIAL_SOURCES,
  feeUnit: FEE_UNITS,
  exemption: EXEMPTION_CONDITIONS,
  onlineDepth: ONLINE_DEPTHS,
  resultType: RESULT_TYPES,
  handlerKind: HANDLER_KINDS,
} as const;

type Tables = typeof ZH;
export type EnumTable = keyof Tables;

export const EN: { [T in EnumTable]: Record<keyof Tables[T], string> } = {
  serviceObject: {
    person: "Natural persons",
    enterprise: "Enterprise legal persons",
    other_organization:
      "Public institutions, social organizations, unincorporated enterprises and other bodies",
  },
  specialProcedure: {
    hearing: "Hearing",
    expert_review: "Expert review",
    public_notice: "Public notice",
    testing: "Testing",
    appraisal: "Appraisal",
    auction: "Auction",
    tender: "Tender",
    survey: "Site survey",
    announcement: "Announcement",
    other: "Other",
  },
  materialForm: {
    original: "Original",
    copy: "Copy",
    original_and_copy: "Original and copy",
    original_for_check: "Original (returned after checking)",
    electronic: "Electronic",
  },
  materialSource: {
    applicant: "Brought by the applicant",
    shared_data: "Shared by another department",
    item_result: "Result of an earlier item",
  },
  feeUnit: {
    per_case: "yuan per case",
    per_certificate: "yuan per certificate",
    per_square_meter: "yuan per m²",
    per_mu: "yuan per mu",
    per_page: "yuan per page",
  },
  exemption: {
    small_micro_enterprise: "Small and micro enterprises (including individual businesses)",
    rural_homestead: "Rural homestead use rights and farmhouse registration",
    government_office: "State organs acting under the law",
    other: "Other",
  },
  onlineDepth: {
    information: "Level 1: online enquiry",
    download: "Level 2: forms to download",
    online_apply: "Level 3: online pre-check and application",
    full_online: "Level 4: fully online",
  },
  resultType: {
    certificate: "Licence or certificate",
    approval_document: "Approval document",
    registration_certificate: "Registration certificate",
    filing_receipt: "Filing receipt",
    information: "Query result",
    other: "Other",
  },
  handlerKind: { township: "Township government", other_department: "Other department" },
};

/** The name of a catalogue list's entry in `locale` (the key itself if unknown). */
export function enumLabel<T extends EnumTable>(locale: Locale, table: T, key: string): string {
  const names = (locale === "zh-CN" ? ZH[table] : EN[table]) as Record<string, string>;
  return names[key] ?? key;
}

/** A remark in parentheses as each language writes it: `（…）` in Chinese, ` (…)` in English. */
export function paren(locale: Locale, text: string): string {
  return locale === "zh-CN" ? `（${text}）` : ` (${text})`;
}
