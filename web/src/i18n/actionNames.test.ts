import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_LABELS } from "../../../src/domain/cases/actionLabels";
import { COMMAND_TYPES } from "../../../src/domain/cases/commands";
import { enUS } from "./en-US";
import { zhCN } from "./zh-CN";

/**
 * One name per case action (issue 15 item 4): every command of the state machine has its Chinese and
 * English name in the one dictionary (`action.<command>`, from src/domain/cases/actionLabels.ts), and no
 * page names an action through another key — with the same words (a second key that could drift) or with
 * the words pages used before (出证办结 for 制证送达, 退回 for 审查退回 …).
 */
const FORMER_NAMES = new Set(["出证办结", "送达办结", "退回", "一次性告知", "Return", "Deliver", "Issue"]);

/**
 * Keys that share an action's words without naming a case action: another workflow's step (整改 decisions),
 * a decision's outcome, a count of returns, the date a clock resumed, the name of the referrals list.
 */
const NOT_ACTIONS = [
  /^rect\./,
  /^case\.decision\./,
  /^review\.returns$/,
  /^pause\.resumedOn$/,
  /^wb\.referrals$/,
];

const zh = zhCN as Record<string, string>;
const en = enUS as Record<string, string>;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !p.includes("/i18n/") ? [p] : [];
  });
}

describe("case action names", () => {
  it("every command of the state machine has one name in Chinese and English, in both dictionaries", () => {
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...COMMAND_TYPES].sort());
    for (const command of COMMAND_TYPES) {
      const label = ACTION_LABELS[command];
      expect(label["zh-CN"], command).toMatch(/[\u4e00-\u9fff]/u);
      expect(label["en-US"], command).toMatch(/^[A-Z][A-Za-z ]+$/);
      expect(zh[`action.${command}`]).toBe(label["zh-CN"]);
      expect(en[`action.${command}`]).toBe(label["en-US"]);
    }
    const names = COMMAND_TYPES.map((c) => ACTION_LABELS[c]["zh-CN"]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("pages name case actions only through action.<command>", () => {
    const zhNames = new Map(COMMAND_TYPES.map((c) => [ACTION_LABELS[c]["zh-CN"], c]));
    const enNames = new Map(COMMAND_TYPES.map((c) => [ACTION_LABELS[c]["en-US"], c]));
    const offenders: string[] = [];
    const root = join(import.meta.dirname, "..");
    for (const file of sources(root)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([\w.]+)"/g)) {
        const key = m[1];
        if (key.startsWith("action.") || !(key in zh) || NOT_ACTIONS.some((r) => r.test(key))) continue;
        const same = zhNames.get(zh[key]) ?? enNames.get(en[key]);
        if (same)
          offenders.push(`${file.slice(root.length)}: t("${key}") names ${same}: use t("action.${same}")`);
        if (FORMER_NAMES.has(zh[key]) || FORMER_NAMES.has(en[key]))
          offenders.push(
            `${file.slice(root.length)}: t("${key}") = "${zh[key]}" / "${en[key]}", a former name`,
          );
      }
    }
    expect(offenders).toEqual([]);
  });
});
