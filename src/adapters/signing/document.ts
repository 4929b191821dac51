import { createHash, createPublicKey } from "node:crypto";
import { type SigningAlgorithm, signBytes, verifyBytes } from "./algorithms";
import { canonicalJson } from "./canonicalJson";

/** The format tag of a signed certificate document. */
export const CERTIFICATE_FORMAT = "yizhan-certificate/2";
/**
 * The first format (until issue 11): the signature covered the canonical payload only, not `signedAt`
 * or the key id. Documents of this format still verify (the register keeps what was signed).
 */
export const LEGACY_CERTIFICATE_FORMAT = "yizhan-certificate/1";
export type CertificateFormat = typeof CERTIFICATE_FORMAT | typeof LEGACY_CERTIFICATE_FORMAT;

/** A certificate as JSON with its detached signature. */
export type SignedDocument = {
  format: CertificateFormat;
  payload: Record<string, unknown>;
  signature: {
    alg: SigningAlgorithm;
    kid: string;
    /** base64 (DER for SM2, 64 raw bytes for Ed25519). */
    value: string;
    /** SM2 only: the signer ID used in Z (empty; see algorithms.ts). */
    sm2Id?: string;
    signedAt: string;
    /**
     * Format 2: base64 of the exact bytes signed — {@link signedBytes} of this document — so that an
     * outside verifier needs no JSON canonicalizer (`openssl pkeyutl -verify -rawin`, docs/certificates.md).
     */
    signedData?: string;
  };
};

/**
 * The bytes a format-2 signature covers: the UTF-8 canonical JSON (RFC 8785) of
 * `{ alg, format, kid, payload, signedAt }` (+ `sm2Id` for SM2) — the key id and the signing time are
 * signed with the payload. Format 1 (legacy): the canonical JSON of the payload alone.
 */
export function signedBytes(doc: Pick<SignedDocument, "format" | "payload" | "signature">): Buffer {
  if (doc.format === LEGACY_CERTIFICATE_FORMAT) return Buffer.from(canonicalJson(doc.payload), "utf8");
  const s = doc.signature;
  return Buffer.from(
    canonicalJson({
      alg: s.alg,
      format: doc.format,
      kid: s.kid,
      payload: doc.payload,
      signedAt: s.signedAt,
      ...(s.sm2Id !== undefined ? { sm2Id: s.sm2Id } : {}),
    }),
    "utf8",
  );
}

/** A published public key (JWKS-like entry plus the PEM). */
export type PublishedKey = {
  kid: string;
  alg: SigningAlgorithm;
  kty: "OKP" | "EC";
  crv: "Ed25519" | "SM2";
  x: string;
  y?: string;
  use: "sig";
  /** The organization's code in this deployment. */
  org: string;
  /** The issuer as certificates name it (`payload.issuer.code` / `.name`): which key belongs to whom. */
  issuerCode?: string;
  issuerName?: string;
  publicKeyPem: string;
  created: string;
  retired: string | null;
};

/** The document served at `/.well-known/yizhan-keys.json`. */
export type PublishedKeySet = { issuer: string; keys: PublishedKey[] };

const b64url = (b: Buffer) => b.toString("base64url");

/** Builds the published (JWKS-like) form of a public key (RFC 8037 for Ed25519; x/y for SM2). */
export function publishedKey(k: {
  kid: string;
  orgCode: string;
  algorithm: SigningAlgorithm;
  publicKeyPem: string;
  createdAt: string;
  retiredAt: string | null;
  issuerCode?: string;
  issuerName?: string;
}): PublishedKey {
  const der = createPublicKey(k.publicKeyPem).export({ type: "spki", format: "der" });
  const base = {
    kid: k.kid,
    alg: k.algorithm,
    use: "sig" as const,
    org: k.orgCode,
    ...(k.issuerCode ? { issuerCode: k.issuerCode } : {}),
    ...(k.issuerName ? { issuerName: k.issuerName } : {}),
    publicKeyPem: k.publicKeyPem,
    created: k.createdAt,
    retired: k.retiredAt,
  };
  if (k.algorithm === "Ed25519")
    return { ...base, kty: "OKP", crv: "Ed25519", x: b64url(der.subarray(der.length - 32)) };
  const point = der.subarray(der.length - 65);
  return { ...base, kty: "EC", crv: "SM2", x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33)) };
}

/** The key set as published. */
export function publishedKeySet(issuer: string, keys: Parameters<typeof publishedKey>[0][]): PublishedKeySet {
  return { issuer, keys: keys.map(publishedKey) };
}

/** SHA-256 (hex) of a payload's canonical JSON: printed in the QR link, stored with the certificate. */
export function payloadDigest(payload: Record<string, unknown>): string {
  return createHash("sha256").update(canonicalJson(payload), "utf8").digest("hex");
}

/**
 * Signs a payload (format 2): the canonical JSON of the payload together with the algorithm, the key
 * id and the signing time ({@link signedBytes}), with Ed25519 or SM2-SM3. The document carries the
 * signed bytes (`signature.signedData`) for verifiers without a canonicalizer.
 */
export function signPayload(
  payload: Record<string, unknown>,
  key: { kid: string; algorithm: SigningAlgorithm; privateKeyPem: string },
  signedAt: Date,
): SignedDocument {
  const unsigned = {
    format: CERTIFICATE_FORMAT,
    payload,
    signature: {
      alg: key.algorithm,
      kid: key.kid,
      signedAt: signedAt.toISOString(),
      ...(key.algorithm === "SM2-SM3" ? { sm2Id: "" } : {}),
      value: "",
    },
  } satisfies SignedDocument;
  const data = signedBytes(unsigned);
  const value = signBytes(key.algorithm, key.privateKeyPem, data);
  return {
    ...unsigned,
    signature: {
      ...unsigned.signature,
      signedData: data.toString("base64"),
      value: value.toString("base64"),
    },
  };
}

/** The outcome of checking a signature. */
export type DocumentCheck =
  | { ok: true; kid: string; key: PublishedKey; legacy: boolean }
  | { ok: false; reason: "malformed" | "unknown_key" | "bad_signature" | "wrong_issuer" };

/** Parses untrusted input as a signed document (null when it does not have the shape). */
export function asSignedDocument(input: unknown): SignedDocument | null {
  if (!input || typeof input !== "object") return null;
  const d = input as Partial<SignedDocument>;
  const s = d.signature;
  if (
    (d.format !== CERTIFICATE_FORMAT && d.format !== LEGACY_CERTIFICATE_FORMAT) ||
    !d.payload ||
    typeof d.payload !== "object" ||
    Array.isArray(d.payload)
  )
    return null;
  if (
    !s ||
    typeof s.kid !== "string" ||
    typeof s.value !== "string" ||
    (s.alg !== "Ed25519" && s.alg !== "SM2-SM3") ||
    (d.format === CERTIFICATE_FORMAT && typeof s.signedAt !== "string") ||
    (s.signedData !== undefined && typeof s.signedData !== "string")
  )
    return null;
  return d as SignedDocument;
}

/**
 * Verifies a signed document against published keys, offline (no database): the key must be known
 * (active or retired — rotation never invalidates old certificates), of the stated algorithm and,
 * when the key names its issuer, the issuer the certificate names. Format 2 checks the signature over
 * the payload, key id and time (and that `signedData`, when present, is exactly those bytes); format 1
 * (legacy) over the payload alone.
 */
export function verifyDocument(input: unknown, keys: readonly PublishedKey[]): DocumentCheck {
  const doc = asSignedDocument(input);
  if (!doc) return { ok: false, reason: "malformed" };
  const key = keys.find((k) => k.kid === doc.signature.kid);
  if (!key || key.alg !== doc.signature.alg) return { ok: false, reason: "unknown_key" };
  let data: Buffer;
  try {
    data = signedBytes(doc);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (doc.signature.signedData !== undefined && doc.signature.signedData !== data.toString("base64"))
    return { ok: false, reason: "bad_signature" };
  const ok = verifyBytes(key.alg, key.publicKeyPem, data, Buffer.from(doc.signature.value, "base64"));
  if (!ok) return { ok: false, reason: "bad_signature" };
  const issuer = (doc.payload.issuer as { code?: unknown } | undefined)?.code;
  if (key.issuerCode && typeof issuer === "string" && issuer !== key.issuerCode)
    return { ok: false, reason: "wrong_issuer" };
  return { ok: true, kid: key.kid, key, legacy: doc.format === LEGACY_CERTIFICATE_FORMAT };
}
