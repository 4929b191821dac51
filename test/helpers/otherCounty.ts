import { eq } from "drizzle-orm";
import type { Role } from "../../src/app/actor";
import { createUser } from "../../src/app/users/createUser";
import type { Db } from "../../src/db/client";
import { organizations } from "../../src/db/schema";
import type { TestClient } from "./client";
import type { TestApp } from "./testApp";

/** Another county's bureau (青山县): a root outside 怀远县's tree, with a window; created once. */
export async function ensureOtherCounty(db: Db): Promise<void> {
  const [exists] = await db.select().from(organizations).where(eq(organizations.code, "QS-ZRZY"));
  if (exists) return;
  const [root] = await db
    .insert(organizations)
    .values({
      code: "QS-ZRZY",
      name: "青山县自然资源和规划局",
      kind: "bureau",
      path: "/QS-ZRZY/",
      divisionCode: "340322",
    })
    .returning();
  await db.insert(organizations).values({
    code: "QS-ZRZY-WIN",
    name: "青山县政务服务中心自然资源和规划窗口",
    kind: "window",
    parentId: root.id,
    path: "/QS-ZRZY/QS-ZRZY-WIN/",
    divisionCode: "340322",
  });
}

/** A member in `role` of the other county (a clerk at its window, anyone else at its bureau), password demo1234. */
export async function createOtherCountyUser(db: Db, username: string, role: Role): Promise<void> {
  await ensureOtherCounty(db);
  await createUser(db, {
    username,
    displayName: `青山县 ${role}`,
    password: "demo1234",
    kind: "staff",
    roles: [{ role, org: role === "clerk" ? "QS-ZRZY-WIN" : "QS-ZRZY" }],
  });
}

/** Creates and signs in `username`, a member in `role` of the other county's bureau. */
export async function otherCountyStaff(t: TestApp, username: string, role: Role): Promise<TestClient> {
  await createOtherCountyUser(t.ctx.database.db, username, role);
  return t.as(username);
}
