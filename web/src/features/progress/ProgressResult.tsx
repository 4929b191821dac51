import { Card, Descriptions, Space, Table, Tag, Timeline, Typography } from "antd";
import { zhCell } from "../../components/ZhText";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { ClockTag } from "../cases/ClockTag";
import { formatDateTime, REVIEW_STATUS_COLOR, reviewStatusKey } from "../cases/labels";
import { StatusTag } from "../cases/StatusTag";
import { STATUS_HEX } from "../cases/timelineData";
import type { PublicProgress } from "./api";

/** The public view of one case: status, item, dates, deadline and clock, steps and departments. */
export function ProgressResult({ p }: { p: PublicProgress }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="progress-result">
      <Card>
        <Space wrap align="center" style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="progress-item">
            {p.itemName}
          </Typography.Title>
          <StatusTag status={p.status} label={p.statusLabel} />
          {p.finishedOnSpot && <Tag color="green">{t("case.finishedOnSpot")}</Tag>}
        </Space>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: "number",
              label: t("case.number"),
              children: <span data-testid="progress-number">{p.number}</span>,
            },
            { key: "org", label: t("case.org"), children: p.orgName },
            { key: "received", label: t("case.receivedOn"), children: p.receivedOn ?? "—" },
            { key: "accepted", label: t("case.acceptedOn"), children: p.acceptedOn ?? "—" },
            { key: "deadline", label: t("case.deadline"), children: p.deadline ?? "—" },
            {
              key: "clock",
              label: t("case.clock"),
              children: <ClockTag clock={p.clock} deadline={p.deadline} showDeadline={false} />,
            },
            { key: "completed", label: t("case.completedAt"), children: formatDateTime(p.completedAt) },
          ]}
        />
      </Card>
      <Card size="small" title={t("progress.steps")}>
        <Timeline
          data-testid="progress-steps"
          items={p.steps.map((s, i) => ({
            key: `${s.at}-${i}`,
            color: s.status ? (STATUS_HEX[s.status] ?? "gray") : "gray",
            title: formatDateTime(s.at),
            content: s.status ? t(`cases.status.${s.status}` as MessageKey) : s.type,
          }))}
        />
      </Card>
      {p.reviews.length > 0 && (
        <Card size="small" title={t("progress.departments")}>
          <Table
            rowKey={(r) => `${r.stepName}-${r.orgName}`}
            size="small"
            pagination={false}
            dataSource={p.reviews}
            columns={[
              { title: t("review.step"), dataIndex: "stepName", key: "step" },
              { title: t("review.org"), dataIndex: "orgName", key: "org", render: zhCell },
              {
                title: t("review.status"),
                dataIndex: "status",
                key: "status",
                render: (s: string) => (
                  <Tag color={REVIEW_STATUS_COLOR[s] ?? "default"}>{t(reviewStatusKey(s))}</Tag>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Typography.Text type="secondary">{t("progress.privacy")}</Typography.Text>
    </Space>
  );
}
