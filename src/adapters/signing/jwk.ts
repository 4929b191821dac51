import { createPublicKey } from "node:crypto";
import type { SigningAlgorithm } from "./algorithms";
import type { PublishedKey } from "./document";

/**
 * SubjectPublicKeyInfo DER header of an SM2 public key (GB/T 32918.5 curve): SEQUENCE { SEQUENCE {
 * id-ecPublicKey 1.2.840.10045.2.1, sm2 1.2.156.10197.1.301 }, BIT STRING 04‖x‖y } — what OpenSSL
 * writes for `-----BEGIN PUBLIC KEY-----` of an SM2 key. Node's JWK import knows no SM2 curve.
 */
const SM2_SPKI_PREFIX = Buffer.from("3059301306072a8648ce3d020106082a811ccf5501822d034200", "hex");

/** A public key as a JWKS entry (`/.well-known/jwks.json`): RFC 8037 OKP for Ed25519, EC/SM2 for SM2. */
export type PublicJwk = {
  kty: string;
  crv: string;
  x: string;
  y?: string;
  kid?: string;
  alg?: string;
  use?: string;
  org?: string;
  issuerCode?: string;
  issuerName?: string;
};

/** The signing algorithm a JWK is for: Ed25519 (alg `Ed25519` or RFC 8037's `EdDSA`) or SM2-SM3. */
function algorithmOf(jwk: PublicJwk): SigningAlgorithm | null {
  if (jwk.kty === "OKP" && jwk.crv === "Ed25519") return "Ed25519";
  if (jwk.kty === "EC" && jwk.crv === "SM2") return "SM2-SM3";
  return null;
}

/**
 * The SPKI PEM of a published JWK: Ed25519 through node:crypto's JWK import (RFC 8037), SM2 by
 * putting x and y (32 bytes each, base64url) behind the SM2 SPKI header. Throws on other keys.
 */
export function publicKeyPemFromJwk(jwk: PublicJwk): string {
  const alg = algorithmOf(jwk);
  if (alg === "Ed25519")
    return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: jwk.x }, format: "jwk" })
      .export({ type: "spki", format: "pem" })
      .toString();
  if (alg === "SM2-SM3") {
    const x = Buffer.from(jwk.x, "base64url");
    const y = Buffer.from(jwk.y ?? "", "base64url");
    if (x.length !== 32 || y.length !== 32) throw new RangeError("SM2 JWK: x and y must be 32 bytes each");
    const der = Buffer.concat([SM2_SPKI_PREFIX, Buffer.from([0x04]), x, y]);
    return createPublicKey({ key: der, format: "der", type: "spki" })
      .export({ type: "spki", format: "pem" })
      .toString();
  }
  throw new RangeError(`unsupported JWK (kty ${jwk.kty}, crv ${jwk.crv})`);
}

/**
 * The public keys of a published key set, whichever of the two documents it is: the keys document
 * (`/.well-known/yizhan-keys.json`, with a PEM per key) or the JWKS (`/.well-known/jwks.json`, keys
 * as JWKs only). Entries that are not signing keys of a known algorithm are skipped.
 */
export function keysFromPublishedSet(json: unknown): PublishedKey[] {
  const list = (json as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) throw new RangeError('not a key set: no "keys" array');
  const out: PublishedKey[] = [];
  for (const entry of list as (PublicJwk & Partial<PublishedKey>)[]) {
    if (!entry || typeof entry !== "object" || typeof entry.kid !== "string") continue;
    const alg = algorithmOf(entry);
    if (!alg) continue;
    let pem = typeof entry.publicKeyPem === "string" ? entry.publicKeyPem : undefined;
    try {
      pem ??= publicKeyPemFromJwk(entry);
    } catch {
      continue;
    }
    out.push({
      kid: entry.kid,
      alg,
      kty: alg === "Ed25519" ? "OKP" : "EC",
      crv: alg === "Ed25519" ? "Ed25519" : "SM2",
      x: entry.x,
      ...(entry.y ? { y: entry.y } : {}),
      use: "sig",
      org: entry.org ?? "",
      ...(entry.issuerCode ? { issuerCode: entry.issuerCode } : {}),
      ...(entry.issuerName ? { issuerName: entry.issuerName } : {}),
      publicKeyPem: pem,
      created: entry.created ?? "",
      retired: entry.retired ?? null,
    });
  }
  return out;
}

/** A published key as a JWKS entry: the JWK members, the key's issuer, no PEM. */
export function jwkOf(k: PublishedKey): PublicJwk & { retired?: string } {
  return {
    kty: k.kty,
    crv: k.crv,
    x: k.x,
    ...(k.y ? { y: k.y } : {}),
    kid: k.kid,
    alg: k.alg,
    use: k.use,
    org: k.org,
    ...(k.issuerCode ? { issuerCode: k.issuerCode } : {}),
    ...(k.issuerName ? { issuerName: k.issuerName } : {}),
    ...(k.retired ? { retired: k.retired } : {}),
  };
}
