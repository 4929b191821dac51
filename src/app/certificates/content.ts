import type { ApplicantSnapshot } from "../../db/schema";
import type { TCertificateType } from "../../shared/catalog";
import { CERTIFICATE_FIELDS, HOLDER_KEY, type Lookup, NUMBER_KEY } from "./fieldSpecs";

/** One labelled field of a certificate, in print order. */
export type CertificateField = { name: string; value: string };

/** GB/T 36903 持证主体代码类型: 001 统一社会信用代码, 111 居民身份证. */
export const HOLDER_CODE_TYPES = { "001": "统一社会信用代码", "111": "居民身份证" } as const;

/** Province abbreviations by the first two digits of the division code (GB/T 2260), for 不动产 numbers. */
const PROVINCE_ABBR: Record<string, string> = { "34": "皖", "32": "苏", "33": "浙", "11": "京", "31": "沪" };

/** The holder (持证主体) of a certificate from the applicant snapshot: name, code and code type. */
export function holderOf(a: ApplicantSnapshot): { name: string; code: string; codeType: "001" | "111" } {
  if (a.kind === "enterprise") return { name: a.name, code: a.creditCode ?? "", codeType: "001" };
  return { name: a.name, code: a.idNumber ?? "", codeType: "111" };
}

/** The county name from an office name such as 怀远县自然资源和规划局 (→ 怀远县). */
export function countyOf(orgName: string): string {
  const m = /^(.+?[县市区旗])/.exec(orgName);
  return m ? m[1] : orgName;
}

/**
 * The certificate number (编号 / 证号) after the national formats: 不动产权证书 皖（2026）怀远县不动产权第0000001号
 * and 不动产登记证明 …不动产证明第…号 (不动产登记暂行条例实施细则, 不动产权证书和登记证明监制办法); planning
 * permits 地字第 / 建字第 / 乡字第 + division code + year + serial (城乡规划法 Art. 37–41 forms).
 */
export function certificateNumber(
  type: TCertificateType,
  o: { divisionCode: string; orgName: string; year: number; serial: number },
): string {
  const county = countyOf(o.orgName);
  const prov = PROVINCE_ABBR[o.divisionCode.slice(0, 2)] ?? "";
  const p = (n: number) => String(o.serial).padStart(n, "0");
  switch (type.code) {
    case "real_estate_title_certificate":
      return `${prov}（${o.year}）${county}不动产权第${p(7)}号`;
    case "real_estate_registration_certificate":
      return `${prov}（${o.year}）${county}不动产证明第${p(7)}号`;
    case "construction_land_planning_permit":
      return `地字第${o.divisionCode.slice(0, 6)}${o.year}${p(5)}号`;
    case "building_planning_permit":
      return `建字第${o.divisionCode.slice(0, 6)}${o.year}${p(5)}号`;
    case "rural_construction_planning_permit":
      return `乡字第${o.divisionCode.slice(0, 6)}${o.year}${p(5)}号`;
    default:
      return `${type.typeCode}-${o.year}-${p(6)}`;
  }
}

const str = (v: unknown): string | undefined =>
  v === undefined || v === null || v === ""
    ? undefined
    : typeof v === "string"
      ? v.trim() || undefined
      : String(v);

/** What a certificate's content is built from (docs/certificates.md, "Content"). */
export type CertificateSources = {
  /** The certificate's number (printed as 不动产权证号 / 不动产登记证明号). */
  number: string;
  /** The holder's name, from the application's applicant. */
  holderName: string;
  /** The application form. */
  form: Record<string, unknown>;
  /** Facts the item establishes for every certificate it produces (catalog `certificateContent.facts`). */
  facts?: Record<string, string>;
  /** The register entry of an earlier certificate the application names: used for what the form omits. */
  register?: CertificateField[];
};

/** A required field nobody stated: its printed name and the form field that should state it. */
export type MissingCertificateField = { name: string; field: string };

/**
 * The type-specific fields of a certificate, in print order (CERTIFICATE_FIELDS): each from the
 * application form, else the item's facts, else the register entry the application names — never a
 * default. 不动产权证书 carries 不动产权证号, 权利人, 共有情况, 坐落, 不动产单元号, 权利类型, 权利性质, 用途,
 * 面积, 使用期限, 附记 (不动产登记暂行条例实施细则 Art. 20); planning permits their project particulars.
 * Returns the fields and the required ones nobody stated (the issue is refused when any is missing).
 */
export function certificateFields(
  type: TCertificateType,
  src: CertificateSources,
): { fields: CertificateField[]; missing: MissingCertificateField[] } {
  const get: Lookup = (key) =>
    key === NUMBER_KEY
      ? str(src.number)
      : key === HOLDER_KEY
        ? str(src.holderName)
        : (str(src.form[key]) ?? str(src.facts?.[key]));
  const fields: CertificateField[] = [];
  const missing: MissingCertificateField[] = [];
  for (const spec of CERTIFICATE_FIELDS[type.code] ?? []) {
    let value: string | undefined;
    for (const key of spec.keys) {
      value = get(key) === undefined ? undefined : spec.format ? spec.format(get, key) : get(key);
      if (value !== undefined) break;
    }
    value ??= src.register?.find((f) => f.name === spec.name)?.value;
    if (value !== undefined) fields.push({ name: spec.name, value });
    else if (spec.required) {
      const key = spec.keys.find((k) => !k.startsWith("$"));
      missing.push({ name: spec.name, field: key ? `formData.${key}` : "applicant" });
    }
  }
  return { fields, missing };
}

/** A GeoJSON polygon boundary from form data (Feature, Polygon or MultiPolygon), or null. */
export function boundaryOf(form: Record<string, unknown>): Record<string, unknown> | null {
  const b = form.boundary;
  if (!b || typeof b !== "object") return null;
  const g =
    (b as { type?: string; geometry?: { type?: string } }).type === "Feature"
      ? (b as { geometry?: unknown }).geometry
      : b;
  const t = (g as { type?: string } | undefined)?.type;
  return t === "Polygon" || t === "MultiPolygon" ? (g as Record<string, unknown>) : null;
}
