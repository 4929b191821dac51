import type { ApplicantSnapshot } from "../../db/schema";
import type { TCertificateType } from "../../shared/catalog";

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
  v === undefined || v === null || v === "" ? undefined : typeof v === "string" ? v : String(v);

/**
 * The type-specific fields of a certificate from the case's form data. 不动产权证书 carries 不动产权证号,
 * 不动产单元号, 坐落, 权利人, 共有情况, 权利类型, 权利性质, 用途, 面积, 使用期限, 附记 (GB/T 36903 practice,
 * 不动产登记暂行条例实施细则 Art. 20); planning permits carry the project particulars.
 */
export function certificateFields(
  type: TCertificateType,
  number: string,
  holderName: string,
  form: Record<string, unknown>,
): CertificateField[] {
  const out: CertificateField[] = [];
  const add = (name: string, v: unknown) => {
    const s = str(v);
    if (s !== undefined) out.push({ name, value: s });
  };
  if (type.code === "real_estate_title_certificate" || type.code === "real_estate_registration_certificate") {
    const area = form.parcelArea ?? form.buildingArea;
    add("不动产权证号", number);
    add("权利人", form.rightHolder ?? form.transferee ?? holderName);
    add("共有情况", form.coOwnership ?? "单独所有");
    add("坐落", form.parcelLocation ?? form.location);
    add("不动产单元号", form.unitNumber ?? "—");
    add(
      "权利类型",
      form.rightType ?? (form.buildingArea ? "国有建设用地使用权/房屋所有权" : "国有建设用地使用权"),
    );
    add("权利性质", form.rightNature ?? "出让");
    add("用途", form.landUse ?? form.housingType);
    add("面积", area !== undefined ? `${form.parcelArea ? "宗地面积" : "建筑面积"}${area}平方米` : undefined);
    add(
      "使用期限",
      form.termStart && form.termEnd ? `${str(form.termStart)}起${str(form.termEnd)}止` : (form.term ?? "—"),
    );
    add("附记", form.remarks ?? (form.contractNo ? `出让合同编号：${str(form.contractNo)}` : "—"));
    return out;
  }
  add("用地（建设）单位", holderName);
  add("项目名称", form.projectName);
  add("项目代码", form.projectCode);
  add("位置", form.location ?? form.parcelLocation);
  add("用地面积", form.landArea !== undefined ? `${str(form.landArea)}平方米` : undefined);
  add("建设规模", form.buildingArea !== undefined ? `${str(form.buildingArea)}平方米` : undefined);
  add("用地性质", form.landUse);
  add("供地方式", form.supplyMethod);
  add("出让合同编号", form.contractNo);
  return out;
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
