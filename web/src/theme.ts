import type { ThemeConfig } from "antd";

/** Self-hosted Noto Sans SC first, so Chinese renders the same on every machine. */
export const FONT_FAMILY =
  "'Noto Sans SC', -apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif";

/**
 * Government red as the primary colour, calm neutrals elsewhere. Every text colour reaches WCAG 2.1 AA
 * contrast (4.5:1) on white and on the grey page background: antd's defaults for secondary and
 * placeholder text (45 % and 25 % black) and its status colours do not, so they are darker here — once,
 * for every page, and so is the text of coloured tags (TAG_TEXT).
 */
const CONTRAST = {
  colorTextSecondary: "rgba(0, 0, 0, 0.66)",
  colorTextTertiary: "rgba(0, 0, 0, 0.62)",
  colorTextDescription: "rgba(0, 0, 0, 0.62)",
  colorTextPlaceholder: "rgba(0, 0, 0, 0.58)",
  colorTextQuaternary: "rgba(0, 0, 0, 0.58)",
  // Also the text of an empty table ("尚未交地"), which is information, not a disabled control.
  colorTextDisabled: "rgba(0, 0, 0, 0.58)",
  // Status colours as text (Typography type=success, Result, status tags): dark enough to read.
  colorSuccessText: "#2b6e0c",
  colorWarningText: "#8a4b00",
  colorErrorText: "#b0201f",
  colorInfoText: "#1f5fa8",
  colorSuccess: "#2f7512",
  colorWarning: "#995300",
  colorError: "#c4281f",
  // The light backgrounds and borders stay antd's (derived from the darker colours they turn muddy).
  colorSuccessBg: "#f6ffed",
  colorSuccessBorder: "#b7eb8f",
  colorWarningBg: "#fffbe6",
  colorWarningBorder: "#ffe58f",
  colorErrorBg: "#fff2f0",
  colorErrorBorder: "#ffccc7",
} satisfies ThemeConfig["token"];

/**
 * Coloured tags (`<Tag color="orange">`) write their text in step 7 of the palette on step 1, which misses
 * WCAG 2.1 AA's 4.5:1 for green, orange, gold, lime, yellow, cyan and volcano: the Tag component gets a
 * darker step 7 of every preset colour (each ≥ 6:1 on its step 1; web/src/theme.test.ts checks it).
 */
export const TAG_TEXT = {
  green7: "#1f6b06",
  lime7: "#3f5f08",
  orange7: "#9a4306",
  gold7: "#7f5300",
  yellow7: "#6e5700",
  volcano7: "#a8350e",
  red7: "#a8071a",
  cyan7: "#00636b",
  blue7: "#0b4fa8",
  geekblue7: "#1d39c4",
  purple7: "#531dab",
  magenta7: "#9e1068",
} satisfies ThemeConfig["token"];

/**
 * Colours of count badges (white digits on them, ≥ 4.5:1): a queue with work in it, one that needs attention
 * soon, and an empty or finished one.
 */
export const BADGE = { work: "#1f5fa8", attention: "#ad4e00", quiet: "#666666" } as const;

export const theme: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY,
    colorPrimary: "#b7312c",
    colorLink: "#1f5fa8",
    colorInfo: "#1f5fa8",
    borderRadius: 6,
    ...CONTRAST,
  },
  components: {
    Layout: { headerBg: "#ffffff", siderBg: "#ffffff", bodyBg: "#f4f5f7", headerPadding: "0 24px" },
    Tag: TAG_TEXT,
  },
};

/** On phones: controls at least 44 px tall (the tap target of WCAG 2.5.5 and the platform guides). */
const PHONE: ThemeConfig = {
  token: { controlHeight: 44, controlHeightSM: 36, controlHeightLG: 48 },
  components: {
    Layout: { headerPadding: "0 12px", headerHeight: 56 },
    // A small table's pager too (its buttons use the small size).
    Pagination: { itemSize: 44, itemSizeSM: 44 },
  },
};

/**
 * 关怀模式 (the elder-friendly mode of the national 适老化 guidance): 18 px body text, near-black text and
 * darker borders, bigger controls.
 */
const CARE: ThemeConfig = {
  token: {
    fontSize: 18,
    fontSizeSM: 16,
    fontSizeLG: 20,
    fontSizeHeading4: 24,
    fontSizeHeading5: 20,
    lineHeight: 1.6,
    controlHeight: 48,
    controlHeightSM: 40,
    controlHeightLG: 56,
    colorText: "#000000",
    colorTextSecondary: "rgba(0, 0, 0, 0.8)",
    colorTextTertiary: "rgba(0, 0, 0, 0.75)",
    colorTextDescription: "rgba(0, 0, 0, 0.75)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.65)",
    colorBorder: "#6b6b6b",
    colorBorderSecondary: "#b5b5b5",
    colorPrimary: "#a3231f",
    colorLink: "#0b4a8f",
  },
  components: {
    Layout: { headerHeight: 72, bodyBg: "#ffffff" },
    Menu: { itemHeight: 52 },
  },
};

function merge(a: ThemeConfig, b: ThemeConfig): ThemeConfig {
  const components = { ...a.components } as Record<string, object>;
  for (const [name, tokens] of Object.entries(b.components ?? {})) {
    components[name] = { ...components[name], ...tokens };
  }
  return { ...a, ...b, token: { ...a.token, ...b.token }, components };
}

/**
 * The theme for a phone-sized screen, for 关怀模式 and for a person who asked their system for less motion
 * (`prefers-reduced-motion`, WCAG 2.3.3): antd's transitions and wave effects are then off.
 */
export function themeFor(opts: { phone: boolean; care: boolean; reducedMotion?: boolean }): ThemeConfig {
  let t = theme;
  if (opts.phone) t = merge(t, PHONE);
  if (opts.care) t = merge(t, CARE);
  if (opts.reducedMotion) t = merge(t, { token: { motion: false } });
  return t;
}
