import type { TFees } from "../../shared/catalog";

/** Facts a fee assessment depends on, read from the case (form data, applicant profile). */
export type FeeFacts = {
  /** Housing (住宅) or not, for items whose fee differs by use. */
  housing: boolean;
  /** Small or micro enterprise (小微企业, 财税〔2016〕79号). */
  smallMicroEnterprise: boolean;
  /** Certificates issued (1 + extra). */
  certificates: number;
  areaSquareMeters: number | null;
  pages: number | null;
};

/** One computed line. */
export type AssessedLine = {
  code: string;
  name: string;
  basis: string;
  unit: string;
  unitPriceFen: number;
  quantity: number;
  grossFen: number;
  exemptionCode: string | null;
  exemptionName: string | null;
  amountFen: number;
};

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Reads the fee facts from form data and the applicant (an enterprise flag in either counts). */
export function feeFacts(
  form: Record<string, unknown>,
  applicant: { smallMicroEnterprise?: boolean },
): FeeFacts {
  const use = String(form.housingType ?? form.landUse ?? "");
  return {
    housing: use === "住宅" || use.includes("住宅用地"),
    smallMicroEnterprise: form.isSmallMicroEnterprise === true || applicant.smallMicroEnterprise === true,
    certificates: 1 + Math.max(0, Math.trunc(num(form.extraCertificates) ?? 0)),
    areaSquareMeters: num(form.parcelArea) ?? num(form.buildingArea) ?? num(form.landArea),
    pages: num(form.pages),
  };
}

/**
 * Computes the lines of a 收费单 from an item's fee schedule (amounts in integer fen; 行政许可法 Art. 58:
 * nothing not provided by law): per-unit quantities (元/件, 元/本 with free units, 元/平方米, 元/亩, 元/页),
 * `appliesTo` housing / non_housing, and exemptions (small and micro enterprises are exempt from the
 * registration fee, 财税〔2016〕79号) that set the exempted lines to zero.
 */
export function assessFeeLines(fees: TFees, facts: FeeFacts): AssessedLine[] {
  if (!fees.charged) return [];
  const lines: AssessedLine[] = [];
  for (const item of fees.items) {
    if (item.appliesTo === "housing" && !facts.housing) continue;
    if (item.appliesTo === "non_housing" && facts.housing) continue;
    let quantity: number;
    switch (item.unit) {
      case "per_certificate":
        quantity = facts.certificates;
        break;
      case "per_square_meter":
        quantity = facts.areaSquareMeters ?? 0;
        break;
      case "per_mu":
        quantity = Math.round(((facts.areaSquareMeters ?? 0) / 666.667) * 100) / 100;
        break;
      case "per_page":
        quantity = facts.pages ?? 1;
        break;
      default:
        quantity = 1;
    }
    quantity = Math.max(0, quantity - (item.freeQuantity ?? 0));
    if (quantity === 0) continue;
    const grossFen = Math.round(item.amountFen * quantity);
    const exemption = fees.exemptions.find(
      (e) =>
        (!e.feeCodes || e.feeCodes.includes(item.code)) &&
        e.condition === "small_micro_enterprise" &&
        facts.smallMicroEnterprise,
    );
    lines.push({
      code: item.code,
      name: item.name,
      basis: item.basis,
      unit: item.unit,
      unitPriceFen: item.amountFen,
      quantity,
      grossFen,
      exemptionCode: exemption?.code ?? null,
      exemptionName: exemption?.name ?? null,
      amountFen: exemption ? 0 : grossFen,
    });
  }
  return lines;
}
