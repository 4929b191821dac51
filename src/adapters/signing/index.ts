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
  type DocumentCheck,
  type PublishedKey,
  type PublishedKeySet,
  payloadDigest,
  publishedKey,
  publishedKeySet,
  type SignedDocument,
  signPayload,
  verifyDocument,
} from "./document";
export { configuredAlgorithm, defaultKeysDir, KeyStore, type StoredKey } from "./keyStore";
