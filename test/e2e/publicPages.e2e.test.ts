import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cases } from "../../src/db/schema";
import { isValidResidentId } from "../../src/domain/rules/identifiers";
import { caseIn } from "../helpers/factories";
import type { TestApp } from "../helpers/testApp";
import { openInApp } from "./pages";
import { e2eSuite } from "./suite";

/**
 * 阳光下工作 without leaking (issue 18): a visitor who is not signed in follows every link of the public
 * pages from `/` — plus a decision search, an item filter and the progress link of a natural person's
 * case — and no page's rendered HTML, no API answer those pages received and no open-data download holds
 * a full ID number (18 digits, GB 11643 check character and birth date valid; masked forms are fine) or a
 * mobile phone number. The demo data is first given natural persons with published decisions, and the
 * test checks as staff that their ID numbers and phones are in the database: the crawl could find them.
 */
const s = e2eSuite();

/** Full resident ID numbers in a text: 18 characters, a valid check character and birth date. */
function idNumbersIn(text: string): string[] {
  return [...text.matchAll(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g)]
    .map((m) => m[0])
    .filter((id) => isValidResidentId(id.toUpperCase()));
}

/**
 * Mobile phone numbers in a text: 11 digits 1[3-9]… standing alone — not part of a longer number, nor of
 * a code or a hex hash (the transparency log's hashes are hex: digits there run between letters).
 */
function phonesIn(text: string): string[] {
  return [...text.matchAll(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g)].map((m) => m[0]);
}

const leaks = (text: string) => [...idNumbersIn(text), ...phonesIn(text)];

const RURAL_FORM = {
  projectName: "村民自建农产品加工用房",
  township: "双桥集镇",
  village: "双桥村",
  landArea: 300,
  buildingArea: 280,
  purpose: "乡镇企业",
};

/** At most this many pages (74 in the demo data: the menu, the guide's items, the documents they cite). */
const MAX_PAGES = 150;

describe("the public pages show no ID number and no phone number", () => {
  it("finds them when present (the check can fail)", () => {
    expect(leaks("申请人 张伟 340321198503122011，电话 13805529876")).toEqual([
      "340321198503122011",
      "13805529876",
    ]);
    // Masked forms, a credit code, a landline and longer digit runs are not personal numbers.
    expect(
      leaks(
        "3403**********2011 138****9876 113403210030000013 0552-8012345 913403211380552987600 sha256:ab13805529876cd",
      ),
    ).toEqual([]);
  });

  it("crawls every public page from / signed out, and the open-data downloads", async () => {
    // Natural persons with published decisions: a rural planning permit issued to the demo citizen 张伟,
    // and an enterprise's land-use permit beside it.
    const t = { ctx: s.ctx } as unknown as TestApp;
    const person = await caseIn(t, "completed", {
      itemCode: "rural-construction-planning-permit",
      formData: RURAL_FORM,
      applicant: "citizen",
    });
    await caseIn(t, "completed");
    const [row] = await s.ctx.database.db.select().from(cases).where(eq(cases.id, person.id));
    // As staff: the person's ID number and phone are in the database, so a leak could be seen.
    expect(row.applicant.kind).toBe("person");
    expect(idNumbersIn(row.applicant.idNumber ?? "")).toHaveLength(1);
    expect(phonesIn(row.applicant.phone ?? "")).toHaveLength(1);
    const secrets = [row.applicant.name, row.applicant.idNumber ?? "", row.applicant.phone ?? ""];

    const page = await s.page({ label: "visitor" });
    const answers: { url: string; body: string }[] = [];
    page.on("response", async (res) => {
      if (!res.url().includes("/api/") || !(res.headers()["content-type"] ?? "").includes("json")) return;
      answers.push({ url: res.url(), body: await res.text().catch(() => "") });
    });
    const origin = new URL(s.url).origin;
    // The sequencer integrates the new events within its merge delay: wait for a checkpoint holding them.
    const sizeNow = async () => {
      const res = await page.request.get(`${origin}/api/transparency/checkpoints/latest`);
      return res.ok() ? ((await res.json()) as { treeSize: number }).treeSize : 0;
    };
    await expect.poll(sizeNow, { timeout: 30_000 }).toBeGreaterThan(1);
    const queue = [
      "/transparency?leaf=1",
      "/",
      "/decisions",
      `/decisions?q=${encodeURIComponent("双桥")}`,
      "/decisions?item=rural-construction-planning-permit",
      `/progress?number=${encodeURIComponent(row.number)}&code=${encodeURIComponent(row.queryCode)}`,
    ];
    const seen = new Set<string>();
    const findings: string[] = [];
    const downloads = new Set<string>();
    while (queue.length && seen.size < MAX_PAGES) {
      const path = queue.shift() as string;
      if (seen.has(path)) continue;
      seen.add(path);
      await openInApp(page, `${origin}${path}`);
      const html = await page.content();
      for (const hit of leaks(html)) findings.push(`${path}: ${hit}`);
      for (const secret of secrets.slice(1)) if (html.includes(secret)) findings.push(`${path}: ${secret}`);
      for (const href of await links(page)) {
        const u = new URL(href, page.url());
        if (u.origin !== origin) continue;
        if (u.pathname.startsWith("/api/")) downloads.add(u.pathname);
        else queue.push(u.pathname + u.search);
      }
    }
    // Every public menu page was reached, and the natural person's decision was shown.
    for (const p of [
      "/guide",
      "/progress",
      "/ask",
      "/verify",
      "/satisfaction",
      "/decisions",
      "/figures",
      "/open-data",
    ])
      expect(
        [...seen].some((x) => x === p || x.startsWith(`${p}?`)),
        p,
      ).toBe(true);
    expect(seen.size).toBeGreaterThan(10);
    console.info(`public pages crawled: ${seen.size}`);
    const decisions = answers.find((a) => a.url.includes("/api/public/decisions"));
    expect(decisions?.body).toContain(row.number);

    for (const a of answers) {
      for (const hit of leaks(a.body)) findings.push(`${a.url}: ${hit}`);
      for (const secret of secrets.slice(1))
        if (a.body.includes(secret)) findings.push(`${a.url}: ${secret}`);
    }
    // The open data, as linked from /open-data (absolute links on the public address).
    const openData = [
      "/api/public/open-data/decisions.csv",
      "/api/public/open-data/decisions.json",
      "/api/public/open-data/figures.csv",
      "/api/public/open-data/figures.json",
    ];
    // (The guide's other downloads are the items' blank notice sheets, PDFs without personal data.)
    expect([...downloads]).toEqual(expect.arrayContaining(openData));
    for (const d of openData) {
      const res = await page.request.get(`${origin}${d}`);
      expect(res.status(), d).toBe(200);
      const text = await res.text();
      if (d === "/api/public/open-data/decisions.csv") expect(text).toContain(row.number);
      for (const hit of leaks(text)) findings.push(`${d}: ${hit}`);
      for (const secret of secrets) if (text.includes(secret)) findings.push(`${d}: ${secret}`);
    }
    expect(findings).toEqual([]);

    // The link printed on notices: the browser checks the entry's leaf hash, its inclusion proof and the
    // checkpoint's Ed25519 signature itself, and every step passes.
    await openInApp(page, `${origin}/transparency?leaf=1`);
    const steps = page.getByTestId("leaf-steps");
    await steps.locator("[data-testid=step-signature][data-state]").waitFor();
    expect(
      await steps
        .locator("li")
        .evaluateAll((els) =>
          els.map((e) => `${e.getAttribute("data-testid")}:${e.getAttribute("data-state")}`),
        ),
    ).toEqual(["step-entry:ok", "step-leaf:ok", "step-inclusion:ok", "step-signature:ok"]);
    expect(await page.getByTestId("leaf-entry").textContent()).not.toContain(secrets[1]);
  });
});

/** The links of the page (anchors and link buttons), as written. */
async function links(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("a[href]"), (a) => a.getAttribute("href") ?? "").filter(
      (h) => h && !h.startsWith("#") && !h.startsWith("mailto:") && !h.startsWith("tel:"),
    ),
  );
}
