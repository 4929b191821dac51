import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { caseMaterials, certificates } from "../../db/schema";

/** The local (Beijing) date of an instant. */
const beijingDate = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Once-only (最多跑一次, 数据共享): for each material of a new case that is the result of another item
 * (`source` 'certificate', `sourceRef` the producing item's code), attaches the holder's valid
 * certificate from the wallet (证照库) — no upload. The material becomes 'provided' with
 * `sourceRef` = certificate id and the label the clerk's checklist shows. Returns how many were attached.
 */
export async function attachWalletCertificates(tx: Tx, caseId: string, applicantId: string, now: Date) {
  const wanted = await tx
    .select()
    .from(caseMaterials)
    .where(and(eq(caseMaterials.caseId, caseId), eq(caseMaterials.source, "certificate")));
  const today = beijingDate(now);
  let attached = 0;
  for (const m of wanted) {
    if (!m.sourceRef) continue;
    const found = await tx
      .select()
      .from(certificates)
      .where(
        and(
          eq(certificates.holderUserId, applicantId),
          eq(certificates.itemCode, m.sourceRef),
          eq(certificates.status, "valid"),
        ),
      )
      .orderBy(desc(certificates.issuedOn));
    const cert = found.find((c) => c.validUntil === null || c.validUntil >= today);
    if (!cert) continue;
    await tx
      .update(caseMaterials)
      .set({
        sourceRef: cert.id,
        sourceLabel: `证照库：${cert.name} No. ${cert.number}`,
        status: "provided",
        updatedAt: now,
      })
      .where(eq(caseMaterials.id, m.id));
    attached++;
  }
  return attached;
}
