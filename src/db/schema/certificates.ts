import { date, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  CERTIFICATE_STATUSES,
  REVOCATION_KINDS,
  SIGNING_ALGORITHMS,
} from "../../domain/certificates/enumerations";
import { cases } from "./cases";
import { id, instant } from "./common";
import { organizations } from "./organizations";
import { users } from "./users";

const localDate = (name: string) => date(name, { mode: "string" });

/**
 * Registry of the public signing keys of issuing organizations. Private keys never enter the
 * database: they live in `$YIZHAN_KEYS_DIR`. Retired keys stay here so old certificates verify.
 */
export const signingKeys = pgTable(
  "signing_keys",
  {
    kid: text("kid").primaryKey(),
    orgCode: text("org_code").notNull(),
    algorithm: text("algorithm", { enum: SIGNING_ALGORITHMS }).notNull(),
    publicKeyPem: text("public_key_pem").notNull(),
    createdAt: instant("created_at").notNull(),
    retiredAt: instant("retired_at"),
  },
  (t) => [index("signing_keys_org_idx").on(t.orgCode)],
);

/**
 * An issued e-certificate (电子证照) with the metadata of GB/T 36903 (证照标识, 名称, 类型代码, 编号,
 * 颁发机构 and its code, 颁发日期, 持证主体 and its code type, 有效期, 签章, 管辖属地编码), the
 * type-specific fields (不动产权证书: 证号, 不动产单元号, 坐落 …) and the signature over the canonical
 * JSON of the payload.
 */
export const certificates = pgTable(
  "certificates",
  {
    id: id(),
    /** 证照标识 (GB/T 36904): type code + issuer code + number, globally unique. */
    identifier: text("identifier").notNull(),
    /** Certificate type of the catalog (seed/catalog/certificate-types.yaml). */
    typeKey: text("type_key").notNull(),
    /** 类型代码. */
    typeCode: text("type_code").notNull(),
    /** 名称. */
    name: text("name").notNull(),
    /** 编号 / 证号. */
    number: text("number").notNull(),
    issuerOrgId: uuid("issuer_org_id")
      .notNull()
      .references(() => organizations.id),
    issuerName: text("issuer_name").notNull(),
    /** 颁发机构代码 (统一社会信用代码 of the office, else its org code). */
    issuerCode: text("issuer_code").notNull(),
    /** 管辖属地编码 (administrative division code, GB/T 2260). */
    jurisdictionCode: text("jurisdiction_code").notNull(),
    issuedOn: localDate("issued_on").notNull(),
    holderUserId: uuid("holder_user_id")
      .notNull()
      .references(() => users.id),
    holderName: text("holder_name").notNull(),
    holderCode: text("holder_code").notNull(),
    /** 持证主体代码类型代码: 001 统一社会信用代码, 111 居民身份证. */
    holderCodeType: text("holder_code_type").notNull(),
    validFrom: localDate("valid_from").notNull(),
    /** Null: 长期有效. */
    validUntil: localDate("valid_until"),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    caseNumber: text("case_number").notNull(),
    itemCode: text("item_code").notNull(),
    itemName: text("item_name").notNull(),
    /** Type-specific content (不动产权证书: 不动产单元号, 坐落, 权利人 …). */
    fields: jsonb("fields").$type<Record<string, unknown>>().notNull().default({}),
    /** GeoJSON boundary for the red-line map annex (红线图), when the case had one. */
    boundary: jsonb("boundary").$type<Record<string, unknown> | null>(),
    status: text("status", { enum: CERTIFICATE_STATUSES }).notNull().default("valid"),
    revokedAt: instant("revoked_at"),
    revokedBy: uuid("revoked_by").references(() => users.id),
    /** cancel 注销 / revoke 撤销. */
    revocationKind: text("revocation_kind", { enum: REVOCATION_KINDS }),
    revocationReason: text("revocation_reason"),
    /** 签章名称 / 签章人. */
    sealName: text("seal_name").notNull(),
    signedAt: instant("signed_at").notNull(),
    keyId: text("key_id")
      .notNull()
      .references(() => signingKeys.kid),
    algorithm: text("algorithm", { enum: SIGNING_ALGORITHMS }).notNull(),
    /**
     * base64 signature over the signed bytes: `signedData` (format yizhan-certificate/2: payload, key id
     * and signing time), or `payloadCanonical` when `signedData` is null (format 1, issued before
     * issue 11: the payload only).
     */
    signature: text("signature").notNull(),
    /** The exact bytes signed (UTF-8 canonical JSON, format 2); null for certificates of format 1. */
    signedData: text("signed_data"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** Canonical JSON (sorted keys, no whitespace) exactly as signed. */
    payloadCanonical: text("payload_canonical").notNull(),
    payloadSha256: text("payload_sha256").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("certificates_number_uq").on(t.number),
    uniqueIndex("certificates_identifier_uq").on(t.identifier),
    index("certificates_holder_idx").on(t.holderUserId, t.status),
    index("certificates_case_idx").on(t.caseId),
  ],
);
