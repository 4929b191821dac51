/**
 * Published licence decisions (行政许可决定公开, 阳光下工作; 政府信息公开条例 Art. 20): every approved decision
 * on an administrative licence (行政许可) — permit number, the holder when it is an enterprise or another
 * legal person, item, decision date, location, the deciding office; revoked permits shown as revoked.
 * A natural person's name, ID number, phone or address never leaves here: for a natural person the
 * holder and the location are null, and the search never matches a natural person's name or address.
 */
import { type SQL, sql } from "drizzle-orm";
import type { TPublicDecision, TPublicDecisionList } from "../../shared/api/publicPortal";
import type { TListPublicDecisionsQuery } from "../../shared/api/requests/publicPortal";
import type { AppContext } from "../context";

/** Decisions are published for this kind of item only (行政许可: registrations and filings are not). */
export const PUBLISHED_KIND = "administrative_licence";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The location of an application as its form names it (用地坐落, 建设位置, 坐落 …), if any. */
const LOCATION = sql`coalesce(c.form_data->>'location', c.form_data->>'parcelLocation')`;
const IS_ENTERPRISE = sql`(c.applicant->>'kind') = 'enterprise'`;
/** Local date (Asia/Shanghai) of the decision instant. */
const DECIDED_ON = sql`((c.decision->>'decidedAt')::timestamptz at time zone 'Asia/Shanghai')::date`;

type Row = {
  case_number: string;
  item_code: string;
  item_name: string;
  decided_on: string;
  enterprise: boolean;
  holder_name: string | null;
  holder_code: string | null;
  location: string | null;
  org_name: string;
  permit_number: string | null;
  permit_name: string | null;
  permit_status: string | null;
  revoked_on: string | null;
  total?: number | string;
};

function whereOf(q: Partial<TListPublicDecisionsQuery>): SQL {
  const parts: SQL[] = [
    sql`s.kind = ${PUBLISHED_KIND}`,
    sql`c.status in ('approved', 'completed')`,
    sql`c.decision->>'outcome' = 'approve'`,
  ];
  if (q.item) parts.push(sql`c.item_code = ${q.item}`);
  if (q.from) parts.push(sql`${DECIDED_ON} >= ${q.from}::date`);
  if (q.to) parts.push(sql`${DECIDED_ON} <= ${q.to}::date`);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    // A natural person's name and address are not searchable: a hit would tell who holds a permit.
    parts.push(sql`(c.number ilike ${like} or c.item_name ilike ${like} or cert.number ilike ${like}
      or (${IS_ENTERPRISE} and (c.applicant->>'name' ilike ${like} or ${LOCATION} ilike ${like}
        or c.applicant->>'creditCode' ilike ${like})))`);
  }
  return sql.join(parts, sql` and `);
}

function query(where: SQL, tail: SQL): SQL {
  return sql`
    select c.number as case_number, c.item_code, c.item_name, ${DECIDED_ON}::text as decided_on,
      ${IS_ENTERPRISE} as enterprise,
      case when ${IS_ENTERPRISE} then c.applicant->>'name' end as holder_name,
      case when ${IS_ENTERPRISE} then c.applicant->>'creditCode' end as holder_code,
      case when ${IS_ENTERPRISE} then ${LOCATION} end as location,
      o.name as org_name, cert.number as permit_number, cert.name as permit_name,
      cert.status as permit_status,
      ((cert.revoked_at at time zone 'Asia/Shanghai')::date)::text as revoked_on, count(*) over () as total
    from cases c
    join service_items s on s.id = c.item_id
    join organizations o on o.id = c.org_id
    left join lateral (
      select number, name, status, revoked_at from certificates where case_id = c.id
      order by created_at desc limit 1
    ) cert on true
    where ${where}
    order by (c.decision->>'decidedAt')::timestamptz desc, c.number desc
    ${tail}`;
}

function present(r: Row): TPublicDecision {
  const state = r.permit_status === null ? "pending" : (r.permit_status as TPublicDecision["permitState"]);
  return {
    caseNumber: r.case_number,
    permitNumber: r.permit_number,
    permitName: r.permit_name,
    permitState: state,
    revokedOn: state === "revoked" ? r.revoked_on : null,
    holderName: r.enterprise ? r.holder_name : null,
    holderCode: r.enterprise ? (r.holder_code ?? null) : null,
    holderKind: r.enterprise ? "enterprise" : "person",
    itemCode: r.item_code,
    itemName: r.item_name,
    decidedOn: r.decided_on,
    location: r.enterprise ? (r.location ?? null) : null,
    orgName: r.org_name,
  };
}

async function rows(ctx: AppContext, q: SQL): Promise<Row[]> {
  const res = (await ctx.database.db.execute(q)) as unknown as { rows: Row[] };
  return res.rows;
}

/** One page of the published decisions, newest first, with the filters asked (listPublicDecisions). */
export async function listPublicDecisions(
  ctx: AppContext,
  q: TListPublicDecisionsQuery,
): Promise<TPublicDecisionList> {
  const list = await rows(
    ctx,
    query(whereOf(q), sql`limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
  );
  const options = (await ctx.database.db.execute(
    sql`select code, name from service_items where kind = ${PUBLISHED_KIND} and active order by name`,
  )) as unknown as { rows: { code: string; name: string }[] };
  return {
    total: list.length ? Number(list[0].total) : await countOf(ctx, q),
    page: q.page,
    pageSize: q.pageSize,
    items: list.map(present),
    itemOptions: options.rows.map((o) => ({ code: o.code, name: o.name })),
  };
}

/** The total when the page asked for is past the end (the window function counts only returned rows). */
async function countOf(ctx: AppContext, q: TListPublicDecisionsQuery): Promise<number> {
  if (q.page === 1) return 0;
  const res = (await ctx.database.db.execute(sql`
    select count(*)::int as n from cases c join service_items s on s.id = c.item_id
    left join lateral (select number from certificates where case_id = c.id order by created_at desc limit 1) cert on true
    where ${whereOf(q)}`)) as unknown as { rows: { n: number }[] };
  return Number(res.rows[0]?.n ?? 0);
}

/** Every published decision, newest first (the open-data download; at most `limit`). */
export async function allPublicDecisions(ctx: AppContext, limit = 50_000): Promise<TPublicDecision[]> {
  return (await rows(ctx, query(whereOf({}), sql`limit ${limit}`))).map(present);
}
