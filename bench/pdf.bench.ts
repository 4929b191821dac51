/**
 * PDF documents per second (受理通知书, one page of Chinese text and two tables), medians of per-document
 * times, in the same run:
 *   cached      the decoded TTF from the font cache (what the app does)
 *   decode      the WOFF decoded again for every document (our decoder, no cache) — the cost the cache saves
 *   raw WOFF    the WOFF handed to pdfmake as it is (fontkit reads WOFF, inflating tables on every use) —
 *               the path TESTING.md measured at ~6 s per document; few rounds, it is slow
 * plus the cached path with a rare-character name (fallback subsets embedded too).
 *
 *   npx tsx bench/pdf.bench.ts [rawWoffRounds=3]
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { TDocumentDefinitions, TFontDictionary } from "pdfmake/interfaces";
import { SAMPLE_NOTICES } from "../src/adapters/pdf/fixtures.ts";
import { fontPackageDir } from "../src/adapters/pdf/fontCache.ts";
import { FontBook, fontBook } from "../src/adapters/pdf/fonts.ts";
import { buildNotice, renderNotice } from "../src/adapters/pdf/notices.ts";
import { decodeWoff } from "../src/adapters/pdf/woff.ts";

const plain = { ...SAMPLE_NOTICES.acceptance, applicant: { name: "张三" } };
const rawRounds = Number(process.argv[2] ?? 3);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

type Result = { ms: number; bytes: number };

/** Times several paths round-robin (one document each per round), so JIT and GC drift hit all alike. */
async function interleaved(rounds: number, fns: Array<() => Promise<Buffer>>): Promise<Result[]> {
  const times = fns.map(() => [] as number[]);
  const bytes = fns.map(() => 0);
  for (let i = 0; i < rounds; i++) {
    for (let f = 0; f < fns.length; f++) {
      const t = performance.now();
      bytes[f] = (await fns[f]()).length;
      times[f].push(performance.now() - t);
    }
  }
  return fns.map((_, f) => ({ ms: median(times[f]), bytes: bytes[f] }));
}

/** pdfmake with the WOFF files registered as they are (no decoding on our side). */
interface PdfmakeRaw {
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
  setFonts(fonts: TFontDictionary): void;
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
}
const pm = createRequire(import.meta.url)("pdfmake") as PdfmakeRaw;
const files = join(fontPackageDir(), "files");
pm.virtualfs.writeFileSync(
  "raw/400.woff",
  readFileSync(join(files, "noto-sans-sc-chinese-simplified-400-normal.woff")),
);
pm.virtualfs.writeFileSync(
  "raw/700.woff",
  readFileSync(join(files, "noto-sans-sc-chinese-simplified-700-normal.woff")),
);
function renderRawWoff(): Promise<Buffer> {
  const doc = buildNotice("acceptance", plain);
  pm.setFonts({
    NotoWoff: {
      normal: "raw/400.woff",
      bold: "raw/700.woff",
      italics: "raw/400.woff",
      bolditalics: "raw/700.woff",
    },
  });
  return pm.createPdf({ ...doc, defaultStyle: { font: "NotoWoff", fontSize: 12 } }).getBuffer();
}

const coldStart = performance.now();
fontBook();
const coldMs = performance.now() - coldStart;

// Warm up the JIT on the path under test before timing it.
for (let i = 0; i < 5; i++) await renderNotice("acceptance", plain);

const [cached, rare, decode] = await interleaved(20, [
  () => renderNotice("acceptance", plain),
  () => renderNotice("acceptance", SAMPLE_NOTICES.acceptance),
  () => renderNotice("acceptance", plain, new FontBook({ cache: false })),
]);
const [raw] = await interleaved(rawRounds, [renderRawWoff]);
const decodeOnly: number[] = [];
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  decodeWoff(readFileSync(join(files, "noto-sans-sc-chinese-simplified-400-normal.woff")));
  decodeWoff(readFileSync(join(files, "noto-sans-sc-chinese-simplified-700-normal.woff")));
  decodeOnly.push(performance.now() - t);
}

const rows: Array<[string, number, number]> = [
  ["cached TTF (app path)", cached.ms, cached.bytes],
  ["cached TTF, rare-character name", rare.ms, rare.bytes],
  ["WOFF decoded every document", decode.ms, decode.bytes],
  [`raw WOFF to pdfmake (${rawRounds} rounds)`, raw.ms, raw.bytes],
];
console.log(`decoding the two main WOFF files alone: ${median(decodeOnly).toFixed(1)} ms (median of 10)`);
console.log(`font book load (decode or read cache + cmap): ${coldMs.toFixed(0)} ms once per process`);
console.log("path".padEnd(40), "median ms".padStart(10), "docs/s".padStart(8), "bytes".padStart(8));
for (const [name, ms, bytes] of rows) {
  console.log(
    name.padEnd(40),
    ms.toFixed(1).padStart(10),
    (1000 / ms).toPrecision(3).padStart(8),
    String(bytes).padStart(8),
  );
}
console.log(
  `cached vs decode-every-time: ${(decode.ms / cached.ms).toFixed(2)}×; vs raw WOFF: ${(raw.ms / cached.ms).toFixed(0)}× faster`,
);
