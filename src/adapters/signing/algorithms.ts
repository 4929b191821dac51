import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from "node:crypto";

/** Ed25519 (RFC 8032, the default) or SM2 signature with SM3 (GB/T 32918.2, GB/T 32905). */
import type { SigningAlgorithm } from "../../domain/certificates/enumerations";

export { SIGNING_ALGORITHMS, type SigningAlgorithm } from "../../domain/certificates/enumerations";

/** A freshly generated key pair as PEM (PKCS#8 private, SPKI public). */
export type PemKeyPair = { privateKeyPem: string; publicKeyPem: string };

/** Generates a key pair for `alg` with node:crypto (SM2 on the curve of GB/T 32918.5). */
export function generateKeyPair(alg: SigningAlgorithm): PemKeyPair {
  const pair =
    alg === "Ed25519" ? generateKeyPairSync("ed25519") : generateKeyPairSync("ec", { namedCurve: "SM2" });
  return {
    privateKeyPem: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/**
 * Signs bytes. SM2: keys are re-read from PEM so OpenSSL treats them as SM2 keys (not plain EC), and
 * the signature is SM2 with SM3 over Z‖M where Z uses an EMPTY signer ID — what OpenSSL 3.0 does
 * when no `distid` is set. `openssl pkeyutl -verify -rawin -digest sm3` (without distid) verifies it;
 * implementations that default to the ID "1234567812345678" (GmSSL, sm-crypto) do not (docs/certificates.md).
 */
export function signBytes(alg: SigningAlgorithm, privateKeyPem: string, data: Buffer): Buffer {
  const key = createPrivateKey(privateKeyPem);
  return alg === "Ed25519" ? sign(null, data, key) : sign("sm3", data, key);
}

/** Verifies a signature made by {@link signBytes}; false (never a throw) for malformed input. */
export function verifyBytes(
  alg: SigningAlgorithm,
  publicKeyPem: string,
  data: Buffer,
  signature: Buffer,
): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    return alg === "Ed25519" ? verify(null, data, key, signature) : verify("sm3", data, key, signature);
  } catch {
    return false;
  }
}

/** SHA-256 fingerprint (hex) of a public key's SPKI DER: the basis of key ids. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex");
}
