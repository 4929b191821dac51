export {
  generateKeyPair,
  keyFingerprint,
  SIGNING_ALGORITHMS,
  type SigningAlgorithm,
  signBytes,
  verifyBytes,
} from "./algorithms";
export { canonicalJson } from "./canonicalJson";
export {
  asSignedDocument,
  CERTIFICATE_FORMAT,
  type CertificateFormat,
  type DocumentCheck,
  LEGACY_CERTIFICATE_FORMAT,
  type PublishedKey,
  type PublishedKeySet,
  payloadDigest,
  publishedKey,
  publishedKeySet,
  type SignedDocument,
  signedBytes,
  signPayload,
  verifyDocument,
} from "./document";
export { jwkOf, keysFromPublishedSet, type PublicJwk, publicKeyPemFromJwk } from "./jwk";
export { configuredAlgorithm, defaultKeysDir, KeyStore, type StoredKey } from "./keyStore";
