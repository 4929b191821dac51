import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type ApiCase, ApiClient, LAND_PERMIT_FORM } from "./lifecycleHelpers";
import { e2eSuite, shot } from "./suite";

process.env.YIZHAN_KEYS_DIR = mkdtempSync(join(tmpdir(), "yizhan-keys-e2e-"));

/** Where the screenshots of this feature are kept for review (besides test-results/). */
const SHOTS = process.env.YIZHAN_SHOTS_DIR ?? "/work/shots";

const s = e2eSuite();

type Stats = {
  overall: { ratings: number; bad: number; satisfied: number; rate: number | null };
  rectifications: { open: number; rectified: number };
};
type Notification = { kind: string; link: string | null; caseId: string | null };

/** A 建设用地规划许可证 case completed through the API (the steps whose screens are tested elsewhere). */
async function completedCase(): Promise<ApiCase> {
  const sanmu = await ApiClient.as(s.url, "sanmu");
  let c = await sanmu.ok<ApiCase>("POST", "/api/cases", {
    itemCode: "construction-land-planning-permit",
    formData: LAND_PERMIT_FORM,
  });
  for (const m of c.materials.filter((x) => x.required && x.source === "upload"))
    c = await sanmu.upload(c.id, m.code, `${m.name}.pdf`);
  c = await sanmu.ok<ApiCase>("POST", `/api/cases/${c.id}/submit`, { expectedVersion: c.version });
  const clerk = await ApiClient.as(s.url, "clerk");
  c = await clerk.ok<ApiCase>("POST", `/api/cases/${c.id}/material-checks`, {
    expectedVersion: c.version,
    checks: c.materials
      .filter((m) => m.status !== "pending" || m.required)
      .map((m) => ({ materialCode: m.code, status: "pass" })),
  });
  c = await clerk.ok<ApiCase>("POST", `/api/cases/${c.id}/accept`, { expectedVersion: c.version });
  for (const task of c.reviewTasks) {
    const reviewer = await ApiClient.as(
      s.url,
      task.orgCode === "HY-ZRZY-GH" ? "reviewer-planning" : "reviewer-land",
    );
    c = await reviewer.ok<ApiCase>("POST", `/api/review-tasks/${task.id}/complete`, {
      expectedVersion: task.version,
      outcome: "approve",
      opinion: "同意",
    });
  }
  const approver = await ApiClient.as(s.url, "approver");
  c = await approver.ok<ApiCase>("POST", `/api/cases/${c.id}/decide`, {
    expectedVersion: c.version,
    outcome: "approve",
    reasons: "符合规划条件",
  });
  c = await clerk.ok<ApiCase>("POST", `/api/cases/${c.id}/issue`, { expectedVersion: c.version });
  expect(c.status).toBe("completed");
  return c;
}

/** The link of the applicant's in-app message of `kind` about a case (sent by the outbox worker). */
async function messageLink(caseId: string, kind: string): Promise<string> {
  const sanmu = await ApiClient.as(s.url, "sanmu");
  let link: string | null = null;
  await expect
    .poll(
      async () => {
        const list = await sanmu.ok<{ items: Notification[] }>("GET", "/api/notifications?limit=200");
        link = list.items.find((n) => n.kind === kind && n.caseId === caseId)?.link ?? null;
        return link;
      },
      { timeout: 20_000, interval: 500 },
    )
    .toMatch(/^\/evaluate\/e_/);
  return link as unknown as string;
}

async function publicStats(): Promise<Stats> {
  const res = await fetch(new URL("/api/public/satisfaction", s.url));
  return (await res.json()) as Stats;
}

/** Chooses `level` for every dimension shown (overall last: `overall` may differ). */
async function rate(page: Page, dims: string[], level: string, overall = level): Promise<void> {
  for (const d of dims) await page.getByTestId(`rate-${d}-${d === "overall" ? overall : level}`).click();
}

async function keep(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const ONLINE = ["overall", "efficiency", "guide_accuracy", "convenience", "usability"];
const WINDOW = ["overall", "service_efficiency", "service_level", "attitude"];

describe("好差评 end to end", () => {
  it("a bad rating through the e-mail link becomes a rectification, a follow-up rating, and changed public figures", async () => {
    const c = await completedCase();
    const before = await publicStats();
    const link = await messageLink(c.id, "evaluation.invited");

    // The applicant opens the link without logging in and rates 不满意.
    const visitor = await s.page({ label: "applicant-link" });
    await visitor.goto(s.at(link));
    await visitor.getByTestId("rating-form").waitFor();
    await rate(visitor, ONLINE, "basic", "dissatisfied");
    await visitor.getByTestId("rating-comment").fill("窗口排队等了一个多小时，希望改进。");
    await visitor.getByTestId("rating-submit").click();
    await visitor.getByTestId("rating-thanks").waitFor();
    await shot(visitor, "evaluation-link-thanks");

    // The link does not work twice: the page says so, and so does the API.
    const again = await s.page({ label: "applicant-link-again" });
    await again.goto(s.at(link));
    await again.getByTestId("rating-used").waitFor();
    const token = link.split("/").pop();
    const twice = await fetch(new URL(`/api/evaluation-invitations/${token}/evaluation`, s.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        dimensions: {
          overall: "very_satisfied",
          efficiency: "very_satisfied",
          guide_accuracy: "very_satisfied",
          convenience: "very_satisfied",
          usability: "very_satisfied",
        },
      }),
    });
    expect(twice.status).toBe(409);

    // The supervisor sees the rectification, records the callback, then the outcome.
    const sup = await s.signIn("supervisor", { width: 1440 });
    await sup.getByTestId("nav-supervision").click();
    await sup.getByTestId("page-supervision").waitFor();
    const row = sup.locator("tr", { hasText: c.number });
    await row.waitFor();
    await row.getByRole("button", { name: "登记回访" }).click();
    await sup.getByTestId("rect-text").fill("已电话回访，申请人反映高峰期排队时间长。");
    await sup.getByTestId("rect-save").click();
    await row.getByText("整改中").waitFor();
    await row.getByRole("button", { name: "登记整改结果" }).click();
    await sup.getByTestId("rect-text").fill("高峰时段增开两个综合受理窗口，推行预约取号。");
    await sup.getByTestId("rect-save").click();
    await sup.getByRole("tab", { name: "申诉复核" }).click();
    await sup.getByRole("tab", { name: "整改" }).click();
    await sup.getByTestId("page-supervision").waitFor();
    await sup.getByText("进行中").click();
    await sup.locator(".ant-segmented-item", { hasText: "已结束" }).click();
    const doneRow = sup.locator("tr", { hasText: c.number });
    await doneRow.getByText("已整改").waitFor();
    await shot(sup, "evaluation-supervision");
    await keep(sup, "evaluations-supervision-1440");
    // The rectification clock of the bureau (defaults until set).
    await sup.getByRole("tab", { name: "设置" }).click();
    await sup.getByTestId("settings-HY-ZRZY").waitFor();
    expect(await sup.getByTestId("settings-HY-ZRZY").textContent()).toContain("沿用上级或默认");

    // The follow-up invitation arrives; the applicant rates 满意 (the first rating stays).
    const follow = await messageLink(c.id, "evaluation.follow_up");
    expect(follow).not.toBe(link);
    const fpage = await s.page({ label: "applicant-follow-up" });
    await fpage.goto(s.at(follow));
    await fpage.getByTestId("rating-form").waitFor();
    expect(await fpage.getByText("整改后回访").count()).toBeGreaterThan(0);
    await rate(fpage, ONLINE, "satisfied");
    await fpage.getByTestId("rating-submit").click();
    await fpage.getByTestId("rating-thanks").waitFor();

    // The public figures count both ratings, the bad one and its rectification.
    const after = await publicStats();
    expect(after.overall.ratings).toBe(before.overall.ratings + 2);
    expect(after.overall.bad).toBe(before.overall.bad + 1);
    expect(after.overall.satisfied).toBe(before.overall.satisfied + 1);
    expect(after.rectifications.rectified).toBe(before.rectifications.rectified + 1);
    const pub = await s.page({ label: "public-figures", width: 1440 });
    await pub.goto(s.at("/satisfaction"));
    await pub.getByTestId("page-satisfaction").waitFor();
    await expect
      .poll(() => pub.getByTestId("stats-ratings").textContent())
      .toContain(String(after.overall.ratings));
    expect(await pub.getByTestId("stats-bad").textContent()).toContain(String(after.overall.bad));
    await pub.locator("canvas").first().waitFor();
    await pub.waitForTimeout(800);
    await keep(pub, "evaluations-figures-1440");
    const phone = await s.page({ label: "public-figures-phone", width: 390, height: 844 });
    await phone.goto(s.at("/satisfaction"));
    await phone.getByTestId("page-satisfaction").waitFor();
    await phone.locator("canvas").first().waitFor();
    await phone.waitForTimeout(800);
    await keep(phone, "evaluations-figures-390");
  }, 240_000); // the whole path, with three sessions, on a shared machine

  it("the window tablet: the clerk opens it, cannot rate; the applicant rates on the tablet, which then locks", async () => {
    const c = await completedCase();
    // The applicant's portal lists the case as awaiting a rating.
    const portal = await s.signIn("sanmu", { width: 1440 });
    await portal.getByTestId(`pending-rate-${c.id}`).waitFor();
    await keep(portal, "evaluations-portal-pending-1440");
    const clerk = await s.signIn("clerk", { width: 1440 });
    await clerk.goto(s.at(`/cases/${c.id}`));
    await clerk.getByTestId("case-evaluations").waitFor();
    await clerk.getByTestId("open-tablet").click();
    await clerk.getByTestId("tablet-device-input").fill("8号窗口评价器");
    await clerk.getByTestId("tablet-submit").click();
    const url = (await clerk.getByTestId("tablet-url").textContent())?.trim() ?? "";
    expect(url).toMatch(/\/tablet\/t_/);
    const path = new URL(url).pathname;

    // The clerk's own session cannot rate through the tablet page.
    await clerk.goto(s.at(path));
    await clerk.getByTestId("rating-staff").waitFor();

    const phone = await s.page({ label: "tablet-phone", width: 390, height: 844 });
    await phone.goto(s.at(path));
    await phone.getByTestId("rating-form").waitFor();
    await keep(phone, "evaluations-tablet-390");

    const tablet = await s.page({ label: "tablet", width: 1440 });
    await tablet.goto(s.at(path));
    await tablet.getByTestId("rating-form").waitFor();
    expect(await tablet.getByTestId("tablet-device").textContent()).toContain("8号窗口评价器");
    expect(await tablet.getByTestId("nav-guide").count()).toBe(0);
    await keep(tablet, "evaluations-tablet-1440");
    await rate(tablet, WINDOW, "very_satisfied");
    await tablet.getByTestId("rating-submit").click();
    await tablet.getByText("评价已提交，评价器已锁定").waitFor();
    await keep(tablet, "evaluations-tablet-locked-1440");
    await tablet.reload();
    await tablet.getByTestId("rating-used").waitFor();

    // The case shows the rating with the device it came from.
    await clerk.goto(s.at(`/cases/${c.id}`));
    const panel = clerk.getByTestId("case-evaluations");
    await panel.getByText("8号窗口评价器").waitFor();
    await panel.getByTestId("level-very_satisfied").first().waitFor();
  }, 180_000);
});
