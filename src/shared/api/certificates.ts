/**
 * E-certificates (电子证照, GB/T 36903) on the wire: the certificate, the signed JSON, public
 * verification and the published signing keys.
 */
import { z } from "zod";
import { ZAbilities, ZInstant, ZJsonObject, ZLocalDate } from "./common";

const ZAlgorithm = z.enum(["Ed25519", "SM2-SM3"]);

/** A certificate for its holder and the issuing office (holder code masked). */
export const ZCertificate = z
  .object({
    id: z.string(),
    identifier: z.string(),
    name: z.string(),
    typeKey: z.string(),
    typeCode: z.string(),
    number: z.string(),
    issuerName: z.string(),
    issuerCode: z.string(),
    jurisdictionCode: z.string(),
    issuedOn: ZLocalDate,
    holderName: z.string(),
    holderCode: z.string().describe("Masked"),
    holderCodeType: z.string().describe("001 统一社会信用代码, 111 居民身份证"),
    validFrom: ZLocalDate,
    validUntil: ZLocalDate.nullable(),
    status: z.enum(["valid", "revoked", "expired"]).describe("As of today"),
    caseId: z.string(),
    caseNumber: z.string(),
    itemCode: z.string(),
    itemName: z.string(),
    fields: z.array(z.object({ name: z.string(), value: z.string() })),
    hasBoundary: z.boolean(),
    keyId: z.string(),
    algorithm: ZAlgorithm,
    signedAt: ZInstant,
    revokedAt: ZInstant.nullable(),
    revocationKind: z.enum(["cancel", "revoke"]).nullable(),
    revocationReason: z.string().nullable(),
    verifyUrl: z.string().describe("The public verification link printed as the QR code"),
    abilities: ZAbilities,
  })
  .meta({ id: "Certificate" });
export type TCertificate = z.infer<typeof ZCertificate>;

/**
 * The certificate as signed JSON (format 2; format 1 for certificates issued before it), verifiable
 * offline. Keys in the order they are sent (the serializer writes a schema's order): the documented
 * OpenSSL commands read `signedData` followed by `value` (docs/certificates.md).
 */
export const ZSignedCertificate = z.object({
  format: z.enum(["yizhan-certificate/2", "yizhan-certificate/1"]),
  payload: ZJsonObject,
  signature: z.object({
    alg: ZAlgorithm,
    kid: z.string(),
    signedAt: z.string(),
    sm2Id: z.string().optional().describe("SM2 only: the signer ID (empty)"),
    signedData: z.string().optional().describe("Format 2: base64 of the exact bytes signed"),
    value: z.string().describe("base64 (DER for SM2, 64 raw bytes for Ed25519)"),
  }),
});

/** What the public sees of a verification: the outcome and, when known, the certificate (holder masked). */
export const ZVerification = z.object({
  result: z.enum(["valid", "revoked", "expired", "unknown", "tampered"]),
  certificate: z
    .object({
      name: z.string(),
      number: z.string(),
      issuerName: z.string(),
      issuedOn: ZLocalDate,
      holderName: z.string(),
      holderCode: z.string(),
      validUntil: ZLocalDate.nullable(),
      revokedAt: ZInstant.nullable(),
      revocationKind: z.string().nullable(),
      revocationReason: z.string().nullable(),
      keyId: z.string(),
      algorithm: z.string(),
    })
    .optional(),
});

/** A public signing key as published (JWKS-like, with its PEM and its issuer), keys in the order sent. */
export const ZPublishedKey = z.object({
  kid: z.string(),
  alg: ZAlgorithm,
  use: z.literal("sig"),
  org: z.string(),
  issuerCode: z.string().optional(),
  issuerName: z.string().optional(),
  publicKeyPem: z.string(),
  created: ZInstant,
  retired: ZInstant.nullable(),
  kty: z.enum(["OKP", "EC"]),
  crv: z.enum(["Ed25519", "SM2"]),
  x: z.string(),
  y: z.string().optional(),
});

/** The document at `/.well-known/yizhan-keys.json`. */
export const ZPublishedKeySet = z.object({ issuer: z.string(), keys: z.array(ZPublishedKey) });

/** The keys as a JWKS (`/.well-known/jwks.json`). */
export const ZJwks = z.object({
  keys: z.array(
    z.object({
      kty: z.string(),
      crv: z.string(),
      x: z.string(),
      y: z.string().optional(),
      kid: z.string().optional(),
      alg: z.string().optional(),
      use: z.string().optional(),
      org: z.string().optional(),
      issuerCode: z.string().optional(),
      issuerName: z.string().optional(),
      retired: ZInstant.optional(),
    }),
  ),
});

export const ZCertificateList = z.object({ items: z.array(ZCertificate) });
