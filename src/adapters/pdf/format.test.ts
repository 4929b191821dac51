import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountInCapitals, formatChineseDate, formatDocumentNumber, formatYuan } from "./format";

describe("formatChineseDate", () => {
  it("writes year in full and month and day without leading zeros", () => {
    expect(formatChineseDate("2026-11-26")).toBe("2026年11月26日");
    expect(formatChineseDate("2027-01-05")).toBe("2027年1月5日");
  });
  it("refuses anything but YYYY-MM-DD", () => {
    expect(() => formatChineseDate("2026/11/26")).toThrow(RangeError);
    expect(() => formatChineseDate("2026-11-26T00:00:00Z")).toThrow(RangeError);
  });
});

describe("formatDocumentNumber", () => {
  it("uses 六角括号 and no leading zeros", () => {
    expect(formatDocumentNumber("怀自然资受", 2026, 12)).toBe("怀自然资受〔2026〕12号");
  });
  it("refuses serial 0", () => {
    expect(() => formatDocumentNumber("怀自然资受", 2026, 0)).toThrow(RangeError);
  });
});

describe("formatYuan", () => {
  it("formats fen as yuan with separators", () => {
    expect(formatYuan(0)).toBe("0.00");
    expect(formatYuan(5)).toBe("0.05");
    expect(formatYuan(55000)).toBe("550.00");
    expect(formatYuan(123456789)).toBe("1,234,567.89");
    expect(formatYuan(-1050)).toBe("-10.50");
  });
  it("refuses fractions of a fen", () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError);
  });
});

describe("amountInCapitals", () => {
  const cases: Array<[number, string]> = [
    [0, "零元整"],
    [55000, "伍佰伍拾元整"],
    [100, "壹元整"],
    [1000, "壹拾元整"],
    [105, "壹元零伍分"],
    [150, "壹元伍角整"],
    [50, "伍角整"],
    [5, "伍分"],
    [168032, "壹仟陆佰捌拾元叁角贰分"],
    [1000100, "壹万零壹元整"],
    [10001000, "壹拾万零壹拾元整"],
    [100000000, "壹佰万元整"],
    [10000000000, "壹亿元整"],
    [10000100000, "壹亿零壹仟元整"],
    [12000050000, "壹亿贰仟万零伍佰元整"],
    [-8000, "负捌拾元整"],
  ];
  it.each(cases)("%i fen → %s", (fen, words) => {
    expect(amountInCapitals(fen)).toBe(words);
  });

  it("reads back to the same amount (property)", () => {
    const digit = new Map([..."零壹贰叁肆伍陆柒捌玖"].map((c, i) => [c, i]));
    const unit = new Map([
      ["拾", 10],
      ["佰", 100],
      ["仟", 1000],
    ]);
    /** A small parser of capital numerals, independent of the formatter. */
    const parse = (s: string): number => {
      const [yuanPart, rest = ""] = s.replace("整", "").split("元");
      const hasYuan = s.includes("元");
      const fracText = hasYuan ? rest : yuanPart;
      let total = 0;
      if (hasYuan) {
        let yi = 0;
        let wan = 0;
        let section = 0;
        let pending = 0;
        for (const c of yuanPart) {
          if (digit.has(c)) pending = digit.get(c)!;
          else if (unit.has(c)) {
            section += pending * unit.get(c)!;
            pending = 0;
          } else if (c === "万") {
            wan = (section + pending) * 10_000;
            section = 0;
            pending = 0;
          } else if (c === "亿") {
            yi = (section + pending) * 100_000_000;
            section = 0;
            pending = 0;
          }
        }
        total = (yi + wan + section + pending) * 100;
      }
      const jiao = /(.)角/.exec(fracText);
      const fen = /(.)分/.exec(fracText);
      if (jiao) total += digit.get(jiao[1])! * 10;
      if (fen) total += digit.get(fen[1])!;
      return total;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), (fen) => {
        const words = amountInCapitals(fen);
        expect(words).not.toMatch(/零零|零元|零万|零亿/);
        expect(parse(words)).toBe(fen);
      }),
    );
  });
});
