import { eq } from "drizzle-orm";
import { renderNotice, type ServiceGuideSheetData } from "../../adapters/pdf";
import type { Executor } from "../../db/client";
import { organizations } from "../../db/schema";
import {
  FEE_UNITS,
  HANDLING_TYPES,
  MATERIAL_FORMS,
  MATERIAL_SOURCES,
  type TServiceItemContent,
} from "../../shared/catalog";
import { getServiceItem, type VersionSelector } from "./getServiceItem";

const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

/** The fee lines of the sheet: each fee with its amount and unit, then the exemptions. */
export function feeText(c: TServiceItemContent): { basis?: string; standard?: string } {
  if (!c.fees.charged) return {};
  const standard = c.fees.items
    .map((f) => {
      const free = f.freeQuantity
        ? `（前${f.freeQuantity}${f.unit === "per_certificate" ? "本" : "件"}免收）`
        : "";
      return `${f.name} ${yuan(f.amountFen)}${FEE_UNITS[f.unit]}${free}${f.note ? `，${f.note}` : ""}`;
    })
    .concat(c.fees.exemptions.map((e) => `减免：${e.name}`))
    .join("；");
  const basis = [
    ...new Set([...c.fees.items.map((f) => f.basis), ...c.fees.exemptions.map((e) => e.basis)]),
  ].join("；");
  return { basis, standard };
}

/**
 * The data of an item's one-time notification sheet (一次性告知单): everything the applicant must bring
 * and know, told once (行政许可法 Art. 30, 32) — from the version in effect (or the one selected).
 */
export async function oneTimeNoticeSheetData(
  ex: Executor,
  idOrCode: string,
  select: VersionSelector,
  today: string,
): Promise<{ data: ServiceGuideSheetData; code: string; name: string; version: number }> {
  const { item, version } = await getServiceItem(ex, idOrCode, select, today);
  const c = version.content;
  const [org] = await ex
    .select({ name: organizations.name, address: organizations.address, phone: organizations.phone })
    .from(organizations)
    .where(eq(organizations.id, item.orgId));
  const data: ServiceGuideSheetData = {
    issuedOn: today,
    org: { name: org.name, address: org.address ?? undefined, phone: c.consultationPhone },
    item: {
      // The published 事项编码, never the item's internal slug.
      code: c.catalogCode,
      name: c.name,
      kind: HANDLING_TYPES[c.handlingType],
      legalBasis: c.legalBasis.map((b) => `${b.title}${b.article ? b.article : ""}`).join("；"),
      conditions: c.acceptanceConditions,
      statutoryLimit: `${c.statutoryLimitDays}个工作日`,
      promisedLimit: c.handlingType === "immediate" ? "即办（当场办结）" : `${c.promisedLimitDays}个工作日`,
      visits: c.visitsRequired,
      online: c.online.available,
    },
    materials: c.materials.map((m) => ({
      name: m.name,
      required: m.required,
      form: MATERIAL_FORMS[m.form],
      copies: m.copies,
      deferrable: m.mayBeDeferred,
      source: MATERIAL_SOURCES[m.source],
      note: m.note,
    })),
    fees: { charged: c.fees.charged, ...feeText(c) },
    place: c.place,
    hours: c.hours,
    phones: { consult: c.consultationPhone, complaint: c.complaintPhone },
  };
  return { data, code: item.code, name: c.name, version: version.version };
}

/** The one-time notification sheet of an item as a PDF (the PDF adapter's 一次性告知单 template). */
export async function oneTimeNoticeSheetPdf(data: ServiceGuideSheetData): Promise<Buffer> {
  return renderNotice("guideSheet", data);
}
