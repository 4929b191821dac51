import { Card, Space, Table, Tag, Timeline, Typography } from "antd";
import { Link } from "react-router-dom";
import { ZhText, zhCell } from "../../components/ZhText";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { formatDateTime } from "../cases/labels";
import { StatusTag } from "../cases/StatusTag";
import type { Bundle } from "./api";

/** The name of a bundle's aggregated status (draft, in_progress, completed …). */
export const bundleStatusKey = (s: string) => `prj.bundle.status.${s}` as MessageKey;

/** One bundle: its cases, certificates and the 怀远速度 measure, as a timeline from its trigger. */
export function BundleCard({ b }: { b: Bundle }) {
  const { t } = useI18n();
  const m = b.measure;
  const steps = [
    ...(b.landContract
      ? [{ at: b.landContract.signedAt, text: `${t("prj.contract.title")} ${b.landContract.number}` }]
      : []),
    ...(b.landDelivery
      ? [
          {
            at: b.landDelivery.deliveredAt,
            text: t("prj.bundle.delivery", { number: b.landDelivery.confirmationNo }),
          },
        ]
      : []),
    ...b.cases.map((c) => ({ at: c.submittedAt ?? b.createdAt, text: `${c.itemName} ${c.number}` })),
    ...b.certificates.map((c) => ({ at: c.issuedAt, text: `${c.name} ${c.number}` })),
  ].sort((x, y) => x.at.localeCompare(y.at));
  return (
    <Card
      data-testid="bundle-card"
      data-bundle-status={b.status}
      data-template={b.template.code}
      title={<ZhText>{b.template.name}</ZhText>}
      extra={
        <Tag color={b.status === "completed" ? "green" : "blue"}>
          {t(bundleStatusKey(b.status)) ?? b.status}
        </Tag>
      }
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        <div data-testid="bundle-measure">
          <Typography.Text strong>{t("prj.measure.label")}</Typography.Text>{" "}
          {m.workingHours === null ? (
            <Typography.Text type="secondary">{t("prj.measure.pending")}</Typography.Text>
          ) : (
            <>
              <Typography.Text data-testid="measure-hours">
                {m.workingHours} {t("prj.measure.hours")}
                {t("prj.measure.minutes", { minutes: m.workingMinutes ?? 0 })}
              </Typography.Text>{" "}
              {m.sameDay && <Tag color="gold">{t("prj.measure.sameDay")}</Tag>}
            </>
          )}
        </div>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={b.cases}
          columns={[
            {
              title: t("prj.bundle.caseNumber"),
              dataIndex: "number",
              render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link>,
            },
            { title: t("prj.bundle.item"), dataIndex: "itemName", render: zhCell },
            {
              title: t("prj.bundle.status"),
              dataIndex: "status",
              render: (v: string) => <StatusTag status={v} />,
            },
          ]}
        />
        <Timeline
          data-testid="bundle-timeline"
          items={steps.map((s) => ({ content: `${formatDateTime(s.at)}  ${s.text}` }))}
        />
      </Space>
    </Card>
  );
}
