import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inRanges, readCmapCoverage } from "./cmap";
import { extractPdf } from "./extractText";
import { missingCharacters, splitRuns } from "./fallback";
import { fontCacheDir, fontPackageDir, loadDecodedFont } from "./fontCache";
import { fontBook, MAIN_FONT, parseFontFaces, parseUnicodeRange } from "./fonts";
import { renderPdf } from "./render";
import { decodeWoff, isWoff } from "./woff";

const MAIN_WOFF = join(fontPackageDir(), "files", "noto-sans-sc-chinese-simplified-400-normal.woff");

describe("WOFF decoding", () => {
  it("turns the chinese-simplified WOFF into a TrueType sfnt with the same tables", () => {
    const woff = readFileSync(MAIN_WOFF);
    expect(isWoff(woff)).toBe(true);
    const sfnt = decodeWoff(woff);
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    expect(sfnt.length).toBe(woff.readUInt32BE(16)); // totalSfntSize from the WOFF header
  });

  it("refuses a file that is not WOFF", () => {
    expect(() => decodeWoff(Buffer.from("not a font at all, certainly not WOFF 1.0"))).toThrow(/WOFF/);
  });

  it("caches the decoded font on disk, keyed by size and mtime", () => {
    const first = loadDecodedFont(MAIN_WOFF);
    expect(first.key).toMatch(/^noto-sans-sc-chinese-simplified-400-normal-\d+-\d+$/);
    expect(existsSync(join(fontCacheDir(), `${first.key}.ttf`))).toBe(true);
    expect(loadDecodedFont(MAIN_WOFF).data).toBe(first.data); // same buffer from memory
  });
});

describe("coverage and fallback", () => {
  const book = fontBook();

  it("reads the main font's cmap: common characters in, rare ones out", () => {
    const coverage = readCmapCoverage(loadDecodedFont(MAIN_WOFF).data);
    for (const ch of "怀远县自然资源和规划局〔〕【】0-9A")
      expect(inRanges(coverage, ch.codePointAt(0)!)).toBe(true);
    for (const ch of "禤淏龑") expect(inRanges(coverage, ch.codePointAt(0)!)).toBe(false);
  });

  it("parses the package's unicode-range subsets", () => {
    const faces = parseFontFaces(readFileSync(join(fontPackageDir(), "400.css"), "utf8"));
    expect(faces.length).toBeGreaterThan(100);
    expect(faces.find((f) => f.id === "49")?.file).toBe("noto-sans-sc-49-400-normal.woff");
    expect(parseUnicodeRange("U+4e00-4e0f,U+3000,U+26??")).toEqual([
      [0x2600, 0x26ff],
      [0x3000, 0x3000],
      [0x4e00, 0x4e0f],
    ]);
  });

  it("finds the subset that holds each rare character", () => {
    expect(book.familyFor("王".codePointAt(0)!)).toBe(MAIN_FONT);
    expect(book.familyFor("禤".codePointAt(0)!)).toBe(`${MAIN_FONT}-49`);
    expect(book.familyFor("淏".codePointAt(0)!)).toBe(`${MAIN_FONT}-59`);
    expect(book.familyFor("龑".codePointAt(0)!)).toBe(`${MAIN_FONT}-21`);
    expect(book.familyFor("\n".codePointAt(0)!)).toBe(MAIN_FONT);
  });

  it("cuts a name into runs by font, and reports characters no font has", () => {
    expect(splitRuns("申请人：禤淏（王龑）", book)).toEqual([
      "申请人：",
      { text: "禤", font: `${MAIN_FONT}-49` },
      { text: "淏", font: `${MAIN_FONT}-59` },
      "（王",
      { text: "龑", font: `${MAIN_FONT}-21` },
      "）",
    ]);
    expect(splitRuns("怀远县", book)).toEqual(["怀远县"]);
    // 𬍤 (U+2C364, CJK Ext. E) and 䶮 are in no file of @fontsource/noto-sans-sc 5.3.
    expect(missingCharacters("王𬍤、刘䶮、禤淏", book)).toEqual(["𬍤", "䶮"]);
  });

  it("renders rare characters so that they extract from the PDF", async () => {
    const pdf = await renderPdf({
      info: {
        title: "生僻字",
        author: "测试",
        subject: "fallback",
        creationDate: new Date("2026-11-26T00:00:00Z"),
      },
      content: [
        { text: "申请人：禤淏", bold: true },
        "共同申请人：王龑、李堉",
        { table: { body: [["姓名", "禤海燕"]] } },
      ],
    });
    const { text } = await extractPdf(pdf);
    expect(text).toContain("申请人：禤淏");
    expect(text).toContain("共同申请人：王龑、李堉");
    expect(text).toContain("禤海燕");
  });
});
