import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INQUIRY_ALERT_RULE } from "../../app/inquiries/inquiries";
import { ALERT_CATEGORIES, ALERT_RULES, alertRuleInfo, alertStatus } from "./rules";

const APP = join(import.meta.dirname, "../../app");

/**
 * Every rule code written as a literal where alerts are raised (`rule: "…"`, `rule = … ? "…" : "…"`):
 * the files of src/app that call raiseAlert, and the rule modules beside this table.
 */
function ruleCodesRaised(): Set<string> {
  const codes = new Set<string>([INQUIRY_ALERT_RULE]);
  const files = [
    ...readdirSync(APP, { recursive: true, encoding: "utf8" }).map((f) => join(APP, f)),
    ...readdirSync(import.meta.dirname).map((f) => join(import.meta.dirname, f)),
  ];
  for (const f of files) {
    if (!f.endsWith(".ts") || f.endsWith(".test.ts") || f.endsWith("rules.ts")) continue;
    const src = readFileSync(f, "utf8");
    if (!src.includes("raiseAlert(") && !f.startsWith(import.meta.dirname)) continue;
    for (const m of src.matchAll(/rule(?::|\s*=)\s*([^,\n;]+)/g))
      for (const s of m[1].matchAll(/"([a-z]+_[a-z_]+)"/g)) codes.add(s[1]);
    for (const m of src.matchAll(/\[\s*overdue \? "([a-z_]+)" : null, idle \? "([a-z_]+)"/g)) {
      codes.add(m[1]);
      codes.add(m[2]);
    }
  }
  return codes;
}

describe("the supervision rule table", () => {
  it("names every rule raised in src/app, in both languages, with its 五不 category", () => {
    const raised = ruleCodesRaised();
    expect(raised.size).toBeGreaterThanOrEqual(20);
    const known = new Set(ALERT_RULES.map((r) => r.code));
    expect([...raised].filter((c) => !known.has(c))).toEqual([]);
    for (const r of ALERT_RULES) {
      expect(r.zh).toMatch(/\p{Script=Han}/u);
      expect(r.en).toMatch(/^[A-Z][\x20-\x7e]+$/);
      expect(ALERT_CATEGORIES).toContain(r.category);
    }
    expect(new Set(ALERT_RULES.map((r) => r.code)).size).toBe(ALERT_RULES.length);
    // And every rule of the table is raised somewhere.
    expect(ALERT_RULES.map((r) => r.code).filter((c) => !raised.has(c))).toEqual([]);
  });

  it("keeps an unknown rule's code as its name", () => {
    expect(alertRuleInfo("clock_red")).toMatchObject({ zh: "办件超期（红牌）", category: "时限" });
    expect(alertRuleInfo("some_new_rule")).toMatchObject({ zh: "some_new_rule", en: "some_new_rule" });
  });

  it("derives the status: closed once resolved, acknowledged once seen, else open", () => {
    const at = new Date("2026-11-30T01:00:00Z");
    expect(alertStatus({ resolvedAt: null, acknowledgedAt: null })).toBe("open");
    expect(alertStatus({ resolvedAt: null, acknowledgedAt: at })).toBe("acknowledged");
    expect(alertStatus({ resolvedAt: at, acknowledgedAt: at })).toBe("closed");
    expect(alertStatus({ resolvedAt: at, acknowledgedAt: null })).toBe("closed");
  });
});
