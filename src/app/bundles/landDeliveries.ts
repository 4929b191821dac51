import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import { bundles, landContracts, landDeliveries } from "../../db/schema";
import { invalid, YizhanError } from "../../domain/errors";
import type { ZRecordLandDelivery } from "../../shared/api/requests/projects";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { appendProjectEvent, authorizedProject } from "../projects/projectRows";
import { fileTriggeredBundle, type TriggerOutcome } from "./fileBundle";
import { bundleViews } from "./queries";
import { triggeredTemplate } from "./templates";

export type TRecordLandDelivery = z.infer<typeof ZRecordLandDelivery>;

type Delivery = typeof landDeliveries.$inferSelect;
export type LandDeliveryResult = TriggerOutcome & {
  delivery: Delivery;
  bundle: Awaited<ReturnType<typeof bundleViews>>[number] | null;
  /** True when the confirmation was recorded before (a replay): nothing new was written. */
  replayed: boolean;
};

/**
 * Records a land delivery (交地: the 交地确认书 — when, which parcel, by whom to whom, its number) —
 * by the window or the helper in the UI, or by the land-transfer system through the API — and, as the
 * trigger of 交地即交证, files the bundle with its pre-checked materials at once. Idempotent on the
 * confirmation number: recording it again returns the bundle already filed, or files it when the first
 * attempt was refused for missing pre-checks. When the project has already filed the same items (拿地即办证
 * at the contract), the delivery is recorded and nothing is filed (`notFiled`).
 */
export async function recordLandDelivery(
  ctx: AppContext,
  actor: Actor,
  projectId: string,
  input: TRecordLandDelivery,
): Promise<LandDeliveryResult> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const p = await authorizedProject(db, actor, projectId, "recordLandDelivery");
  const view = async (id: string | null) => (id ? ((await bundleViews(ctx, [id]))[0] ?? null) : null);
  const [existing] = await db
    .select()
    .from(landDeliveries)
    .where(eq(landDeliveries.confirmationNo, input.confirmationNo));
  if (existing && existing.projectId !== p.id)
    throw new YizhanError(
      "duplicate_land_delivery",
      409,
      {
        "zh-CN": `交地确认书 ${input.confirmationNo} 已登记在其他项目`,
        "en-US": `Land delivery confirmation ${input.confirmationNo} belongs to another project`,
      },
      { field: "confirmationNo" },
    );
  if (existing) {
    const [b] = await db.select().from(bundles).where(eq(bundles.landDeliveryId, existing.id));
    if (b)
      return { delivery: existing, bundle: await view(b.id), bundleId: b.id, notFiled: null, replayed: true };
  }
  const [contract] = input.landContractNo
    ? await db
        .select()
        .from(landContracts)
        .where(and(eq(landContracts.projectId, p.id), eq(landContracts.number, input.landContractNo)))
    : await db
        .select()
        .from(landContracts)
        .where(eq(landContracts.projectId, p.id))
        .orderBy(desc(landContracts.signedAt))
        .limit(1);
  if (input.landContractNo && !contract) {
    const [elsewhere] = await db
      .select({ id: landContracts.id })
      .from(landContracts)
      .where(eq(landContracts.number, input.landContractNo));
    if (elsewhere)
      throw invalid("landContractNo", "contract_of_another_project", {
        "zh-CN": `出让合同 ${input.landContractNo} 登记在其他项目`,
        "en-US": `Land-grant contract ${input.landContractNo} belongs to another project`,
      });
  }
  // The 交地确认书 names the contract: recorded here, or only its number (not recorded in Yizhan yet).
  const contractNo = contract?.number ?? input.landContractNo ?? p.parcel.contractNo ?? null;
  if (!contractNo)
    throw invalid("landContractNo", "required", {
      "zh-CN": "交地确认书须载明出让合同编号",
      "en-US": "The land delivery must name the land-grant contract",
    });
  const template = await triggeredTemplate(db, now, "land_delivered", input.templateCode);
  const source = actor.memberships.some((m) => m.role === "partner") ? "api" : "ui";
  const inserted = existing
    ? null
    : await db.transaction(async (tx) => {
        // Two deliveries with one number at once (the system's retry racing the first call): one wins.
        const [row] = await tx
          .insert(landDeliveries)
          .values({
            projectId: p.id,
            confirmationNo: input.confirmationNo,
            deliveredAt: new Date(input.deliveredAt),
            parcel: { ...(input.parcel ?? p.parcel), contractNo },
            deliveredBy: input.deliveredBy,
            deliveredTo: input.deliveredTo,
            landContractId: contract?.id ?? null,
            note: input.note,
            recordedBy: actor.userId,
            recordedAt: now,
            source,
          })
          .onConflictDoNothing({ target: landDeliveries.confirmationNo })
          .returning();
        if (!row) return null;
        await appendProjectEvent(
          tx,
          p.id,
          actor.userId,
          now,
          "project.land_delivered",
          `交地确认书 ${input.confirmationNo}：${input.deliveredBy} 交付 ${input.deliveredTo}`,
          { deliveryId: row.id, source },
        );
        return row;
      });
  if (!existing && !inserted) return recordLandDelivery(ctx, actor, projectId, input);
  const delivery = (existing ?? inserted) as Delivery;
  if (!template) return { delivery, bundle: null, bundleId: null, notFiled: null, replayed: !!existing };
  const out = await fileTriggeredBundle(
    ctx,
    actor,
    p.id,
    { templateCode: template.code, forms: input.forms },
    { contract: contract ?? null, delivery },
  );
  return { delivery, bundle: await view(out.bundleId), ...out, replayed: !!existing };
}
