import type { landContracts, landDeliveries } from "../../db/schema";
import type { LoadedProject } from "../projects/projectRows";

type Contract = typeof landContracts.$inferSelect;
type Delivery = typeof landDeliveries.$inferSelect;

/** Years of a land-use right by use (城镇国有土地使用权出让和转让暂行条例 Art. 12). */
const TERM_YEARS: Record<string, number> = { 城镇住宅用地: 70, 居住用地: 70, 商业服务业用地: 40 };

const officeDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The local date (Asia/Shanghai) of an instant, YYYY-MM-DD. */
export const localDateOf = (at: Date) => officeDate.format(at);

/**
 * Form defaults of an item from the project, the enterprise, the contract and the land delivery. The
 * term of the land-use right runs from the delivery of the land when there is one (the model contract's
 * 出让年期自出让人向受让人实际交付土地之日起算), else from the contract's signing.
 */
export function defaultForm(
  itemCode: string,
  p: LoadedProject,
  holder: { name: string; creditCode: string | null },
  contract: Contract | null,
  delivery: Delivery | null = null,
): Record<string, unknown> {
  const contractNo = contract?.number ?? delivery?.parcel.contractNo ?? p.parcel.contractNo ?? undefined;
  const signedOn = contract ? localDateOf(contract.signedAt) : undefined;
  if (itemCode === "construction-land-planning-permit")
    return {
      projectName: p.name,
      projectCode: p.code,
      location: p.parcel.location,
      landArea: p.parcel.areaSqm,
      landUse: p.parcel.use,
      supplyMethod: "出让",
      contractNo,
      contractDate: signedOn,
    };
  if (itemCode === "state-land-first-registration") {
    const years = TERM_YEARS[p.parcel.use] ?? 50;
    const start = delivery ? localDateOf(delivery.deliveredAt) : signedOn;
    const end = start ? `${Number(start.slice(0, 4)) + years}${start.slice(4)}` : undefined;
    return {
      rightHolder: holder.name,
      rightHolderCode: holder.creditCode ?? undefined,
      parcelLocation: p.parcel.location,
      parcelArea: p.parcel.areaSqm,
      landUse: p.parcel.use,
      rightNature: "出让",
      contractNo,
      termStart: start,
      termEnd: end,
      ...(p.parcel.boundary ? { boundary: p.parcel.boundary } : {}),
    };
  }
  return { projectName: p.name, projectCode: p.code };
}
