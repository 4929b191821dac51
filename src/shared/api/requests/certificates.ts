/**
 * Requests of the certificates operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";
import { multiline } from "../../text";

export const ZRevokeCertificate = z.object({
  /** cancel 注销 (e.g. the right ended, replaced) / revoke 撤销 (issued in error or unlawfully). */
  kind: z.enum(["cancel", "revoke"]),
  reason: multiline(z.string().trim().min(2).max(500)),
});

export const ZVerifyQuery = z.object({
  id: z.uuid().optional(),
  no: z.string().max(80).optional(),
  /** First 16+ hex characters of the SHA-256 of the canonical payload (from the QR link). */
  d: z
    .string()
    .regex(/^[0-9a-f]{8,64}$/)
    .optional(),
});

export const ZCertificateIdParams = z.object({ id: z.uuid() });

export const ZVerifyCertificateDocumentBody = z
  .unknown()
  .describe("A certificate JSON as downloaded (format, payload, signature); anything else is `tampered`");

export const ZGetSigningKeyPemParams = z.object({ file: z.string().max(80) });
