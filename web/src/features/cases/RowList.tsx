import { Typography } from "antd";
import type { ReactNode } from "react";

type Row = {
  key: string;
  testId?: string;
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
};

/** A plain list of rows (icon, title, description, actions at the end), separated by thin lines. */
export function RowList({ rows, testId }: { rows: Row[]; testId?: string }) {
  return (
    <div data-testid={testId}>
      {rows.map((r, i) => (
        <div
          key={r.key}
          data-testid={r.testId}
          style={{
            display: "flex",
            gap: 12,
            alignItems: "flex-start",
            padding: "12px 0",
            borderTop: i === 0 ? undefined : "1px solid #f0f0f0",
          }}
        >
          {r.icon}
          <div style={{ flex: 1, minWidth: 0 }}>
            <div style={{ fontWeight: 500 }}>{r.title}</div>
            {r.description && (
              <Typography.Text type="secondary" style={{ display: "block", marginTop: 4 }}>
                {r.description}
              </Typography.Text>
            )}
          </div>
          {r.actions && <div style={{ flexShrink: 0 }}>{r.actions}</div>}
        </div>
      ))}
    </div>
  );
}
