/** Presenters of single records that leave the server as they are stored, field by field (no row is sent whole). */
import type { landContracts, landDeliveries, reviewComments } from "../../db/schema";
import type { TReviewComment } from "../../shared/api/review";

type LandContractRow = typeof landContracts.$inferSelect;
type LandDeliveryRow = typeof landDeliveries.$inferSelect;

/** A recorded land-grant contract (出让合同) as it leaves the server: the listed fields only. */
export function presentLandContract(c: LandContractRow) {
  return {
    id: c.id,
    projectId: c.projectId,
    number: c.number,
    signedAt: c.signedAt.toISOString(),
    parties: { grantor: c.parties.grantor, grantee: c.parties.grantee },
    parcel: c.parcel,
    priceYuan: c.priceYuan,
    paymentStatus: c.paymentStatus,
    recordedBy: c.recordedBy,
    recordedAt: c.recordedAt.toISOString(),
    source: c.source,
  };
}

/** A recorded land delivery (交地确认书) as it leaves the server: the listed fields only. */
export function presentLandDelivery(d: LandDeliveryRow) {
  return {
    id: d.id,
    projectId: d.projectId,
    confirmationNo: d.confirmationNo,
    deliveredAt: d.deliveredAt.toISOString(),
    parcel: d.parcel,
    deliveredBy: d.deliveredBy,
    deliveredTo: d.deliveredTo,
    landContractId: d.landContractId,
    note: d.note,
    recordedBy: d.recordedBy,
    recordedAt: d.recordedAt.toISOString(),
    source: d.source,
  };
}

/** A reviewer's comment on a task as it leaves the server. */
export function presentReviewComment(m: typeof reviewComments.$inferSelect): TReviewComment {
  return {
    id: m.id,
    taskId: m.taskId,
    caseId: m.caseId,
    authorId: m.authorId,
    authorName: m.authorName,
    text: m.text,
    at: m.at.toISOString(),
  };
}
