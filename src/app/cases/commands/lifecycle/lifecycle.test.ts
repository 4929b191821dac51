import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_TYPES } from "../../../../domain/cases/commands";
import { COMMANDS } from "../../../../domain/cases/lifecycle";
import { EFFECTS } from ".";

const DOMAIN = join(import.meta.dirname, "../../../../domain/cases/lifecycle");
const APP = import.meta.dirname;
const commandFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !["index.ts", "definition.ts"].includes(f))
    .map((f) => f.replace(/\.ts$/, ""));

/** The file of the domain folder that defines `type`, by what it exports. */
async function domainFileOf(type: (typeof COMMAND_TYPES)[number]): Promise<string | undefined> {
  for (const name of commandFiles(DOMAIN)) {
    const mod = (await import(join(DOMAIN, `${name}.ts`))) as Record<string, unknown>;
    if (mod[name] === COMMANDS[type]) return name;
  }
  return undefined;
}

describe("one file per command", () => {
  it("defines every command in a domain file named after it, and its effects in the app file of the same name", async () => {
    for (const type of COMMAND_TYPES) {
      const name = await domainFileOf(type);
      expect(name, `domain file of ${type}`).toBeDefined();
      const effect = EFFECTS[type];
      if (!effect) continue;
      const mod = (await import(join(APP, `${name}.ts`))) as Record<string, unknown>;
      expect(
        mod[name as string],
        `app/cases/commands/lifecycle/${name}.ts holds the effects of ${type}`,
      ).toBe(effect);
    }
  });

  it("has no app file without a domain file", () => {
    const domain = new Set(commandFiles(DOMAIN));
    expect(commandFiles(APP).filter((f) => !domain.has(f))).toEqual([]);
  });
});
