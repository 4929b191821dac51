import { createHash, createPublicKey } from "node:crypto";
import { type SigningAlgorithm, signBytes, verifyBytes } from "./algorithms";
import { canonicalJson } from "./canonicalJson";

/** The format tag of a signed certificate document. */
export const CERTIFICATE_FORMAT = "yizhan-certificate/1";

/** A certificate as JSON with its detached signature over the canonical JSON of `payload`. */
export type SignedDocument = {
  format: typeof CERTIFICATE_FORMAT;
  payload: Record<string, unknown>;
  signature: {
    alg: SigningAlgorithm;
    kid: string;
    /** base64 (DER for SM2, 64 raw bytes for Ed25519). */
    value: string;
    /** SM2 only: the signer ID used in Z (empty; see algorithms.ts). */
    sm2Id?: string;
    signedAt: string;
  };
};

/** A published public key (JWKS-like entry plus the PEM). */
export type PublishedKey = {
  kid: string;
  alg: SigningAlgorithm;
  kty: "OKP" | "EC";
  crv: "Ed25519" | "SM2";
  x: string;
  y?: string;
  use: "sig";
  org: string;
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
}): PublishedKey {
  const der = createPublicKey(k.publicKeyPem).export({ type: "spki", format: "der" });
  const base = {
    kid: k.kid,
    alg: k.algorithm,
    use: "sig" as const,
    org: k.orgCode,
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

/** Signs a payload: canonical JSON (RFC 8785) → Ed25519 or SM2-SM3 with the key `kid`. */
export function signPayload(
  payload: Record<string, unknown>,
  key: { kid: string; algorithm: SigningAlgorithm; privateKeyPem: string },
  signedAt: Date,
): SignedDocument {
  const value = signBytes(key.algorithm, key.privateKeyPem, Buffer.from(canonicalJson(payload), "utf8"));
  return {
    format: CERTIFICATE_FORMAT,
    payload,
    signature: {
      alg: key.algorithm,
      kid: key.kid,
      value: value.toString("base64"),
      ...(key.algorithm === "SM2-SM3" ? { sm2Id: "" } : {}),
      signedAt: signedAt.toISOString(),
    },
  };
}

/** The outcome of checking a signature. */
export type DocumentCheck =
  | { ok: true; kid: string; key: PublishedKey }
  | { ok: false; reason: "malformed" | "unknown_key" | "bad_signature" };

/** Parses untrusted input as a signed document (null when it does not have the shape). */
export function asSignedDocument(input: unknown): SignedDocument | null {
  if (!input || typeof input !== "object") return null;
  const d = input as Partial<SignedDocument>;
  const s = d.signature;
  if (
    d.format !== CERTIFICATE_FORMAT ||
    !d.payload ||
    typeof d.payload !== "object" ||
    Array.isArray(d.payload)
  )
    return null;
  if (
    !s ||
    typeof s.kid !== "string" ||
    typeof s.value !== "string" ||
    (s.alg !== "Ed25519" && s.alg !== "SM2-SM3")
  )
    return null;
  return d as SignedDocument;
}

/**
 * Verifies a signed document against published keys, offline (no database): the key must be known
 * (active or retired — rotation never invalidates old certificates) and of the stated algorithm.
 */
export function verifyDocument(input: unknown, keys: readonly PublishedKey[]): DocumentCheck {
  const doc = asSignedDocument(input);
  if (!doc) return { ok: false, reason: "malformed" };
  const key = keys.find((k) => k.kid === doc.signature.kid);
  if (!key || key.alg !== doc.signature.alg) return { ok: false, reason: "unknown_key" };
  let data: Buffer;
  try {
    data = Buffer.from(canonicalJson(doc.payload), "utf8");
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const ok = verifyBytes(key.alg, key.publicKeyPem, data, Buffer.from(doc.signature.value, "base64"));
  return ok ? { ok: true, kid: key.kid, key } : { ok: false, reason: "bad_signature" };
}
