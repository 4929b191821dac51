/**
 * What each type of certificate prints, field by field, and where each value comes from: the
 * application's form (in order of the keys), the facts the item itself establishes (catalog
 * `certificateContent.facts`), or the register (an earlier certificate the application names). Never
 * a default: a field nobody stated is left out, and a required one refuses the issue (422 naming it).
 */

/** Reads one value (form first, then the item's facts), as printable text; undefined when not stated. */
export type Lookup = (key: string) => string | undefined;

/** One printed field of a certificate type. */
export type FieldSpec = {
  /** The label printed on the certificate (and the name of the same field in the register). */
  name: string;
  /** The form keys the value comes from, first stated wins (also looked up in the item's facts). */
  keys: string[];
  /** How the value is printed from what was stated; undefined when the parts are not all stated. */
  format?: (get: Lookup, key: string) => string | undefined;
  /** The certificate cannot be issued without it (a certificate of this type always states it). */
  required?: boolean;
};

const unit = (u: string) => (get: Lookup, key: string) => {
  const v = get(key);
  return v === undefined ? undefined : `${v}${u}`;
};

/** "<start>起<end>止" from two date keys; undefined unless both are stated. */
const span = (start: string, end: string) => (get: Lookup) => {
  const a = get(start);
  const b = get(end);
  return a && b ? `${a}起${b}止` : undefined;
};

/** The last day of a period of `months` months starting on `start` (YYYY-MM-DD). */
export function periodEnd(start: string, months: number): string {
  const [y, m, d] = start.split("-").map(Number);
  const end = new Date(Date.UTC(y, m - 1 + months, d) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/** A period from a start date and a number of months: 2026-12-01起2027-11-30止（12个月）. */
const months = (start: string, count: string) => (get: Lookup) => {
  const a = get(start);
  const n = Number(get(count));
  return a && Number.isInteger(n) && n > 0 ? `${a}起${periodEnd(a, n)}止（${n}个月）` : undefined;
};

/** Several keys joined (乡镇 + 村), only when every one is stated. */
const joined =
  (...keys: string[]) =>
  (get: Lookup) => {
    const parts = keys.map(get);
    return parts.every((p) => p !== undefined) ? parts.join("") : undefined;
  };

/** The certificate's own number, printed as a field (不动产权证号). */
export const NUMBER_KEY = "$number";
/** The holder's name from the application (用地单位, 建设单位). */
export const HOLDER_KEY = "$holder";

const REAL_ESTATE_TITLE: FieldSpec[] = [
  { name: "不动产权证号", keys: [NUMBER_KEY], required: true },
  { name: "权利人", keys: ["rightHolder", "transferee"], required: true },
  { name: "共有情况", keys: ["coOwnership"] },
  { name: "坐落", keys: ["parcelLocation", "location"], required: true },
  { name: "不动产单元号", keys: ["unitNumber"] },
  { name: "权利类型", keys: ["rightType"], required: true },
  { name: "权利性质", keys: ["rightNature"], required: true },
  { name: "用途", keys: ["landUse", "housingType"], required: true },
  {
    name: "面积",
    keys: ["parcelArea", "buildingArea"],
    format: (get, key) => {
      const v = get(key);
      return v === undefined ? undefined : `${key === "parcelArea" ? "宗地面积" : "建筑面积"}${v}平方米`;
    },
    required: true,
  },
  { name: "使用期限", keys: ["termStart"], format: span("termStart", "termEnd") },
  {
    name: "附记",
    keys: ["remarks", "contractNo"],
    format: (get, key) => (key === "contractNo" ? `出让合同编号：${get(key)}` : get(key)),
  },
];

/** The certificate types and what they print (seed/catalog/certificate-types.yaml codes). */
export const CERTIFICATE_FIELDS: Record<string, FieldSpec[]> = {
  real_estate_title_certificate: REAL_ESTATE_TITLE,
  // 不动产登记证明 (抵押权, 地役权, 预告登记 …): the registered matter, the parties, the property.
  real_estate_registration_certificate: [
    { name: "不动产登记证明号", keys: [NUMBER_KEY], required: true },
    { name: "证明权利或事项", keys: ["registeredMatter"], required: true },
    { name: "权利人（申请人）", keys: ["mortgagee", "rightHolder"], required: true },
    { name: "义务人", keys: ["mortgagor", "obligor"], required: true },
    { name: "坐落", keys: ["location", "parcelLocation"], required: true },
    { name: "不动产单元号", keys: ["unitNumber"] },
    { name: "抵押方式", keys: ["mortgageMethod"] },
    { name: "被担保主债权数额", keys: ["securedAmount"], format: unit("万元") },
    { name: "债务履行期限", keys: ["debtStart"], format: span("debtStart", "debtEnd") },
    { name: "附记", keys: ["remarks"] },
  ],
  construction_land_planning_permit: [
    { name: "用地单位", keys: [HOLDER_KEY], required: true },
    { name: "项目名称", keys: ["projectName"], required: true },
    { name: "项目代码", keys: ["projectCode"] },
    { name: "用地位置", keys: ["location"], required: true },
    { name: "用地面积", keys: ["landArea"], format: unit("平方米"), required: true },
    { name: "用地性质", keys: ["landUse"], required: true },
    { name: "供地方式", keys: ["supplyMethod"] },
    { name: "出让合同编号", keys: ["contractNo"] },
  ],
  building_planning_permit: [
    { name: "建设单位", keys: [HOLDER_KEY], required: true },
    { name: "项目名称", keys: ["projectName"], required: true },
    { name: "项目代码", keys: ["projectCode"] },
    { name: "建设位置", keys: ["location"], required: true },
    { name: "建设规模", keys: ["totalFloorArea"], format: unit("平方米（总建筑面积）"), required: true },
    { name: "地上建筑面积", keys: ["aboveGroundArea"], format: unit("平方米") },
    { name: "地下建筑面积", keys: ["undergroundArea"], format: unit("平方米") },
    { name: "建筑栋数", keys: ["buildingCount"], format: unit("栋") },
    { name: "建筑高度", keys: ["maxHeight"], format: unit("米") },
    { name: "建设用地规划许可证编号", keys: ["landPermitNo"] },
  ],
  rural_construction_planning_permit: [
    { name: "建设单位（个人）", keys: [HOLDER_KEY], required: true },
    { name: "项目名称", keys: ["projectName"], required: true },
    { name: "建设位置", keys: ["township"], format: joined("township", "village"), required: true },
    { name: "用地面积", keys: ["landArea"], format: unit("平方米"), required: true },
    { name: "建筑面积", keys: ["buildingArea"], format: unit("平方米"), required: true },
    { name: "层数", keys: ["floors"], format: unit("层") },
    { name: "建设类型", keys: ["purpose"], required: true },
  ],
  site_selection_opinion: [
    { name: "用地单位", keys: [HOLDER_KEY], required: true },
    { name: "项目名称", keys: ["projectName"], required: true },
    { name: "项目代码", keys: ["projectCode"] },
    { name: "拟选址位置", keys: ["location"], required: true },
    { name: "拟用地面积", keys: ["landArea"], format: unit("公顷"), required: true },
    { name: "其中农用地面积", keys: ["farmlandArea"], format: unit("公顷") },
    { name: "拟供地方式", keys: ["supplyMethod"], required: true },
    { name: "建设规模及内容", keys: ["constructionScale"] },
  ],
  // 临时用地批准书: the requested period, area and purpose as the application states them (土地管理法
  // 实施条例 Art. 20: at most two years).
  temporary_land_use_approval: [
    { name: "用地单位", keys: [HOLDER_KEY], required: true },
    { name: "关联建设项目", keys: ["projectName"] },
    { name: "临时用地用途", keys: ["purpose"], required: true },
    { name: "用地位置", keys: ["location"], required: true },
    { name: "用地面积", keys: ["area"], format: unit("平方米"), required: true },
    { name: "其中耕地面积", keys: ["farmlandArea"], format: unit("平方米") },
    { name: "土地权属", keys: ["landOwnership"] },
    { name: "使用期限", keys: ["startDate"], format: months("startDate", "months"), required: true },
  ],
  filing_receipt: [
    { name: "经营者", keys: ["operator", HOLDER_KEY], required: true },
    { name: "设施位置", keys: ["township"], format: joined("township", "village"), required: true },
    { name: "设施类型", keys: ["facilityType"], required: true },
    { name: "用地面积", keys: ["area"], format: unit("亩"), required: true },
    { name: "其中占用耕地", keys: ["farmlandArea"], format: unit("亩") },
    { name: "使用年限", keys: ["years"], format: unit("年") },
  ],
};

/**
 * The validity a certificate of this type states, from the application: the 临时用地批准书 ends with
 * the requested period; any type may carry `validUntil`. Null: 长期 (no end stated).
 */
export function validityFromApplication(
  typeCode: string,
  get: Lookup,
  issuedOn: string,
): { from: string; until: string | null } {
  if (typeCode === "temporary_land_use_approval") {
    const start = get("startDate");
    const n = Number(get("months"));
    if (start && Number.isInteger(n) && n > 0) return { from: start, until: periodEnd(start, n) };
  }
  return { from: issuedOn, until: get("validUntil") ?? null };
}
