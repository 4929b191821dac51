import { presetPalettes } from "@ant-design/colors";
import { describe, expect, it } from "vitest";
import { TAG_TEXT, theme, themeFor } from "./theme";

/** WCAG 2.1 relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe("theme contrast (WCAG 2.1 AA, issue 15)", () => {
  it("every coloured tag's text reaches 4.5:1 on its background, in every theme", () => {
    const colours = Object.keys(TAG_TEXT).map((k) => k.replace(/7$/, ""));
    // Every preset colour antd knows has a darker text step here.
    expect(colours.sort()).toEqual(
      Object.keys(presetPalettes)
        .filter((c) => c !== "grey")
        .sort(),
    );
    for (const colour of colours) {
      const text = TAG_TEXT[`${colour}7` as keyof typeof TAG_TEXT];
      const background = presetPalettes[colour][0];
      expect(contrast(text, background), colour).toBeGreaterThanOrEqual(4.5);
    }
    for (const t of [theme, themeFor({ phone: true, care: true })]) {
      expect(t.components?.Tag).toMatchObject(TAG_TEXT);
    }
  });
});
