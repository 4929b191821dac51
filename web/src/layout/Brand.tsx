import { Typography } from "antd";
import { Link } from "react-router-dom";
import { useT } from "../i18n/useT";

/** The product mark: 一站 / Yizhan and, on wide screens, the motto; `compact` (phones): the mark alone. */
export function Brand({ showMotto = true, compact = false }: { showMotto?: boolean; compact?: boolean }) {
  const t = useT();
  return (
    <Link
      to="/"
      style={{
        display: "flex",
        alignItems: "center",
        gap: compact ? 8 : 12,
        color: "inherit",
        flexShrink: 0,
      }}
      data-testid="brand"
      aria-label={compact ? t("app.fullName") : undefined}
    >
      <span
        aria-hidden
        style={{
          width: 34,
          height: 34,
          borderRadius: 8,
          background: "#b7312c",
          color: "#fff",
          display: "grid",
          placeItems: "center",
          fontWeight: 700,
          fontSize: 20,
          lineHeight: 1,
          flexShrink: 0,
        }}
      >
        一
      </span>
      <span style={{ display: compact ? "none" : "flex", flexDirection: "column", lineHeight: 1.2 }}>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {t("app.name")}
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400, marginInlineStart: 6 }}>
            {t("app.latinName")}
          </Typography.Text>
        </Typography.Text>
        {showMotto && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="motto">
            {t("app.motto")}
          </Typography.Text>
        )}
      </span>
    </Link>
  );
}
