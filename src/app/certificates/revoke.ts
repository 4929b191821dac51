import { eq } from "drizzle-orm";
import type { z } from "zod";
import { certificates } from "../../db/schema";
import { YizhanError } from "../../domain/errors";
import type { ZRevokeCertificate } from "../../shared/api/requests/certificates";
import type { Actor } from "../actor";
import { changeCase } from "../cases/commands/runner";
import type { AppContext } from "../context";
import { authorize } from "../policies";
import { getCertificate, loadCertificate } from "./queries";

export type TRevokeCertificate = z.infer<typeof ZRevokeCertificate>;

/**
 * 注销 / 撤销 of a certificate by an approver of the issuing office, with a reason (行政许可法 Art. 69–70).
 * The signature stays; verification then answers "revoked". Logged as a case event.
 */
export async function revokeCertificate(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: TRevokeCertificate,
) {
  const now = ctx.clock.now();
  const c = await loadCertificate(ctx, id);
  authorize(actor, "revoke", "certificate", c.policy);
  await ctx.database.db.transaction(async (tx) => {
    // Authorized on the certificate above; its case is locked before the certificate.
    await changeCase(tx, actor, c.caseId, {
      change: "revokeCertificate",
      action: null,
      now,
      apply: async () => {
        const [locked] = await tx.select().from(certificates).where(eq(certificates.id, id)).for("update");
        if (locked.status === "revoked") {
          throw new YizhanError("invalid_transition", 409, {
            "zh-CN": "该证照已注销或撤销",
            "en-US": "The certificate is already revoked",
          });
        }
        await tx
          .update(certificates)
          .set({
            status: "revoked",
            revokedAt: now,
            revokedBy: actor.userId,
            revocationKind: input.kind,
            revocationReason: input.reason,
          })
          .where(eq(certificates.id, id));
        return {
          result: null,
          data: { certificateId: id, number: c.number, kind: input.kind, reason: input.reason },
        };
      },
    });
  });
  return getCertificate(ctx, actor, id);
}
