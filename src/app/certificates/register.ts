import { and, eq, ne } from "drizzle-orm";
import type { Executor, Tx } from "../../db/client";
import { certificates } from "../../db/schema";
import { type FieldProblem, YizhanError } from "../../domain/errors";
import type { TServiceItemContent } from "../../shared/catalog";
import type { Actor } from "../actor";
import type { ChangeOtherCase } from "../cases/commands/changeTypes";
import type { CertificateField, MissingCertificateField } from "./content";

type Row = typeof certificates.$inferSelect;

/** The register entry an application names (an earlier certificate), and how the item uses it. */
export type RegisterEntry = { row: Row; mode: "fallback" | "reissue"; field: string };

/**
 * The register entry of the certificate the application names in the item's register field
 * (`certificateContent.register`), if it is in the register and not cancelled. A reissue (换发) of a
 * certificate the register holds for someone else is refused (422 naming the field). A certificate
 * issued before this register existed (not migrated) is not an entry: its content is what the
 * application states — transcribed at the window from the surrendered original, checked against the
 * 登记簿 — and a required fact nobody stated refuses the issue as for any certificate.
 */
export async function registerEntryFor(
  ex: Executor,
  content: TServiceItemContent,
  form: Record<string, unknown>,
  holderCode: string,
): Promise<RegisterEntry | null> {
  const ref = content.certificateContent?.register;
  if (!ref) return null;
  const number = typeof form[ref.field] === "string" ? (form[ref.field] as string).trim() : "";
  const [row] = number
    ? await ex
        .select()
        .from(certificates)
        .where(and(eq(certificates.number, number), ne(certificates.status, "revoked")))
    : [];
  if (ref.mode === "reissue" && row) {
    const field = `formData.${ref.field}`;
    if (row.typeKey !== content.certificateType || row.holderCode !== holderCode)
      throw refused([
        {
          field,
          code: "not_the_holders",
          message: {
            "zh-CN": `证号“${number}”的证书不是申请人的同类证书，无法换发`,
            "en-US": `Certificate "${number}" is not the applicant's certificate of this type`,
          },
        },
      ]);
  }
  return row ? { row, mode: ref.mode, field: ref.field } : null;
}

/** The printed fields of a register entry. */
export function registerFields(e: RegisterEntry | null): CertificateField[] | undefined {
  return e ? ((e.row.fields as { list?: CertificateField[] }).list ?? []) : undefined;
}

/** 422: the certificate cannot state what nobody stated (issue 11: no defaulted facts). */
export function missingFieldsError(missing: MissingCertificateField[]): YizhanError {
  return refused(
    missing.map((m) => ({
      field: m.field,
      code: "required_for_certificate",
      message: {
        "zh-CN": `证照必须载明“${m.name}”，但申请、决定和登记簿均未载明`,
        "en-US": `The certificate must state "${m.name}", which neither the application, the decision nor the register states`,
      },
    })),
  );
}

function refused(errors: FieldProblem[]): YizhanError {
  const names = errors.map((e) => e.message["zh-CN"]).join("；");
  return new YizhanError(
    "certificate_content_missing",
    422,
    {
      "zh-CN": `无法制证：${names}`,
      "en-US": `The certificate cannot be issued: ${errors.map((e) => e.message["en-US"]).join("; ")}`,
    },
    { errors },
  );
}

/**
 * 换发: the reissued certificate replaces the original, which is cancelled (注销) in the same
 * transaction and recorded on its own case (不动产登记暂行条例实施细则 Art. 22: 收回原证).
 */
export async function cancelReplaced(
  ex: Tx,
  original: Row,
  replacement: { number: string; caseNumber: string },
  actor: Actor | null,
  now: Date,
  changeCase: ChangeOtherCase,
): Promise<void> {
  const reason = `换发新证（新证号 ${replacement.number}，办件 ${replacement.caseNumber}），原证收回注销`;
  // Recorded on the original's case, through the runner like every change of a case; the reissue was
  // authorized on the case that issues it.
  await changeCase(original.caseId, {
    change: "revokeCertificate",
    action: null,
    now,
    apply: async () => {
      await ex
        .update(certificates)
        .set({
          status: "revoked",
          revokedAt: now,
          revokedBy: actor?.userId ?? null,
          revocationKind: "cancel",
          revocationReason: reason,
        })
        .where(eq(certificates.id, original.id));
      return {
        result: null,
        data: { certificateId: original.id, number: original.number, kind: "cancel", reason },
      };
    },
  });
}
