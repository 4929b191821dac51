import type { ThemeConfig } from "antd";

/** Self-hosted Noto Sans SC first, so Chinese renders the same on every machine. */
export const FONT_FAMILY =
  "'Noto Sans SC', -apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif";

/** Government red as the primary colour, calm neutrals elsewhere. */
export const theme: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY,
    colorPrimary: "#b7312c",
    colorLink: "#1f5fa8",
    colorInfo: "#1f5fa8",
    borderRadius: 6,
  },
  components: {
    Layout: { headerBg: "#ffffff", siderBg: "#ffffff", bodyBg: "#f4f5f7", headerPadding: "0 24px" },
  },
};
