import type { Executor } from "../../db/client";
import { organizations, serviceItems } from "../../db/schema";
import { type TCatalogContext, validateItemContent } from "../../domain/catalog/validateItem";
import { YizhanError } from "../../domain/errors";
import type { TServiceItemContent } from "../../shared/catalog";
import { catalogReferenceData } from "./referenceData";

/**
 * What validateItemContent needs from the rest of the catalog: existing organization and item codes
 * (plus `extraItemCodes`: the items being written), shared datasets and certificate types.
 */
export async function loadCatalogContext(
  ex: Executor,
  extraItemCodes: readonly string[] = [],
): Promise<TCatalogContext> {
  const [orgs, items] = await Promise.all([
    ex.select({ code: organizations.code }).from(organizations),
    ex.select({ code: serviceItems.code }).from(serviceItems),
  ]);
  const ref = catalogReferenceData();
  const itemCodes = new Set([...items.map((i) => i.code), ...extraItemCodes]);
  return {
    orgCodes: new Set(orgs.map((o) => o.code)),
    itemCodes,
    sharedDatasets: new Set(ref.sharedDatasets.map((d) => d.code)),
    certificateTypes: new Set(ref.certificateTypes.map((c) => c.code)),
  };
}

/**
 * Throws a 422 `validation_failed` naming every problem of the content (field, code, Chinese and English
 * message; field paths prefixed with `fieldPrefix`), so the admin form can show each next to its field. Rules: see validateItemContent.
 */
export async function assertValidContent(
  ex: Executor,
  content: TServiceItemContent,
  fieldPrefix = "",
): Promise<void> {
  const problems = validateItemContent(content, await loadCatalogContext(ex, [content.code]));
  if (problems.length === 0) return;
  const zh = problems.map((p) => `${p.field}：${p.message["zh-CN"]}`).join("；");
  const en = problems.map((p) => `${p.field}: ${p.message["en-US"]}`).join("; ");
  throw new YizhanError(
    "validation_failed",
    422,
    { "zh-CN": `事项内容有误：${zh}`, "en-US": `The item content is invalid: ${en}` },
    {
      errors: problems.map((p) => ({ field: `${fieldPrefix}${p.field}`, code: p.code, message: p.message })),
    },
  );
}
