/** exportScorecards: a month's scorecards as an XLSX workbook or a CSV file (UTF-8 with BOM, for Excel). */
import type { z } from "zod";
import { csvBytes, xlsxWorkbook } from "../../adapters/spreadsheet/xlsx";
import type { ZExportScorecardsQuery } from "../../shared/api/requests/supervisionFigures";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { listScorecards, scorecardRows } from "./scorecards";

/** The file of a month's scorecards (the same cards as listScorecards: signed ones frozen). */
export async function exportScorecards(
  ctx: AppContext,
  actor: Actor,
  q: z.infer<typeof ZExportScorecardsQuery>,
): Promise<{ bytes: Uint8Array; fileName: string; contentType: string }> {
  const list = await listScorecards(ctx, actor, { month: q.month, orgId: q.orgId });
  const rows = scorecardRows(list);
  const base = `考核表-${list.month}`;
  return q.format === "xlsx"
    ? {
        bytes: xlsxWorkbook(`考核表 ${list.month}`, rows),
        fileName: `${base}.xlsx`,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      }
    : { bytes: csvBytes(rows), fileName: `${base}.csv`, contentType: "text/csv; charset=utf-8" };
}
