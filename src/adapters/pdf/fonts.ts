import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type CodeRanges, inRanges, normalizeRanges, readCmapCoverage } from "./cmap";
import { cacheKey, fontPackageDir, loadDecodedFont } from "./fontCache";
import { decodeWoff } from "./woff";

/** pdfmake family name of the main font (the package's chinese-simplified subset). */
export const MAIN_FONT = "NotoSansSC";

/** One `@font-face` of the font package: a unicode-range subset file. */
export interface FontFace {
  /** Subset id from the file name: "21", "latin-ext", "chinese-simplified" … */
  id: string;
  file: string;
  ranges: CodeRanges;
}

/** A font file ready for pdfmake: a virtual file name and the decoded sfnt bytes. */
export interface FontFile {
  name: string;
  data: Buffer;
}

/** A pdfmake font family made of decoded files (italics fall back to upright: CJK has none). */
export interface FontFamily {
  family: string;
  normal: FontFile;
  bold: FontFile;
}

/** Parses a `U+4e00-9fff,U+3000` unicode-range value into normalized ranges. */
export function parseUnicodeRange(value: string): CodeRanges {
  const ranges: Array<[number, number]> = [];
  for (const part of value.split(",")) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) continue;
    if (m[1].includes("?")) {
      ranges.push([
        Number.parseInt(m[1].replace(/\?/g, "0"), 16),
        Number.parseInt(m[1].replace(/\?/g, "f"), 16),
      ]);
    } else {
      const lo = Number.parseInt(m[1], 16);
      ranges.push([lo, m[2] ? Number.parseInt(m[2], 16) : lo]);
    }
  }
  return normalizeRanges(ranges);
}

/**
 * Lists the WOFF subsets declared in a fontsource CSS file (`400.css`, `700.css`), with the
 * unicode-range each one serves — the map used to find a fallback for a rare character.
 */
export function parseFontFaces(css: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.split("@font-face").slice(1)) {
    const url = /url\(\.\/files\/([^)]+?\.woff)\)\s*format\('woff'\)/.exec(block);
    if (!url) continue;
    const id = /^noto-sans-sc-(.+)-\d00-normal\.woff$/.exec(url[1])?.[1] ?? url[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block);
    faces.push({ id, file: url[1], ranges: range ? parseUnicodeRange(range[1]) : [[0, 0x10ffff]] });
  }
  return faces;
}

/** How a FontBook obtains sfnt bytes: from the cache (default) or decoding the WOFF every time. */
export interface FontBookOptions {
  /** false: decode each WOFF afresh, bypassing the disk and memory cache (the benchmark's baseline) */
  cache?: boolean;
}

function loadFile(
  weight: 400 | 700,
  file: string,
  options: FontBookOptions,
): FontFile & { coverage: () => CodeRanges } {
  const path = join(fontPackageDir(), "files", file);
  const { key, data } =
    options.cache === false
      ? { key: cacheKey(path), data: decodeWoff(readFileSync(path)) }
      : loadDecodedFont(path);
  let coverage: CodeRanges | undefined;
  return {
    name: `yizhan-fonts/${key}.${weight}.ttf`,
    data,
    coverage: () => {
      coverage ??= readCmapCoverage(data);
      return coverage;
    },
  };
}

/** What the renderer needs from a set of fonts: who draws each character, and the files to embed. */
export interface FontProvider {
  familyFor(codePoint: number): string | null;
  families(): FontFamily[];
}

/** Whether a code point is layout-only (line breaks, controls) and never needs a glyph. */
function isLayoutOnly(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0x200b || cp === 0xfeff;
}

/**
 * The fonts of one process: the main Noto Sans SC (chinese-simplified subset, regular and bold) and,
 * loaded on first need, the numbered unicode-range subsets that hold rare characters (生僻字) in names.
 */
export class FontBook implements FontProvider {
  readonly main: FontFamily;
  private readonly mainCoverage: CodeRanges;
  private readonly faces: FontFace[];
  private readonly boldFiles: Map<string, string>;
  private readonly fallbacks = new Map<string, { family: FontFamily; coverage: CodeRanges } | null>();
  private readonly lookups = new Map<number, string | null>();

  constructor(private readonly options: FontBookOptions = {}) {
    const dir = fontPackageDir();
    const regular = loadFile(400, "noto-sans-sc-chinese-simplified-400-normal.woff", options);
    const bold = loadFile(700, "noto-sans-sc-chinese-simplified-700-normal.woff", options);
    this.main = { family: MAIN_FONT, normal: regular, bold };
    this.mainCoverage = regular.coverage();
    this.faces = parseFontFaces(readFileSync(join(dir, "400.css"), "utf8"));
    this.boldFiles = new Map(
      parseFontFaces(readFileSync(join(dir, "700.css"), "utf8")).map((f) => [f.id, f.file] as const),
    );
  }

  /**
   * The family that draws a code point: the main font when it has the glyph, else the first subset
   * whose unicode-range and cmap both cover it, else null (no font of the package has it).
   */
  familyFor(cp: number): string | null {
    if (isLayoutOnly(cp) || inRanges(this.mainCoverage, cp)) return MAIN_FONT;
    const known = this.lookups.get(cp);
    if (known !== undefined) return known;
    let found: string | null = null;
    for (const face of this.faces) {
      if (!inRanges(face.ranges, cp)) continue;
      const fallback = this.fallback(face);
      if (fallback && inRanges(fallback.coverage, cp)) {
        found = fallback.family.family;
        break;
      }
    }
    this.lookups.set(cp, found);
    return found;
  }

  /** Every family loaded so far (main first), for the pdfmake font dictionary. */
  families(): FontFamily[] {
    const loaded = [...this.fallbacks.values()].filter((f) => f !== null).map((f) => f.family);
    return [this.main, ...loaded];
  }

  private fallback(face: FontFace): { family: FontFamily; coverage: CodeRanges } | null {
    const cached = this.fallbacks.get(face.id);
    if (cached !== undefined) return cached;
    let entry: { family: FontFamily; coverage: CodeRanges } | null = null;
    try {
      const normal = loadFile(400, face.file, this.options);
      const bold = loadFile(700, this.boldFiles.get(face.id) ?? face.file, this.options);
      entry = { family: { family: `${MAIN_FONT}-${face.id}`, normal, bold }, coverage: normal.coverage() };
    } catch {
      entry = null; // a missing or broken subset file is no reason to fail a document
    }
    this.fallbacks.set(face.id, entry);
    return entry;
  }
}

let shared: FontBook | undefined;

/** The process-wide font book (decoded and cached on first use, ~30 ms; from disk afterwards). */
export function fontBook(): FontBook {
  shared ??= new FontBook();
  return shared;
}
