import { eq } from "drizzle-orm";
import type { Role } from "../../src/app/actor";
import { createUser } from "../../src/app/users/createUser";
import { organizations } from "../../src/db/schema";
import type { TestClient } from "./client";
import type { TestApp } from "./testApp";

/**
 * Signs in `username`, a member in `role` of another county's bureau (青山县, a root outside 怀远县's
 * tree, created on first use with its window), created here with the app's own account service.
 */
export async function otherCountyStaff(t: TestApp, username: string, role: Role): Promise<TestClient> {
  const db = t.ctx.database.db;
  const [exists] = await db.select().from(organizations).where(eq(organizations.code, "QS-ZRZY"));
  if (!exists) {
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
  await createUser(db, {
    username,
    displayName: `青山县 ${role}`,
    password: "demo1234",
    kind: "staff",
    roles: [{ role, org: role === "clerk" ? "QS-ZRZY-WIN" : "QS-ZRZY" }],
  });
  return t.as(username);
}
