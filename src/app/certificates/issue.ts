import { eq, sql } from "drizzle-orm";
import { canonicalJson, payloadDigest, signedBytes, signPayload } from "../../adapters/signing";
import type { Executor } from "../../db/client";
import { certificates, organizations } from "../../db/schema";
import type { EffectEnv } from "../cases/commands/effects";
import { catalogReferenceData } from "../catalog/referenceData";
import { issueConditions, withConditions } from "./conditions";
import { boundaryOf, certificateFields, certificateNumber, HOLDER_CODE_TYPES, holderOf } from "./content";
import { validityFromApplication } from "./fieldSpecs";
import { activeSigningKey } from "./keys";
import { cancelReplaced, missingFieldsError, registerEntryFor, registerFields } from "./register";

/** Next value of a counter (one row per key), inside the caller's transaction. */
async function nextSerial(ex: Executor, key: string): Promise<number> {
  const res = await ex.execute(
    sql`insert into counters (key, value) values (${key}, 1)
        on conflict (key) do update set value = counters.value + 1 returning value`,
  );
  const rows = (res as unknown as { rows: { value: number }[] }).rows;
  return Number(rows[0].value);
}

/**
 * The `issue` effect's certificate step (行政许可法 Art. 39, 44; GB/T 36901–36905): for an approved case
 * whose item produces a certificate type, builds the GB/T 36903 metadata and the type's fields from
 * what the application, the item and the register state (422 naming any required field nobody
 * stated), signs it with the issuing organization's key, and stores it — which puts it in the holder's
 * wallet (证照库). A reissue (换发) cancels the certificate it replaces. Returns the certificate ids.
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
  const holder = holderOf(c.applicant);
  const form = c.formData;
  // What the certificate states comes from the application, the item's own facts or the register;
  // a required field nobody stated refuses the issue before anything is written (no number drawn).
  const register = await registerEntryFor(tx, item.content, form, holder.code);
  const reissue = register?.mode === "reissue" ? register.row : null;
  const sources = {
    number: "",
    holderName: holder.name,
    form: reissue ? {} : form,
    facts: reissue ? undefined : item.content.certificateContent?.facts,
    register: registerFields(register),
  };
  const checked = certificateFields(type, { ...sources, number: "（待编号）" });
  if (checked.missing.length) throw missingFieldsError(checked.missing);
  const year = Number(today.slice(0, 4));
  const serial = await nextSerial(tx, `cert:${org.code}:${type.code}:${year}`);
  const number = certificateNumber(type, { divisionCode: org.divisionCode, orgName: org.name, year, serial });
  const issuerCode = org.creditCode ?? org.code;
  const identifier = `${type.typeCode}.${issuerCode}.${year}${String(serial).padStart(7, "0")}`;
  const { fields } = certificateFields(type, { ...sources, number });
  const get = (key: string) => {
    const v = form[key];
    return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
  };
  const validity = reissue
    ? { from: today, until: reissue.validUntil }
    : validityFromApplication(type.code, get, today);
  const boundary = reissue ? (reissue.boundary as Record<string, unknown> | null) : boundaryOf(form);
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
    validity,
    seal: { name: sealName, signer: org.name, signedAt: now.toISOString() },
    // 事项编码 as published (absent when the item has none; never the internal slug).
    case: { number: c.number, itemCode: item.content.catalogCode, itemName: c.itemName },
    fields: withConditions(fields, issueConditions(env.tctx.owed)),
    ...(boundary ? { boundary } : {}),
  };
  const key = await activeSigningKey(tx, org.code, now, env.ctx.config.keysDir);
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
      validFrom: validity.from,
      validUntil: validity.until,
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
      // Format 2: the exact bytes signed (payload, key id and signing time), as UTF-8 text.
      signedData: signedBytes(signed).toString("utf8"),
      payload,
      payloadCanonical: canonicalJson(payload),
      payloadSha256: payloadDigest(payload),
      createdAt: now,
    })
    .returning({ id: certificates.id });
  if (reissue)
    await cancelReplaced(tx, reissue, { number, caseNumber: c.number }, env.actor, now, env.changeCase);
  return [row.id];
}
