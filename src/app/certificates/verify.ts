import { eq } from "drizzle-orm";
import type { z } from "zod";
import { asSignedDocument, canonicalJson, signedBytes, verifyDocument } from "../../adapters/signing";
import { certificates } from "../../db/schema";
import { maskIdentifier } from "../../domain/rules/identifiers";
import type { ZVerifyQuery } from "../../shared/api/requests/certificates";
import type { AppContext } from "../context";
import { registeredKey } from "./keys";
import { effectiveStatus } from "./present";
import { todayFor } from "./queries";

/** Verification outcomes (GB/T 36906 verification service, simplified). */
export type VerificationResult = "valid" | "revoked" | "expired" | "unknown" | "tampered";

/** What the public sees: no personal identifiers (holder code masked). */
export type PublicVerification = {
  result: VerificationResult;
  certificate?: {
    name: string;
    number: string;
    issuerName: string;
    issuedOn: string;
    holderName: string;
    holderCode: string;
    validUntil: string | null;
    revokedAt: string | null;
    revocationKind: string | null;
    revocationReason: string | null;
    keyId: string;
    algorithm: string;
  };
};

type Row = typeof certificates.$inferSelect;

async function answer(ctx: AppContext, row: Row): Promise<PublicVerification> {
  const status = effectiveStatus(row, await todayFor(ctx, row.issuerOrgId));
  return {
    result: status,
    certificate: {
      name: row.name,
      number: row.number,
      issuerName: row.issuerName,
      issuedOn: row.issuedOn,
      holderName: row.holderName,
      holderCode: maskIdentifier(row.holderCode),
      validUntil: row.validUntil,
      revokedAt: row.revokedAt?.toISOString() ?? null,
      revocationKind: row.revocationKind,
      revocationReason: row.revocationReason,
      keyId: row.keyId,
      algorithm: row.algorithm,
    },
  };
}

/**
 * Public verification by the QR link's parameters (id, number, digest): unknown when no such
 * certificate, tampered when the number or digest does not match what was signed, else its status.
 */
export async function verifyByLink(
  ctx: AppContext,
  q: z.infer<typeof ZVerifyQuery>,
): Promise<PublicVerification> {
  const db = ctx.database.db;
  const [row] = q.id
    ? await db.select().from(certificates).where(eq(certificates.id, q.id))
    : q.no
      ? await db.select().from(certificates).where(eq(certificates.number, q.no))
      : [];
  if (!row) return { result: "unknown" };
  if ((q.no && q.no !== row.number) || (q.d && !row.payloadSha256.startsWith(q.d)))
    return { result: "tampered" };
  return answer(ctx, row);
}

/**
 * Public verification of a certificate JSON (payload + signature): unknown key or certificate →
 * unknown; a signature that fails, or a payload that differs from the register → tampered; else the
 * certificate's status (valid / revoked / expired).
 */
export async function verifyDocumentOnline(ctx: AppContext, input: unknown): Promise<PublicVerification> {
  const doc = asSignedDocument(input);
  if (!doc) return { result: "tampered" };
  const db = ctx.database.db;
  const key = await registeredKey(db, doc.signature.kid);
  if (!key) return { result: "unknown" };
  const check = verifyDocument(doc, [key]);
  if (!check.ok) return { result: check.reason === "unknown_key" ? "unknown" : "tampered" };
  const identifier = typeof doc.payload.identifier === "string" ? doc.payload.identifier : "";
  const [row] = await db.select().from(certificates).where(eq(certificates.identifier, identifier));
  if (!row) return { result: "unknown" };
  // The register holds what was signed: the same payload and, for format 2, the same signed bytes
  // (key id and signing time included).
  if (row.payloadCanonical !== canonicalJson(doc.payload)) return { result: "tampered" };
  if ((row.signedData ?? null) !== (check.legacy ? null : signedBytes(doc).toString("utf8")))
    return { result: "tampered" };
  return answer(ctx, row);
}
