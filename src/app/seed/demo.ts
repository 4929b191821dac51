import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "../../db/client";
import { meta, organizations, users } from "../../db/schema";
import { ZCreateUser } from "../../shared/api/requests/admin";
import { seedCatalog, seedCatalogItems } from "../catalog/seedCatalog";
import { seedDemoInquiries } from "../inquiries/demoInquiries";
import { seedDemoProject } from "../projects/demoProject";
import { demoSharedRecordCount, seedDemoSharedRecords } from "../sharedData/seedSharedData";
import { createUser } from "../users/createUser";
import { readSeedYaml } from "./files";

const ZOrgSeed: z.ZodType<OrgSeed> = z.lazy(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string().optional(),
    kind: z.enum(["bureau", "section", "window", "township", "department"]),
    divisionCode: z.string().optional(),
    creditCode: z.string().optional(),
    timeZone: z.string().optional(),
    address: z.string().optional(),
    phone: z.string().optional(),
    hours: z.string().optional(),
    children: z.array(ZOrgSeed).optional(),
  }),
);
type OrgSeed = {
  code: string;
  name: string;
  nameEn?: string;
  kind: "bureau" | "section" | "window" | "township" | "department";
  divisionCode?: string;
  creditCode?: string;
  timeZone?: string;
  address?: string;
  phone?: string;
  hours?: string;
  children?: OrgSeed[];
};

/** Demo password of every demo account (demo mode only; printed at start). */
export const DEMO_PASSWORD = "demo1234";

/** Progress callback for long work: `done` of `total` steps, with a label. */
export type Progress = (done: number, total: number, label: string) => void;

/** Inserts (or keeps) an organization tree, computing materialized paths from the parents. */
async function upsertOrgs(
  ex: Executor,
  list: OrgSeed[],
  parent: { id: string; path: string; divisionCode: string; timeZone: string } | null,
  progress: () => void,
) {
  for (const o of list) {
    const path = `${parent?.path ?? "/"}${o.code}/`;
    const [existing] = await ex.select().from(organizations).where(eq(organizations.code, o.code));
    const values = {
      code: o.code,
      name: o.name,
      nameEn: o.nameEn,
      kind: o.kind,
      parentId: parent?.id ?? null,
      path,
      divisionCode: o.divisionCode ?? parent?.divisionCode ?? "",
      creditCode: o.creditCode,
      timeZone: o.timeZone ?? parent?.timeZone ?? "Asia/Shanghai",
      address: o.address,
      phone: o.phone,
      hours: o.hours,
    };
    const row = existing
      ? (await ex.update(organizations).set(values).where(eq(organizations.id, existing.id)).returning())[0]
      : (await ex.insert(organizations).values(values).returning())[0];
    progress();
    if (o.children) await upsertOrgs(ex, o.children, row, progress);
  }
}

const countOrgs = (list: OrgSeed[]): number => list.reduce((n, o) => n + 1 + countOrgs(o.children ?? []), 0);

/**
 * Loads the demo county bureau (怀远县自然资源和规划局) with its sections, window, townships and
 * outside departments, the demo accounts and the seed service catalog. Idempotent: existing rows are kept.
 */
export async function seedDemo(db: Db, onProgress: Progress = () => {}): Promise<{ created: number }> {
  const orgSeed = z.array(ZOrgSeed).parse(readSeedYaml<unknown>("demo/organizations.yaml"));
  const userSeed = z
    .array(ZCreateUser.omit({ password: true }))
    .parse(readSeedYaml<unknown>("demo/users.yaml"));
  const catalogSize = seedCatalogItems().length;
  const total = countOrgs(orgSeed) + userSeed.length + catalogSize + demoSharedRecordCount();
  let done = 0;
  let created = 0;
  await db.transaction(async (tx) => {
    await upsertOrgs(tx, orgSeed, null, () => onProgress(++done, total, "organizations"));
    for (const u of userSeed) {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, u.username));
      if (!existing) {
        await createUser(tx, { ...u, password: DEMO_PASSWORD });
        created++;
      }
      onProgress(++done, total, `user ${u.username}`);
    }
    // The service catalog (version 1 of each seed item); items already present are kept.
    const catalog = await seedCatalog(tx, new Date(), (label) => onProgress(++done, total, label));
    created += catalog.created;
    created += await seedDemoSharedRecords(tx, new Date(), (label) => onProgress(++done, total, label));
    // Bundle templates and the demo project (拿地即办证) of the new-materials company.
    created += await seedDemoProject(tx, new Date());
    // A few months of inquiries (咨询) at the window, by phone and online.
    created += await seedDemoInquiries(tx, new Date());
    await tx
      .insert(meta)
      .values({ key: "demo_seeded", value: true })
      .onConflictDoUpdate({ target: meta.key, set: { value: true } });
  });
  return { created };
}

/** True when the demo data has been loaded into this database. */
export async function isDemoSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select().from(meta).where(eq(meta.key, "demo_seeded"));
  return row?.value === true;
}

/** Usernames of the demo accounts, in the order the README lists them. */
export function demoAccounts(): { username: string; displayName: string; roles: string[] }[] {
  const list =
    readSeedYaml<{ username: string; displayName: string; roles: { role: string; org?: string }[] }[]>(
      "demo/users.yaml",
    );
  return list.map((u) => ({
    username: u.username,
    displayName: u.displayName,
    roles: u.roles.map((r) => (r.org ? `${r.role}@${r.org}` : r.role)),
  }));
}
