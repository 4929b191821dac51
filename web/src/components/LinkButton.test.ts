import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const WEB = join(import.meta.dirname, "..");

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(path);
    return e.name.endsWith(".tsx") && e.name !== "LinkButton.tsx" ? [path] : [];
  });
}

/**
 * `<Link …><Button …>` or `<a …><Button …>`: a button nested in a link (two focus stops, invalid nesting).
 * A link styled as a button is `<LinkButton to>` inside the app, `<Button href>` to a file or another site.
 */
const NESTED = /<(Link|a)\b[^>]*>\s*<Button\b/g;

describe("buttons that navigate", () => {
  it("are LinkButtons or Buttons with href, never a Button inside a Link or an anchor", () => {
    const found = tsxFiles(WEB).flatMap((path) => {
      const text = readFileSync(path, "utf8");
      return [...text.matchAll(NESTED)].map((m) => {
        const line = text.slice(0, m.index).split("\n").length;
        return `${relative(WEB, path)}:${line}`;
      });
    });
    expect(found).toEqual([]);
  });

  it("the check finds the nesting it forbids", () => {
    expect('<Link to="/x">\n  <Button type="primary">Go</Button>\n</Link>'.match(NESTED)).toHaveLength(1);
  });
});
