import { CERTIFICATE_FORMAT, LEGACY_CERTIFICATE_FORMAT, type SignedDocument } from "../../adapters/signing";
import type { certificates } from "../../db/schema";
import { maskIdentifier } from "../../domain/rules/identifiers";
import type { TCertificate } from "../../shared/api/certificates";
import type { CertificateField } from "./content";

type CertificateRow = typeof certificates.$inferSelect;

/** The status a certificate has today: revoked, expired (past its validity), else valid. */
export function effectiveStatus(row: Pick<CertificateRow, "status" | "validUntil">, today: string) {
  if (row.status === "revoked") return "revoked" as const;
  if (row.status === "expired" || (row.validUntil !== null && row.validUntil < today))
    return "expired" as const;
  return "valid" as const;
}

/**
 * The public verification link printed as the QR code: id, number and the payload digest prefix, on
 * the deployment's public address (`ctx.config.publicUrl`).
 */
export function verifyUrl(
  row: Pick<CertificateRow, "id" | "number" | "payloadSha256">,
  publicUrl: string,
): string {
  const q = new URLSearchParams({ id: row.id, no: row.number, d: row.payloadSha256.slice(0, 16) });
  return `${publicUrl}/verify?${q.toString()}`;
}

/** Field whitelist of a certificate for its holder and the office (holder code masked). */
export function presentCertificate(
  row: CertificateRow,
  today: string,
  abilities: Record<string, boolean>,
  publicUrl: string,
): TCertificate {
  return {
    id: row.id,
    identifier: row.identifier,
    name: row.name,
    typeKey: row.typeKey,
    typeCode: row.typeCode,
    number: row.number,
    issuerName: row.issuerName,
    issuerCode: row.issuerCode,
    jurisdictionCode: row.jurisdictionCode,
    issuedOn: row.issuedOn,
    holderName: row.holderName,
    holderCode: maskIdentifier(row.holderCode),
    holderCodeType: row.holderCodeType,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    status: effectiveStatus(row, today),
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    itemCode: row.itemCode,
    itemName: row.itemName,
    fields: ((row.fields as { list?: CertificateField[] }).list ?? []) as CertificateField[],
    hasBoundary: row.boundary !== null,
    keyId: row.keyId,
    algorithm: row.algorithm,
    signedAt: row.signedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revocationKind: row.revocationKind,
    revocationReason: row.revocationReason,
    verifyUrl: verifyUrl(row, publicUrl),
    abilities,
  };
}
export type CertificateView = ReturnType<typeof presentCertificate>;

/**
 * The signed JSON of a certificate as the register holds it: format 2 (payload, key id and signing
 * time signed, the signed bytes included) or, for certificates issued before it, format 1 (the
 * payload alone was signed) — so that every certificate ever issued still verifies as it was signed.
 */
export function signedDocumentOf(
  row: Pick<CertificateRow, "payload" | "algorithm" | "keyId" | "signature" | "signedAt" | "signedData">,
): SignedDocument {
  const signature = {
    alg: row.algorithm,
    kid: row.keyId,
    signedAt: row.signedAt.toISOString(),
    ...(row.algorithm === "SM2-SM3" ? { sm2Id: "" } : {}),
  };
  if (row.signedData === null)
    return {
      format: LEGACY_CERTIFICATE_FORMAT,
      payload: row.payload,
      signature: { ...signature, value: row.signature },
    };
  return {
    format: CERTIFICATE_FORMAT,
    payload: row.payload,
    signature: {
      ...signature,
      signedData: Buffer.from(row.signedData, "utf8").toString("base64"),
      value: row.signature,
    },
  };
}
