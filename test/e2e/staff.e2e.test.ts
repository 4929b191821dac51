import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runSweep } from "../../src/app/sweep/runSweep";
import { cases, reviewTasks, supervisionAlerts, users } from "../../src/db/schema";
import { FixedClock } from "../../src/shared/clock";
import { caseIn } from "../helpers/factories";
import type { TestApp } from "../helpers/testApp";
import { screenshot } from "./browser";
import { e2eSuite, shot } from "./suite";

/**
 * 人员与AB岗 (issue 14, point 2) in Chromium, on a fixed clock the test moves: the supervisor marks the
 * planning reviewer absent, a case accepted that day goes to the backup (who sees it as 分配给我), the
 * clock passes the case's deadline, the sweep raises the red card and the supervisor closes it on the
 * alert desk. The case is filed and accepted through the app functions (test/helpers/factories.ts),
 * as the window's e2e covers those screens.
 */
const clock = new FixedClock(new Date("2026-12-07T01:30:00Z")); // Monday 09:30 in Huaiyuan
const s = e2eSuite({ clock });

describe("staff and AB岗 (人员)", () => {
  it("routes new work to the backup while the holder is away; the overdue case's red card is closed on the desk", async () => {
    const sup = await s.signIn("supervisor", { width: 1440 });
    await sup.getByTestId("nav-staff").click();
    await sup.waitForURL(/\/supervision\/staff$/);
    await sup.getByTestId("page-staff").waitFor();
    expect(await sup.getByTestId("page-title").textContent()).toContain("人员与AB岗");
    const gh = sup.getByTestId("org-国土空间规划股");
    const post = gh.getByTestId("post-规划审查岗");
    expect(await post.getByTestId("post-current").textContent()).toBe("规划审查员 陈刚");

    // 登记请假: today (the server's day) by default.
    await gh.getByTestId("person-规划审查员 陈刚").getByTestId("absence-open").click();
    await sup.getByTestId("absence-reason").getByText("请假", { exact: true }).click();
    await sup.getByTestId("absence-note").fill("年休假");
    await sup.getByTestId("absence-submit").click();
    await gh.getByTestId("person-规划审查员 陈刚").getByTestId("absence-badge").waitFor();
    expect(await gh.getByTestId("person-规划审查员 陈刚").getByTestId("absence-badge").textContent()).toBe(
      "请假至 2026-12-07",
    );
    await post.getByTestId("post-current").getByText("规划审查员 李娜").waitFor();
    await shot(sup, "staff-absent-holder");

    // A case accepted today: its planning review task goes to the backup, recorded in its log.
    const c = await caseIn({ ctx: s.ctx } as unknown as TestApp, "in_review");
    const db = s.ctx.database.db;
    const [li] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, "reviewer-planning2"));
    const [task] = await db
      .select()
      .from(reviewTasks)
      .where(and(eq(reviewTasks.caseId, c.id), eq(reviewTasks.assigneeId, li?.id ?? "")));
    expect(task?.status).toBe("open");

    const backup = await s.signIn("reviewer-planning2", { width: 1440 });
    await backup.goto(s.at("/inbox"));
    const row = backup.locator(`[data-case-number="${c.number}"]`);
    await row.getByTestId("task-assigned-me").waitFor();
    expect(await backup.locator("[data-case-number]").first().getAttribute("data-case-number")).toBe(
      c.number,
    );
    await shot(backup, "staff-backup-inbox");
    // The case log says why.
    await row.getByTestId("task-case-link").click();
    await backup.getByRole("tab", { name: /时间线|办理记录/ }).click();
    await backup.getByTestId("timeline-routing").first().waitFor();
    expect(await backup.getByTestId("timeline-routing").allTextContents()).toContainEqual(
      expect.stringContaining("A岗 规划审查员 陈刚 请假 → 分配给B岗 规划审查员 李娜"),
    );

    // The supervisor sees the backup's workload; the page on a phone.
    await sup.reload();
    const liRow = sup.getByTestId("org-国土空间规划股").getByTestId("person-规划审查员 李娜");
    await liRow.getByTestId("workload-open").getByText("1").waitFor();
    const phone = await s.signIn("supervisor", { width: 390, height: 800 });
    await phone.goto(s.at("/supervision/staff"));
    await phone.getByTestId("page-staff").waitFor();
    await phone.getByTestId("org-国土空间规划股").waitFor();
    await screenshot(phone, "staff-phone");

    // Past the case's deadline on the fixed clock: the sweep raises the red card.
    const [row2] = await db.select({ deadline: cases.deadline }).from(cases).where(eq(cases.id, c.id));
    const deadline = row2?.deadline as string;
    const [y, m, d] = deadline.split("-").map(Number);
    clock.set(new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 3, 1, 30)));
    await runSweep(s.ctx);
    const [red] = await db
      .select()
      .from(supervisionAlerts)
      .where(and(eq(supervisionAlerts.caseId, c.id), eq(supervisionAlerts.rule, "clock_red")));
    expect(red?.resolvedAt).toBeNull();

    // Days later the sessions have expired: the supervisor signs in again, sees the red count, closes it.
    const later = await s.signIn("supervisor", { width: 1440 });
    await later.goto(s.at("/supervision/staff"));
    const liLate = later.getByTestId("org-国土空间规划股").getByTestId("person-规划审查员 李娜");
    await liLate.getByTestId("workload-red").getByText("1").waitFor();
    await shot(later, "staff-overdue");
    await later.goto(s.at("/supervision/alerts"));
    await later.getByTestId("page-alerts").waitFor();
    await later
      .getByTestId("alert-case-filter")
      .locator("input")
      .fill(c.number ?? "");
    await later.getByTestId("alert-case-filter").locator("input").press("Enter");
    await later.getByTestId(`alert-close-${red?.id}`).click();
    await later.getByTestId("alert-comment").fill("已督促B岗当日办结，A岗返岗后交回");
    await later.getByTestId("alert-submit").click();
    // The desk shows open alerts: the closed one leaves the list, closed by the supervisor.
    await later.getByTestId(`alert-row-${red?.id}`).waitFor({ state: "detached" });
    await shot(later, "staff-alert-closed");
    const [closed] = await db
      .select()
      .from(supervisionAlerts)
      .where(eq(supervisionAlerts.id, red?.id ?? ""));
    expect(closed?.resolvedAt).not.toBeNull();
    expect(closed?.closedBy).not.toBeNull();
  }, 300_000); // four sessions and a sweep over the demo bureau, on a shared machine
});
