import { eq } from "drizzle-orm";
import { meta, organizations, staffPosts, users } from "../../db/schema";
import type { PostDuty } from "../../domain/staff/routing";
import type { AppContext } from "../context";
import { staffChanged } from "./staffCache";

const SEEDED = "demo_staff_seeded";

/** The demo bureau's posts: the window's intake and each reviewing section's review work (A岗 / B岗). */
export const DEMO_POSTS: { org: string; name: string; duty: PostDuty; holder: string; backup: string }[] = [
  { org: "HY-ZRZY-WIN", name: "窗口综合受理岗", duty: "window_intake", holder: "clerk", backup: "clerk2" },
  {
    org: "HY-ZRZY-GH",
    name: "规划审查岗",
    duty: "review",
    holder: "reviewer-planning",
    backup: "reviewer-planning2",
  },
  {
    org: "HY-ZRZY-BDC",
    name: "不动产登记审查岗",
    duty: "review",
    holder: "reviewer-registry",
    backup: "reviewer-registry2",
  },
  {
    org: "HY-ZRZY-LY",
    name: "土地利用审查岗",
    duty: "review",
    holder: "reviewer-land",
    backup: "reviewer-land2",
  },
  {
    org: "HY-ZRZY-GB",
    name: "耕地保护审查岗",
    duty: "review",
    holder: "reviewer-land",
    backup: "reviewer-land2",
  },
  {
    org: "HY-ZRZY-YT",
    name: "用途管制审查岗",
    duty: "review",
    holder: "reviewer-land",
    backup: "reviewer-land2",
  },
];

/**
 * 人员 demo data (issue 14): the posts of the demo bureau's window and reviewing sections with their
 * holder and backup. Idempotent (a `meta` flag); a post whose organization or people are missing is
 * left out (a database seeded before the backups existed).
 */
export async function seedDemoStaff(ctx: AppContext): Promise<{ created: number }> {
  const db = ctx.database.db;
  const [done] = await db.select().from(meta).where(eq(meta.key, SEEDED));
  if (done) return { created: 0 };
  const orgs = new Map((await db.select().from(organizations)).map((o) => [o.code, o.id]));
  const people = new Map(
    (await db.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.username, u.id]),
  );
  const now = ctx.clock.now();
  let created = 0;
  await db.transaction(async (tx) => {
    for (const p of DEMO_POSTS) {
      const orgId = orgs.get(p.org);
      const holderId = people.get(p.holder);
      if (!orgId || !holderId) continue;
      await tx.insert(staffPosts).values({
        orgId,
        name: p.name,
        duty: p.duty,
        holderId,
        backupId: people.get(p.backup) ?? null,
        createdAt: new Date(now.getTime() + created),
        updatedAt: now,
      });
      created++;
    }
    await tx
      .insert(meta)
      .values({ key: SEEDED, value: true })
      .onConflictDoUpdate({ target: meta.key, set: { value: true } });
  });
  staffChanged();
  return { created };
}
