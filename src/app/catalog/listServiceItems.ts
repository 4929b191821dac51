import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Executor, queryRows } from "../../db/client";
import type { ZListServiceItems } from "../../shared/api/requests/catalog";
import type { ServiceItemSummary } from "../../shared/catalog";
import { buildTsQuery } from "./search";
import { expandQuery } from "./synonyms";

export type TListServiceItems = z.infer<typeof ZListServiceItems>;

export type { ServiceItemSummary };

type Row = {
  id: string;
  code: string;
  org_code: string;
  org_name: string;
  active: boolean;
  current_version: number;
  version: number;
  effective_from: string;
  summary: {
    name: string;
    catalogCode: string | null;
    kind: string;
    handlingType: string;
    statutoryLimitDays: number;
    promisedLimitDays: number;
    visitsRequired: number;
    charged: boolean;
    onlineAvailable: boolean;
    lifeEvents: string[] | null;
    leadOrgCode: string | null;
    handlerKind: string | null;
    handlerOrgCodes: string[] | null;
  };
  total: number;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The public list of service items (办事指南目录) with filters, Chinese full-text search ranked by
 * relevance, and pagination. Each row shows the version in effect on `onDate` (or, for an item whose
 * first version is still in the future, that version).
 */
export async function listServiceItems(
  ex: Executor,
  query: TListServiceItems,
  onDate: string,
): Promise<{ items: ServiceItemSummary[]; total: number; page: number; pageSize: number }> {
  const where: SQL[] = [];
  if (!query.includeInactive) where.push(sql`s.active`);
  if (query.kind) where.push(sql`s.kind = ${query.kind}`);
  if (query.handlingType) where.push(sql`s.handling_type = ${query.handlingType}`);
  if (query.org) {
    where.push(sql`o.path LIKE (SELECT path FROM organizations WHERE code = ${query.org}) || '%'`);
  }
  if (query.lifeEvent)
    where.push(sql`v.content->'lifeEvents' @> ${JSON.stringify([query.lifeEvent])}::jsonb`);
  if (query.department === "township") {
    where.push(sql`v.content->'handledBy'->>'kind' = 'township'`);
  } else if (query.department) {
    const d = query.department;
    where.push(sql`(v.content->'reviewSteps' @> ${JSON.stringify([{ orgCode: d, lead: true }])}::jsonb
      OR coalesce(v.content->'handledBy'->'orgCodes', '[]'::jsonb) @> ${JSON.stringify([d])}::jsonb)`);
  }
  let rank: SQL | null = null;
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    // The query and its synonym variants (房产证 → 不动产权证书): an item matching any of them is found.
    const variants = expandQuery(query.q);
    const tsqs = variants.map(buildTsQuery).filter((x): x is string => x !== null);
    const tsq = tsqs.length ? tsqs.map((x) => `(${x})`).join(" | ") : null;
    const names = variants.map((v) => sql`s.name ILIKE ${`%${escapeLike(v)}%`}`);
    const text = sql`${sql.join(names, sql` OR `)} OR s.code ILIKE ${like} OR v.content->>'catalogCode' ILIKE ${like}`;
    if (tsq) {
      where.push(sql`(s.search @@ ${tsq}::tsquery OR ${text})`);
      rank = sql`ts_rank(s.search, ${tsq}::tsquery) + CASE WHEN ${sql.join(names, sql` OR `)} THEN 1 ELSE 0 END`;
    } else {
      where.push(sql`(${text})`);
    }
  }
  const filter = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  const from = sql`FROM service_items s
      JOIN organizations o ON o.id = s.org_id
      JOIN LATERAL (
        SELECT iv.version, iv.effective_from, iv.content FROM item_versions iv
        WHERE iv.item_id = s.id
        ORDER BY (iv.effective_from <= ${onDate}::date) DESC, iv.effective_from DESC, iv.version DESC
        LIMIT 1
      ) v ON true
      ${filter}`;
  const offset = (query.page - 1) * query.pageSize;
  const rows = await queryRows<Row>(
    ex,
    sql`SELECT s.id, s.code, s.active, s.current_version, o.code AS org_code, o.name AS org_name,
        v.version, v.effective_from::text AS effective_from,
        jsonb_build_object(
          'name', v.content->>'name', 'catalogCode', v.content->>'catalogCode',
          'kind', v.content->>'kind', 'handlingType', v.content->>'handlingType',
          'statutoryLimitDays', (v.content->>'statutoryLimitDays')::int,
          'promisedLimitDays', (v.content->>'promisedLimitDays')::int,
          'visitsRequired', (v.content->>'visitsRequired')::int,
          'charged', (v.content->'fees'->>'charged')::boolean,
          'onlineAvailable', coalesce((v.content->'online'->>'available')::boolean, false),
          'lifeEvents', v.content->'lifeEvents',
          'leadOrgCode', (SELECT st->>'orgCode' FROM jsonb_array_elements(coalesce(v.content->'reviewSteps', '[]'::jsonb)) st
                           WHERE (st->>'lead')::boolean LIMIT 1),
          'handlerKind', v.content->'handledBy'->>'kind',
          'handlerOrgCodes', v.content->'handledBy'->'orgCodes'
        ) AS summary,
        count(*) OVER ()::int AS total
      ${from}
      ORDER BY ${rank ? sql`${rank} DESC, ` : sql``}s.code
      LIMIT ${query.pageSize} OFFSET ${offset}`,
  );
  const names = await orgNames(ex, rows);
  return {
    items: rows.map((r) => present(r, names)),
    total: rows[0]?.total ?? (offset > 0 ? await countOnly(ex, from) : 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function countOnly(ex: Executor, from: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(ex, sql`SELECT count(*)::int AS n ${from}`);
  return row?.n ?? 0;
}

async function orgNames(ex: Executor, rows: Row[]): Promise<Map<string, string>> {
  const codes = new Set<string>();
  for (const r of rows) {
    if (r.summary.leadOrgCode) codes.add(r.summary.leadOrgCode);
    for (const c of r.summary.handlerOrgCodes ?? []) codes.add(c);
  }
  if (codes.size === 0) return new Map();
  const list = await queryRows<{ code: string; name: string }>(
    ex,
    sql`SELECT code, name FROM organizations WHERE code IN (${sql.join(
      [...codes].map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
  return new Map(list.map((o) => [o.code, o.name]));
}

function present(r: Row, names: Map<string, string>): ServiceItemSummary {
  const s = r.summary;
  const deptCode = s.handlerKind === "township" ? null : s.leadOrgCode;
  return {
    id: r.id,
    code: r.code,
    catalogCode: s.catalogCode ?? null,
    name: s.name,
    kind: s.kind,
    handlingType: s.handlingType,
    orgCode: r.org_code,
    orgName: r.org_name,
    department: deptCode ? { code: deptCode, name: names.get(deptCode) ?? deptCode } : null,
    statutoryLimitDays: s.statutoryLimitDays,
    promisedLimitDays: s.promisedLimitDays,
    visitsRequired: s.visitsRequired,
    charged: s.charged,
    onlineAvailable: s.onlineAvailable,
    lifeEvents: s.lifeEvents ?? [],
    handledByTownship: s.handlerKind === "township",
    version: r.version,
    latestVersion: r.current_version,
    effectiveFrom: r.effective_from,
    active: r.active,
  };
}
