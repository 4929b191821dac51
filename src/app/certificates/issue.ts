import { eq, sql } from "drizzle-orm";
import { canonicalJson, payloadDigest, signPayload } from "../../adapters/signing";
import type { Executor } from "../../db/client";
import { certificates, organizations } from "../../db/schema";
import type { EffectEnv } from "../cases/effects";
import { catalogReferenceData } from "../catalog/referenceData";
import { issueConditions, withConditions } from "./conditions";
import { boundaryOf, certificateFields, certificateNumber, HOLDER_CODE_TYPES, holderOf } from "./content";
import { activeSigningKey } from "./keys";

/** Next value of a counter (one row per key), inside the caller's transaction. */
async function nextSerial(ex: Executor, key: string): Promise<number> {
  const res = await ex.execute(
    sql`insert into counters (key, value) values (${key}, 1)
        on conflict (key) do update set value = counters.value + 1 returning value`,
  );
  const rows = (res as unknown as { rows: { value: number }[] }).rows;
  return Number(rows[0].value);
}

const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

/**
 * The `issue` effect's certificate step (行政许可法 Art. 39, 44; GB/T 36901–36905): for an approved case
 * whose item produces a certificate type, builds the GB/T 36903 metadata and the type's fields from the
 * form data, signs the canonical JSON with the issuing organization's key, and stores it — which puts
 * it in the holder's wallet (证照库). Returns the certificate ids.
 */
export async function issueCertificatesForCase(env: EffectEnv): Promise<string[]> {
  const { tx, c, item, now, today } = env;
  const typeCode = item.content.certificateType;
  if (!typeCode || env.next.decision?.outcome === "deny" || c.decision?.outcome === "deny") return [];
  const existing = await tx
    .select({ id: certificates.id })
    .from(certificates)
    .where(eq(certificates.caseId, c.id));
  if (existing.length) return existing.map((e) => e.id);
  const type = catalogReferenceData().certificateTypes.find((t) => t.code === typeCode);
  if (!type) return [];
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, c.orgId));
  const year = Number(today.slice(0, 4));
  const serial = await nextSerial(tx, `cert:${org.code}:${type.code}:${year}`);
  const number = certificateNumber(type, { divisionCode: org.divisionCode, orgName: org.name, year, serial });
  const issuerCode = org.creditCode ?? org.code;
  const identifier = `${type.typeCode}.${issuerCode}.${year}${String(serial).padStart(7, "0")}`;
  const holder = holderOf(c.applicant);
  const form = c.formData;
  const validUntil =
    typeof form.validUntil === "string"
      ? form.validUntil
      : type.code === "temporary_land_use_approval"
        ? addYears(today, 2)
        : null;
  const boundary = boundaryOf(form);
  const sealName = `${org.name}电子印章`;
  const payload: Record<string, unknown> = {
    identifier,
    name: type.name,
    nameEn: type.nameEn,
    typeCode: type.typeCode,
    number,
    issuer: { name: org.name, code: issuerCode, jurisdictionCode: org.divisionCode },
    issuedOn: today,
    holder: { ...holder, codeTypeName: HOLDER_CODE_TYPES[holder.codeType] },
    validity: { from: today, until: validUntil },
    seal: { name: sealName, signer: org.name, signedAt: now.toISOString() },
    case: { number: c.number, itemCode: c.itemCode, itemName: c.itemName },
    fields: withConditions(
      certificateFields(type, number, holder.name, form),
      issueConditions(env.tctx.owed),
    ),
    ...(boundary ? { boundary } : {}),
  };
  const key = await activeSigningKey(tx, org.code, now);
  const signed = signPayload(payload, key, now);
  const [row] = await tx
    .insert(certificates)
    .values({
      identifier,
      typeKey: type.code,
      typeCode: type.typeCode,
      name: type.name,
      number,
      issuerOrgId: org.id,
      issuerName: org.name,
      issuerCode,
      jurisdictionCode: org.divisionCode,
      issuedOn: today,
      holderUserId: c.applicantId,
      holderName: holder.name,
      holderCode: holder.code,
      holderCodeType: holder.codeType,
      validFrom: today,
      validUntil,
      caseId: c.id,
      caseNumber: c.number,
      itemCode: c.itemCode,
      itemName: c.itemName,
      fields: { list: payload.fields },
      boundary,
      sealName,
      signedAt: now,
      keyId: key.kid,
      algorithm: key.algorithm,
      signature: signed.signature.value,
      payload,
      payloadCanonical: canonicalJson(payload),
      payloadSha256: payloadDigest(payload),
      createdAt: now,
    })
    .returning({ id: certificates.id });
  return [row.id];
}
