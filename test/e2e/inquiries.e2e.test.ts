import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "./browser";
import { e2eSuite, pickOption } from "./suite";

const s = e2eSuite();
const ITEM = "国有建设用地使用权及房屋所有权转移登记";
const PHONE = "13905521234";

/** A screenshot into test-results/ and, where it exists, the team's /work/shots/. */
async function keep(page: Page, name: string) {
  const path = await screenshot(page, name);
  const shots = "/work/shots";
  if (existsSync("/work")) {
    mkdirSync(shots, { recursive: true });
    copyFileSync(path, join(shots, `${name}.png`));
  }
}

describe("inquiries (咨询)", () => {
  it("a citizen asks online without an account, a clerk claims and answers, the citizen reads the answer by code", async () => {
    // The public ask page, linked from the public navigation.
    const citizen = await s.page({ width: 1440, label: "citizen" });
    await citizen.goto(s.at("/guide"));
    await citizen.getByTestId("nav-ask").click();
    await citizen.getByTestId("page-ask").waitFor();
    await keep(citizen, "inquiries-ask-1440");
    await pickOption(citizen, '[data-testid="ask-item"]', ITEM);
    await citizen.getByTestId("ask-question").fill("二手房过户买卖双方都要到场吗？");
    await citizen.getByTestId("ask-name").fill("李四");
    await citizen.getByTestId("ask-contact").fill(PHONE);
    await citizen.getByTestId("ask-submit").click();
    const code = ((await citizen.getByTestId("ask-query-code").textContent()) ?? "").trim();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);

    // Before the answer: waiting.
    await citizen.getByTestId("ask-view-answer").click();
    await citizen.getByTestId("answer-result").waitFor();
    expect(await citizen.getByTestId("answer-status").textContent()).toContain("等待答复");

    // The phone-sized ask page.
    const phone = await s.page({ width: 390, height: 844, label: "phone" });
    await phone.goto(s.at("/ask"));
    await phone.getByTestId("page-ask").waitFor();
    await keep(phone, "inquiries-ask-390");

    // The clerk's desk: the question waits unclaimed; the contact is masked until she owns it.
    const clerk = await s.signIn("clerk", { width: 1440 });
    await clerk.getByTestId("nav-inquiries").click();
    await clerk.getByTestId("page-inquiries").waitFor();
    const row = clerk.getByTestId(`inq-row-${code}`);
    await row.waitFor();
    expect(await row.textContent()).toContain("139****1234");
    await row.getByTestId("inq-claim").click();
    await row.getByTestId("inq-answer").waitFor();
    expect(await row.textContent()).toContain(PHONE);
    await row.getByTestId("inq-answer").click();
    await clerk
      .getByTestId("inq-answer-text")
      .fill("买卖双方均需到场签字；不能到场的可委托代理人持公证的授权委托书办理。");
    await clerk.getByTestId("inq-answer-submit").click();
    await row.getByTestId("inq-status-answered").waitFor();
    await keep(clerk, "inquiries-desk-1440");
    // The desk speaks English too.
    await clerk.getByTestId("lang-toggle").click();
    await clerk.getByText("Inquiry desk").first().waitFor();
    await keep(clerk, "inquiries-desk-en-1440");

    const clerkPhone = await s.signIn("clerk", { width: 390, height: 844 });
    await clerkPhone.goto(s.at("/inquiries"));
    await clerkPhone.getByTestId("page-inquiries").waitFor();
    await clerkPhone.getByTestId(`inq-row-${code}`).waitFor();
    await keep(clerkPhone, "inquiries-desk-390");

    // The citizen reads the answer by code: the answer, never the contact or the name.
    await citizen.goto(s.at("/ask/answer"));
    await citizen.getByTestId("answer-code-input").fill(code.toLowerCase());
    await citizen.getByTestId("answer-search").click();
    await citizen.getByTestId("answer-text").waitFor();
    expect(await citizen.getByTestId("answer-text").textContent()).toContain("授权委托书");
    const text = await citizen.locator("body").textContent();
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain("李四");
    await keep(citizen, "inquiries-answer-1440");
    await phone.goto(s.at(`/ask/answer?code=${code}`));
    await phone.getByTestId("answer-text").waitFor();
    await keep(phone, "inquiries-answer-390");

    // An unknown code is a clear warning, not an error page.
    await citizen.goto(s.at("/ask/answer?code=NOPE2345"));
    await citizen.getByTestId("answer-error").waitFor();
  });

  it("the guide shows the item's FAQ and links to the ask page", async () => {
    const page = await s.page({ width: 1440 });
    await page.goto(s.at("/guide/items/state-land-and-house-transfer-registration"));
    await page.getByTestId("guide-faq").waitFor();
    await page.getByTestId("guide-faq").scrollIntoViewIfNeeded();
    await keep(page, "inquiries-guide-faq-1440");
    await page.getByTestId("guide-ask").click();
    await page.getByTestId("page-ask").waitFor();
    expect(page.url()).toContain("item=state-land-and-house-transfer-registration");
  });
});
