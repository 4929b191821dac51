/**
 * searchPolicies: Chinese full-text search of the library. The query is cut by jieba (`cut`, each word
 * or all its sub-words must match) against the `simple` tsvector the documents were indexed into with
 * `cutForSearch`, on the GIN index; ranked by ts_rank (title, 文号, issuer and tags weigh more than the
 * text), an exact 文号 first; each hit with a highlighted snippet. The same SQL on PGlite and PostgreSQL.
 */
import { and, eq, sql } from "drizzle-orm";
import { policyDocuments } from "../../db/schema";
import type { TPolicySearchResult } from "../../shared/api/policyLibrary";
import type { TSearchPolicies } from "../../shared/api/requests/policyLibrary";
import type { Actor } from "../actor";
import { buildTsQuery, queryWords } from "../catalog/search";
import type { AppContext } from "../context";
import { authorize } from "../policies";
import { policyFilters, summaryColumns } from "./documents";
import { highlightWords, snippetOf, splitAtHits } from "./searchIndex";

/** Searches the library (staff): ranked hits with highlighted snippets, filtered like listPolicies. */
export async function searchPolicies(
  ctx: AppContext,
  actor: Actor,
  q: TSearchPolicies,
): Promise<TPolicySearchResult> {
  authorize(actor, "read", "policyDocument", { status: "", linkedToItem: false });
  const words = queryWords(q.q);
  const tsq = buildTsQuery(q.q);
  const exact = eq(policyDocuments.docNumber, q.q);
  const match = tsq ? sql`(${policyDocuments.search} @@ to_tsquery('simple', ${tsq}) or ${exact})` : exact;
  const rank = tsq
    ? sql<number>`(ts_rank(${policyDocuments.search}, to_tsquery('simple', ${tsq})) + case when ${exact} then 10 else 0 end)`
    : sql<number>`10`;
  const rows = await ctx.database.db
    .select({
      ...summaryColumns,
      fullText: sql<string>`left(${policyDocuments.fullText}, 20000)`,
      rank: rank.mapWith(Number),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(policyDocuments)
    .where(and(match, ...policyFilters(q)))
    .orderBy(sql`${rank} desc`, sql`${policyDocuments.issuedOn} desc nulls last`, policyDocuments.id)
    .limit(q.limit)
    .offset(q.offset);
  const hw = highlightWords(q.q);
  return {
    items: rows.map(({ total: _t, fullText, ...r }) => ({
      ...r,
      snippet: snippetOf(r.summary, fullText, hw),
      titleParts: splitAtHits(r.title, hw),
    })),
    total: rows[0]?.total ?? 0,
    words,
  };
}
