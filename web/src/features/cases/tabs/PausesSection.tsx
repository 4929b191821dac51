import { Table, Tag, Typography } from "antd";
import type { MessageKey } from "../../../i18n/translate";
import { useI18n } from "../../../i18n/useT";
import type { CasePause } from "../types";

/**
 * 特别程序: every stop of the case's clock (行政许可法 Art. 45) — kind, reason, when it began and when
 * the clock ran again, what it found. A procedure ended the day it began is listed too: it stopped no
 * working day, and says so.
 */
export function PausesSection({
  pauses,
  pausedWorkingDays,
}: {
  pauses: CasePause[];
  pausedWorkingDays: number;
}) {
  const { t } = useI18n();
  if (pauses.length === 0) return null;
  return (
    <section>
      <Typography.Title level={5}>
        {t("pause.title")}{" "}
        <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: "normal" }}>
          {t("clock.paused.days", { days: pausedWorkingDays })}
        </Typography.Text>
      </Typography.Title>
      <Table<CasePause>
        size="small"
        pagination={false}
        rowKey={(p) => `${p.from}-${p.kind}-${p.reason}`}
        dataSource={pauses}
        data-testid="pauses"
        scroll={{ x: true }}
        columns={[
          {
            title: t("action.suspendKind"),
            dataIndex: "kind",
            render: (k: string) => t(`action.suspendKind.${k}` as MessageKey),
          },
          { title: t("pause.from"), dataIndex: "from" },
          {
            title: t("pause.resumedOn"),
            key: "resumed",
            render: (_: unknown, p) =>
              p.to === null ? (
                <Tag color="purple">{t("pause.running")}</Tag>
              ) : (
                <span data-testid="pause-resumed">
                  {p.resumedOn ?? "—"}
                  {p.to < p.from ? (
                    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                      {t("pause.sameDay")}
                    </Typography.Text>
                  ) : null}
                </span>
              ),
          },
          {
            title: t("action.reason"),
            key: "reason",
            render: (_: unknown, p) => (
              <>
                {p.reason}
                <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                  {t("pause.expected", { days: p.expectedDays })}
                </Typography.Text>
              </>
            ),
          },
          { title: t("pause.result"), dataIndex: "result", render: (r?: string) => r ?? "—" },
        ]}
      />
    </section>
  );
}
