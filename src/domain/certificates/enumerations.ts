/** Signature algorithms: Ed25519 (default) or SM2 with SM3 (GB/T 32918, GB/T 32905). */
export const SIGNING_ALGORITHMS = ["Ed25519", "SM2-SM3"] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** Certificate statuses (GB/T 36903 证照状态): valid, revoked (注销/撤销), expired. */
export const CERTIFICATE_STATUSES = ["valid", "revoked", "expired"] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** 注销 (cancelled: replaced, surrendered) or 撤销 (revoked: issued in error or by fraud). */
export const REVOCATION_KINDS = ["cancel", "revoke"] as const;
