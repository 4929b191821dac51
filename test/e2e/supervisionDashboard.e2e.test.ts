import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "./browser";
import { e2eSuite } from "./suite";

const s = e2eSuite();

/** A screenshot into test-results/ and, where it exists, the team's /work/shots/. */
async function keep(page: Page, name: string) {
  const path = await screenshot(page, name);
  if (existsSync("/work")) {
    mkdirSync("/work/shots", { recursive: true });
    copyFileSync(path, join("/work/shots", `${name}.png`));
  }
}

describe("the supervisor's dashboard and scorecards (检查考核)", () => {
  it("shows the figures, drills from a figure to its cases and on to a case; signs a scorecard", async () => {
    const sup = await s.signIn("supervisor", { width: 1440 });
    await sup.getByTestId("nav-dashboard").click();
    await sup.getByTestId("sv-figures").waitFor();
    await sup.getByTestId("kpi-completed-value").waitFor();
    // The demo's rated cases of the past months are completed: the six months shown have some.
    const completed = Number(await sup.getByTestId("kpi-completed-value").textContent());
    expect(completed).toBeGreaterThan(0);
    await sup.getByTestId("sv-trend-chart").locator("canvas").first().waitFor();
    expect(await sup.getByTestId("sv-trend-chart").getAttribute("aria-label")).toContain("折线图");
    await keep(sup, "supervision-dashboard-1440");

    // Drill down: the completed cases, then one case.
    await sup.getByTestId("drill-completed").click();
    const drawer = sup.getByTestId("sv-drill");
    await drawer.getByTestId("sv-drill-summary").waitFor();
    expect(await drawer.getByTestId("sv-drill-summary").textContent()).toContain(`共 ${completed} 件`);
    await keep(sup, "supervision-drill-1440");
    await drawer.locator('[data-testid^="sv-drill-case-"]').first().click();
    await sup.getByTestId("page-case").waitFor();
    expect(sup.url()).toContain("/cases/");

    // The phone-sized dashboard.
    const phone = await s.signIn("supervisor", { width: 390, height: 844, label: "phone" });
    await phone.goto(s.at("/dashboard"));
    await phone.getByTestId("kpi-completed-value").waitFor();
    await keep(phone, "supervision-dashboard-390");

    // Scorecards: last month's, sign the first person's card with a comment, after confirming.
    await sup.getByTestId("nav-scorecards").click();
    await sup.getByTestId("page-scorecards").waitFor();
    const people = sup.getByTestId("scorecard-people");
    const signButton = people.locator('[data-testid^="scorecard-sign-"]').first();
    await signButton.waitFor();
    const subjectId = ((await signButton.getAttribute("data-testid")) ?? "").replace("scorecard-sign-", "");
    await keep(sup, "supervision-scorecards-1440");
    await signButton.click();
    await sup.getByTestId("scorecard-comment").fill("工作认真，按时办结。");
    await sup.getByTestId("scorecard-sign-submit").click();
    await sup.getByTestId("scorecard-confirm").click();
    await people.getByTestId(`scorecard-frozen-${subjectId}`).waitFor();
    expect(await people.locator(`[data-testid="scorecard-sign-${subjectId}"]`).count()).toBe(0);
    await keep(sup, "supervision-scorecards-signed-1440");

    await phone.goto(s.at("/supervision/scorecards"));
    await phone.getByTestId(`scorecard-frozen-${subjectId}`).waitFor();
    await keep(phone, "supervision-scorecards-390");
  }, 240_000); // two sessions and two pages each, on a shared machine
});
