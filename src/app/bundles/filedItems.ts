import { and, eq, inArray } from "drizzle-orm";
import { cases } from "../../db/schema";
import { YizhanError } from "../../domain/errors";
import type { AppContext } from "../context";

/** Case statuses after which the item is no longer being granted: it may be filed again. */
const GONE = ["not_accepted", "referred", "withdrawn", "expired"];

/**
 * The items of `itemCodes` this project already has a standing case for (filed in a bundle, not
 * refused, withdrawn, referred or expired): a bureau does not grant the same permit twice for one
 * parcel, so a second bundle (交地即交证 after 拿地即办证, or the reverse) may not file them again.
 */
export async function itemsAlreadyFiled(
  ctx: AppContext,
  projectId: string,
  itemCodes: string[],
): Promise<{ itemCode: string; caseId: string; number: string | null; bundleId: string | null }[]> {
  if (itemCodes.length === 0) return [];
  const rows = await ctx.database.db
    .select({
      itemCode: cases.itemCode,
      caseId: cases.id,
      number: cases.number,
      bundleId: cases.bundleId,
      status: cases.status,
      decision: cases.decision,
    })
    .from(cases)
    .where(and(eq(cases.projectId, projectId), inArray(cases.itemCode, itemCodes)));
  return rows
    .filter((r) => !GONE.includes(r.status) && r.status !== "denied" && r.decision?.outcome !== "deny")
    .map(({ itemCode, caseId, number, bundleId }) => ({ itemCode, caseId, number, bundleId }));
}

/** 409 `items_already_filed`: the project has standing cases for items of the bundle. */
export function alreadyFiledError(filed: { itemCode: string; number: string | null }[]): YizhanError {
  const numbers = filed.map((f) => f.number ?? f.itemCode).join("、");
  return new YizhanError(
    "items_already_filed",
    409,
    {
      "zh-CN": `本项目已申请过这些事项（${numbers}），不再重复申请`,
      "en-US": `This project has already filed these items (${numbers}); they are not filed twice`,
    },
    { field: "templateCode", details: { filed } },
  );
}
