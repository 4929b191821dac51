/** Sorted, non-overlapping inclusive code point ranges. */
export type CodeRanges = ReadonlyArray<readonly [number, number]>;

/** Finds a table in an sfnt font by its tag; returns its byte range or undefined. */
function findTable(sfnt: Buffer, tag: string): { offset: number; length: number } | undefined {
  const numTables = sfnt.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    if (sfnt.toString("latin1", at, at + 4) === tag) {
      return { offset: sfnt.readUInt32BE(at + 8), length: sfnt.readUInt32BE(at + 12) };
    }
  }
  return undefined;
}

/** Merges and sorts ranges so that lookups can bisect. */
export function normalizeRanges(ranges: Array<[number, number]>): CodeRanges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** True when the code point falls inside one of the (normalized) ranges. */
export function inRanges(ranges: CodeRanges, codePoint: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid];
    if (codePoint < a) hi = mid - 1;
    else if (codePoint > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Reads the code points a font maps to real glyphs, from its Unicode cmap subtable
 * (OpenType cmap formats 4 and 12). This is how the renderer knows which characters of a name
 * the main font lacks and must take from a fallback font.
 */
export function readCmapCoverage(sfnt: Buffer): CodeRanges {
  const cmap = findTable(sfnt, "cmap");
  if (!cmap) throw new Error("font has no cmap table");
  const base = cmap.offset;
  const count = sfnt.readUInt16BE(base + 2);
  let best: { offset: number; format: number } | undefined;
  for (let i = 0; i < count; i++) {
    const at = base + 4 + i * 8;
    const platform = sfnt.readUInt16BE(at);
    const encoding = sfnt.readUInt16BE(at + 2);
    const offset = base + sfnt.readUInt32BE(at + 4);
    const format = sfnt.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (!best || (format === 12 && best.format !== 12)) best = { offset, format };
  }
  if (!best) throw new Error("font has no Unicode cmap (format 4 or 12)");
  return best.format === 12 ? readFormat12(sfnt, best.offset) : readFormat4(sfnt, best.offset);
}

function readFormat12(sfnt: Buffer, at: number): CodeRanges {
  const groups = sfnt.readUInt32BE(at + 12);
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    ranges.push([sfnt.readUInt32BE(g), sfnt.readUInt32BE(g + 4)]);
  }
  return normalizeRanges(ranges);
}

function readFormat4(sfnt: Buffer, at: number): CodeRanges {
  const segX2 = sfnt.readUInt16BE(at + 6);
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const points: Array<[number, number]> = [];
  for (let s = 0; s < segX2; s += 2) {
    const end = sfnt.readUInt16BE(ends + s);
    const start = sfnt.readUInt16BE(starts + s);
    const delta = sfnt.readUInt16BE(deltas + s);
    const ro = sfnt.readUInt16BE(rangeOffsets + s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = sfnt.readUInt16BE(rangeOffsets + s + ro + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) points.push([c, c]);
    }
  }
  return normalizeRanges(points);
}
