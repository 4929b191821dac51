import { execFileSync } from "node:child_process";

/** True when poppler's `pdftotext` is installed (Debian `poppler-utils`). */
export function hasPdftotext(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * The text of a PDF as poppler's `pdftotext -layout` reads it (tests only): one string per page,
 * lines kept, so a test can see what stands at the foot of a page or in a table row.
 */
export function pdftotextPages(pdf: Buffer): string[] {
  const out = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], {
    input: pdf,
    maxBuffer: 32 * 1024 * 1024,
  }).toString("utf8");
  return out.split("\f").filter((page, i, all) => i < all.length - 1 || page.trim() !== "");
}

/** The whole text of a PDF with all whitespace removed (CJK runs come back split by spaces). */
export function pdftotextFlat(pdf: Buffer): string {
  return pdftotextPages(pdf).join("").replace(/\s+/g, "");
}
