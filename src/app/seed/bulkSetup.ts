/**
 * The reference rows a bulk history (src/app/seed/bulk.ts) is generated against: N county bureaus (the
 * demo bureau and copies of its tree, each with copies of its staff), a pool of applicants, the items
 * with their review steps, and the working days of the span from the bureau's calendar. Everything is
 * written to plain `bulk_*` work tables that the set-based SQL of the batches joins; they are dropped
 * when the generation ends.
 */
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { encryptPii, piiHash } from "../../adapters/pii/keyring";
import type { Db } from "../../db/client";
import { organizations, roleMemberships, users } from "../../db/schema";
import type { WorkingCalendar } from "../../domain/calendar/workingCalendar";
import { itemInfo, planSteps } from "../cases/itemInfo";
import { resolveEffectiveVersion } from "../catalog/resolveItemVersion";
import {
  demoAddress,
  demoCreditCode,
  demoIdNumber,
  demoPhone,
  firmName,
  HISTORY_ITEMS,
  personName,
  pick,
  type Rnd,
} from "./historyForms";

/** The demo bureau every bulk organization is modelled on. */
export const BULK_MODEL_ORG = "HY-ZRZY";
/** Staff roles copied to every bulk organization. */
const STAFF_ROLES = ["clerk", "reviewer", "approver", "supervisor"] as const;

const WORK_TABLES = [
  "bulk_plan",
  "bulk_plan1",
  "bulk_tasks1",
  "bulk_days",
  "bulk_orgs",
  "bulk_items",
  "bulk_steps",
  "bulk_staff",
  "bulk_applicants",
  "bulk_forms",
  "bulk_sections",
  "bulk_tasks",
];

/** Drops the work tables (before a generation and after it). */
export async function dropWorkTables(db: Db) {
  for (const t of WORK_TABLES) await db.execute(sql.raw(`drop table if exists ${t}`));
}

const exec = (db: Db, text: string) => db.execute(sql.raw(text));
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const jsonLit = (v: unknown) => `${lit(JSON.stringify(v))}::jsonb`;

/** Code, name and division of the k-th bulk bureau (k = 1 is the demo bureau itself). */
export function bulkOrgCode(k: number, code: string): string {
  return k === 1 ? code : code.replace(/^HY-/, `B${String(k).padStart(2, "0")}-`);
}

/**
 * Organizations 2..n: the demo bureau's tree copied with codes `Bkk-…`, a county name of its own and a
 * division code `3499kk`; the bureau's staff copied to each with usernames `<name>-bkk` (same password,
 * same roles in the matching offices). Returns the bureau ids, index 0 for organization 1.
 */
export async function ensureBulkOrgs(db: Db, n: number): Promise<string[]> {
  const tree = await db
    .select()
    .from(organizations)
    .where(like(organizations.path, `/${BULK_MODEL_ORG}/%`))
    .orderBy(organizations.path);
  if (!tree.length) throw new Error(`the demo bureau ${BULK_MODEL_ORG} is missing`);
  const memberRows = await db
    .select({ m: roleMemberships, u: users })
    .from(roleMemberships)
    .innerJoin(users, eq(users.id, roleMemberships.userId))
    .where(
      and(
        inArray(
          roleMemberships.orgId,
          tree.map((o) => o.id),
        ),
        inArray(roleMemberships.role, [...STAFF_ROLES]),
      ),
    );
  const roots: string[] = [tree[0].id];
  for (let k = 2; k <= n; k++) {
    const kk = String(k).padStart(2, "0");
    const rootCode = bulkOrgCode(k, BULK_MODEL_ORG);
    const [have] = await db.select().from(organizations).where(eq(organizations.code, rootCode));
    if (have) {
      roots.push(have.id);
      continue;
    }
    const ids = new Map<string, string>();
    for (const o of tree) {
      const code = bulkOrgCode(k, o.code);
      const path = o.path.replace(/\/HY-/g, `/B${kk}-`);
      const [row] = await db
        .insert(organizations)
        .values({
          code,
          name: o.name.replace("怀远县", `示范${kk}县`),
          nameEn: o.nameEn?.replace("Huaiyuan County", `Demo County ${kk}`) ?? null,
          kind: o.kind,
          parentId: o.parentId ? (ids.get(o.parentId) ?? null) : null,
          path,
          divisionCode: `3499${kk}`,
          timeZone: o.timeZone,
          address: o.address,
          phone: o.phone,
          hours: o.hours,
        })
        .returning({ id: organizations.id });
      ids.set(o.id, row.id);
    }
    roots.push(ids.get(tree[0].id) as string);
    const userIds = new Map<string, string>();
    for (const { u } of memberRows) {
      if (userIds.has(u.id)) continue;
      const [copy] = await db
        .insert(users)
        .values({
          username: `${u.username}-b${kk}`,
          displayName: u.displayName,
          kind: u.kind,
          passwordHash: u.passwordHash,
          locale: u.locale,
          email: null,
          phone: u.phone,
          phoneHash: u.phoneHash,
        })
        .returning({ id: users.id });
      userIds.set(u.id, copy.id);
    }
    for (const { m } of memberRows)
      await db.insert(roleMemberships).values({
        userId: userIds.get(m.userId) as string,
        role: m.role,
        orgId: m.orgId ? (ids.get(m.orgId) ?? null) : null,
      });
  }
  return roots;
}

/** `bulk_orgs` (k, bureau, division, window, clerks, approvers) and `bulk_staff`, `bulk_steps` after items. */
export async function writeOrgTables(db: Db, roots: string[]) {
  await exec(
    db,
    `create table bulk_orgs (k int primary key, org_id uuid not null, division text not null, path text not null)`,
  );
  await exec(
    db,
    `create table bulk_staff (k int not null, role text not null, org_code text not null, n int not null, user_id uuid not null, name text not null)`,
  );
  await exec(db, `create table bulk_sections (k int not null, org_code text not null, org_id uuid not null)`);
  for (const [i, id] of roots.entries()) {
    const k = i + 1;
    await exec(
      db,
      `insert into bulk_sections select ${k}, regexp_replace(code, '^B[0-9]{2}-', 'HY-'), id from organizations
         where path like (select path from organizations where id = ${lit(id)}) || '%'`,
    );
    await exec(
      db,
      `insert into bulk_orgs select ${k}, id, division_code, path from organizations where id = ${lit(id)}`,
    );
    // Staff of the tree by role and office code (the model bureau's code, so steps can name them).
    await exec(
      db,
      `insert into bulk_staff
         select ${k}, m.role, regexp_replace(o.code, '^B[0-9]{2}-', 'HY-'),
                row_number() over (partition by m.role, o.code order by u.username) - 1, u.id, u.display_name
         from role_memberships m join users u on u.id = m.user_id join organizations o on o.id = m.org_id
         where o.path like (select path from organizations where id = ${lit(id)}) || '%'
           and m.role in ('clerk', 'reviewer', 'approver', 'supervisor')`,
    );
  }
  await exec(db, `alter table bulk_staff add column cnt int, add column rn int, add column rcnt int`);
  await exec(
    db,
    `update bulk_staff s set rn = x.rn, rcnt = x.rcnt from (select k, role, user_id, org_code,
       row_number() over (partition by k, role order by org_code, n) - 1 as rn, count(*) over (partition by k, role) as rcnt
       from bulk_staff) x where x.k = s.k and x.role = s.role and x.user_id = s.user_id and x.org_code = s.org_code`,
  );
  await exec(
    db,
    `update bulk_staff s set cnt = (select count(*) from bulk_staff x where x.k = s.k and x.role = s.role and x.org_code = s.org_code)`,
  );
  for (const role of ["clerk", "approver"]) {
    const rows = await db.execute(
      sql.raw(`select count(distinct k)::int as n from bulk_staff where role = '${role}'`),
    );
    const n = (rows as unknown as { rows: { n: number }[] }).rows[0].n;
    if (n < roots.length) throw new Error(`every bulk organization needs a ${role}`);
  }
}

/**
 * `bulk_items` (j, weight interval, limits, handling) and `bulk_steps` (the review steps of each item
 * in each organization, with its reviewers), `bulk_forms` (a few application forms per item, from the
 * demo history's form makers).
 */
export async function writeItemTables(db: Db, rnd: Rnd, today: string) {
  await exec(
    db,
    `create table bulk_items (j int primary key, item_id uuid not null, version_id uuid not null, code text not null,
       name text not null, immediate boolean not null, limit_days int not null, statutory int not null,
       w_lo float8 not null, w_hi float8 not null, kinds text[] not null, steps int not null)`,
  );
  await exec(
    db,
    `create table bulk_steps (j int not null, s int not null, code text not null, name text not null,
       org_code text not null, lead boolean not null, mode text not null, after jsonb not null, limit_days int not null)`,
  );
  await exec(
    db,
    `create table bulk_forms (j int not null, f int not null, title text not null, form jsonb not null)`,
  );
  const total = HISTORY_ITEMS.reduce((n, x) => n + x.weight, 0);
  let acc = 0;
  let j = 0;
  for (const h of HISTORY_ITEMS) {
    const v = await resolveEffectiveVersion(db, h.code, today);
    if (!v) continue;
    const info = await itemInfo(db, v.versionId);
    const c = info.content;
    const steps = c.handlingType === "immediate" ? [] : planSteps(c);
    j++;
    const lo = acc / total;
    acc += h.weight;
    await exec(
      db,
      `insert into bulk_items values (${j}, ${lit(info.itemId)}, ${lit(info.versionId)}, ${lit(info.itemCode)},
         ${lit(c.name)}, ${c.handlingType === "immediate"}, ${c.promisedLimitDays}, ${c.statutoryLimitDays},
         ${lo}, ${acc / total}, array[${h.kinds.map(lit).join(",")}]::text[], ${steps.length})`,
    );
    for (const [s, st] of steps.entries())
      await exec(
        db,
        `insert into bulk_steps values (${j}, ${s + 1}, ${lit(st.code)}, ${lit(st.name)}, ${lit(st.orgCode)},
           ${st.lead}, ${lit(st.mode)}, ${jsonLit(st.after ?? [])}, ${st.limitDays})`,
      );
    const rows: string[] = [];
    for (let f = 0; f < 20; f++) {
      const kind = pick(rnd, h.kinds);
      const name = kind === "enterprise" ? firmName(rnd) : personName(rnd);
      const form = h.form(rnd, { kind, name, userId: "" }, today);
      const title = typeof form.projectName === "string" ? form.projectName : "";
      rows.push(`(${j}, ${f}, ${lit(title)}, ${jsonLit(form)})`);
    }
    await exec(db, `insert into bulk_forms values ${rows.join(",")}`);
  }
  if (j === 0) throw new Error("no demo items in the catalog");
  await exec(db, `update bulk_items set w_hi = 1.0000001 where j = ${j}`);
}

/**
 * `bulk_applicants` (a, user, kind, snapshot): `count` applicants registered as users (persons and
 * enterprises, valid ID numbers and credit codes, phone and ID number encrypted as the app does).
 */
export async function writeApplicants(db: Db, rnd: Rnd, count: number, tag: string) {
  await exec(
    db,
    `create table bulk_applicants (a int primary key, user_id uuid not null, kind text not null, snapshot jsonb not null)`,
  );
  const chunk = 500;
  for (let start = 0; start < count; start += chunk) {
    const list = [];
    for (let a = start; a < Math.min(count, start + chunk); a++) {
      const enterprise = rnd() < 0.4;
      const name = enterprise ? firmName(rnd) : personName(rnd);
      const phone = demoPhone(rnd);
      const idNumber = enterprise ? null : demoIdNumber(rnd);
      const creditCode = enterprise ? demoCreditCode(rnd) : null;
      list.push({ a, enterprise, name, phone, idNumber, creditCode, address: demoAddress(rnd) });
    }
    const rows = await db
      .insert(users)
      .values(
        list.map((x) => ({
          username: `bulk-${tag}-${x.a}`,
          displayName: x.name,
          kind: x.enterprise ? ("enterprise" as const) : ("person" as const),
          passwordHash: "!bulk",
          idNumber: x.idNumber,
          idNumberHash: x.idNumber ? piiHash(x.idNumber) : null,
          creditCode: x.creditCode,
          legalRepresentative: x.enterprise ? personName(rnd) : null,
          phone: x.phone,
          phoneHash: piiHash(x.phone),
          address: x.address,
        })),
      )
      .returning({ id: users.id });
    const values = list.map((x, i) => {
      const snapshot = {
        kind: x.enterprise ? "enterprise" : "person",
        name: x.name,
        idNumber: x.idNumber ? encryptPii(x.idNumber) : null,
        ...(x.idNumber ? { idNumberHash: piiHash(x.idNumber) } : {}),
        creditCode: x.creditCode,
        legalRepresentative: null,
        phone: encryptPii(x.phone),
        email: null,
        address: x.address,
      };
      return `(${x.a}, ${lit(rows[i].id)}, ${lit(snapshot.kind)}, ${jsonLit(snapshot)})`;
    });
    await exec(db, `insert into bulk_applicants values ${values.join(",")}`);
    await db.insert(roleMemberships).values(rows.map((r) => ({ userId: r.id, role: "applicant" as const })));
  }
}

/**
 * `bulk_days` (n, day): the working days from `from` on, numbered 0, 1, …, as many as the span needs
 * plus `after` more (deadlines past the last simulated day). Returns the index of the last day ≤ `to`.
 */
export async function writeDays(
  db: Db,
  cal: WorkingCalendar,
  from: string,
  to: string,
  after: number,
): Promise<{ last: number; days: string[] }> {
  await exec(db, `create table bulk_days (n int primary key, day date not null)`);
  const days: string[] = [];
  let d = cal.isWorkingDay(from) ? from : cal.nextWorkingDay(from);
  while (d <= to) {
    days.push(d);
    d = cal.nextWorkingDay(d);
  }
  const last = days.length - 1;
  for (let i = 0; i < after; i++) {
    days.push(d);
    d = cal.nextWorkingDay(d);
  }
  for (let i = 0; i < days.length; i += 1000)
    await exec(
      db,
      `insert into bulk_days values ${days
        .slice(i, i + 1000)
        .map((x, m) => `(${i + m}, '${x}')`)
        .join(",")}`,
    );
  return { last, days };
}
