import { eq } from "drizzle-orm";
import type { z } from "zod";
import { bundles, landContracts } from "../../db/schema";
import { YizhanError } from "../../domain/errors";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { appendProjectEvent, authorizedProject } from "../projects/projectRows";
import { fileTriggeredBundle } from "./fileBundle";
import { bundleViews } from "./queries";

/** The bundle as shown to the caller who recorded the contract (authorized for the project already). */
const view = async (ctx: AppContext, id: string) => (await bundleViews(ctx, [id]))[0] ?? null;

import type { ZRecordLandContract } from "../../shared/api/requests/projects";
import { triggeredTemplate } from "./templates";

/**
 * Records a signed land-grant contract (国有建设用地使用权出让合同) — by a clerk in the UI or by the
 * land-transfer system through the API — and, as the trigger of 拿地即办证, files the bundle with its
 * pre-checked materials at once. Idempotent on the contract number: recording it again returns the
 * bundle already filed, or files it when the first attempt was refused for missing pre-checks.
 */
export async function recordLandContract(
  ctx: AppContext,
  actor: Actor,
  projectId: string,
  input: z.infer<typeof ZRecordLandContract>,
) {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const p = await authorizedProject(db, actor, projectId, "recordLandContract");
  const [existing] = await db.select().from(landContracts).where(eq(landContracts.number, input.number));
  if (existing) {
    if (existing.projectId !== p.id)
      throw new YizhanError(
        "duplicate_contract",
        409,
        {
          "zh-CN": `合同 ${input.number} 已登记在其他项目`,
          "en-US": `Contract ${input.number} belongs to another project`,
        },
        { field: "number" },
      );
    const [b] = await db.select().from(bundles).where(eq(bundles.landContractId, existing.id));
    if (b) return { contract: existing, bundle: await view(ctx, b.id), notFiled: null };
  }
  const template = await triggeredTemplate(db, now, "land_contract_signed", input.templateCode);
  if (existing) {
    // Recorded before but not filed (materials were missing then): file it now.
    if (!template) return { contract: existing, bundle: null, notFiled: null };
    const out = await fileTriggeredBundle(
      ctx,
      actor,
      p.id,
      { templateCode: template.code, forms: input.forms },
      { contract: existing },
    );
    return {
      contract: existing,
      bundle: out.bundleId ? await view(ctx, out.bundleId) : null,
      notFiled: out.notFiled,
    };
  }
  const source = actor.memberships.some((m) => m.role === "partner") ? "api" : "ui";
  const contract = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(landContracts)
      .values({
        projectId: p.id,
        number: input.number,
        signedAt: new Date(input.signedAt),
        parties: input.parties,
        parcel: input.parcel ?? { ...p.parcel, contractNo: input.number },
        priceYuan: input.priceYuan.toFixed(2),
        paymentStatus: input.paymentStatus,
        recordedBy: actor.userId,
        recordedAt: now,
        source,
      })
      .returning();
    await appendProjectEvent(
      tx,
      p.id,
      actor.userId,
      now,
      "project.land_contract",
      `签订出让合同 ${input.number}`,
      {
        contractId: row.id,
        source,
      },
    );
    return row;
  });
  if (!template) return { contract, bundle: null, notFiled: null };
  const out = await fileTriggeredBundle(
    ctx,
    actor,
    p.id,
    { templateCode: template.code, forms: input.forms },
    { contract },
  );
  return { contract, bundle: out.bundleId ? await view(ctx, out.bundleId) : null, notFiled: out.notFiled };
}
