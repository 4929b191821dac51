import QRCode from "qrcode";
import { type CertificatePdfData, certificateDocument } from "../../adapters/pdf/certificate";
import { renderPdf } from "../../adapters/pdf/render";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { authorize } from "../policies";
import { eventLogReference } from "../transparency/links";
import { HOLDER_CODE_TYPES } from "./content";
import { verifyUrl } from "./present";
import { loadCertificate } from "./queries";

/** The case event that issues a certificate (the `issue` command). */
const ISSUE_EVENTS = ["case.issued"];

/**
 * The certificate as PDF, laid out like the paper one, with the QR code of its public verification
 * link (GB/T 36905: 2-D code) and the red-line map annex when the case had a parcel boundary.
 * Deterministic: rendered from the stored, signed payload.
 */
export async function certificatePdf(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadCertificate(ctx, id);
  authorize(actor, "download", "certificate", c.policy);
  const url = verifyUrl(c, ctx.config.publicUrl);
  const p = c.payload as { nameEn?: string; fields?: CertificatePdfData["fields"] };
  const data: CertificatePdfData = {
    name: c.name,
    nameEn: p.nameEn,
    number: c.number,
    identifier: c.identifier,
    typeCode: c.typeCode,
    issuerName: c.issuerName,
    issuerCode: c.issuerCode,
    jurisdictionCode: c.jurisdictionCode,
    issuedOn: c.issuedOn,
    holderName: c.holderName,
    holderCodeTypeName: HOLDER_CODE_TYPES[c.holderCodeType as keyof typeof HOLDER_CODE_TYPES] ?? "证件号码",
    holderCode: c.holderCode,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    fields: p.fields ?? [],
    qrDataUrl: await QRCode.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: "M" }),
    verifyUrl: url,
    keyId: c.keyId,
    algorithm: c.algorithm,
    boundary: c.boundary as CertificatePdfData["boundary"],
    // The issuing event's place in the transparency log, as it stands when the PDF is made (docs/transparency.md).
    transparency: c.caseId
      ? await eventLogReference(ctx.database.db, ctx.config.publicUrl, c.caseId, c.createdAt, ISSUE_EVENTS)
      : undefined,
  };
  return { bytes: await renderPdf(certificateDocument(data)), fileName: `${c.name}-${c.number}.pdf` };
}
