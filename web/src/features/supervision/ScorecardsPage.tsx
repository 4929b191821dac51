import { AuditOutlined, DownloadOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { ApiError } from "../../api/ApiError";
import { withData, zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { formatDateTime } from "../cases/labels";
import { scorecardExportUrl, type TScorecard, useScorecards, useSignScorecard } from "./api";
import { pct, recentMonths } from "./FiguresPanel";

/** The comment-and-sign dialog, with a confirmation before the card is frozen. */
function SignModal({ card, onClose }: { card: TScorecard | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const sign = useSignScorecard();
  const [form] = Form.useForm<{ comment: string }>();
  const [confirming, setConfirming] = useState(false);
  const close = () => {
    sign.reset();
    setConfirming(false);
    onClose();
  };
  return (
    <Modal
      open={card !== null}
      title={card ? t("sc.signTitle", { name: card.subjectName, month: card.month }) : ""}
      onCancel={close}
      footer={null}
      destroyOnHidden
    >
      {card && (
        <Form form={form} layout="vertical" onFinish={() => setConfirming(true)}>
          <Typography.Paragraph type="secondary">{t("sc.commentHint")}</Typography.Paragraph>
          <Form.Item
            name="comment"
            label={t("sc.comment")}
            rules={[{ required: true, whitespace: true, max: 1000 }]}
          >
            <Input.TextArea rows={4} maxLength={1000} data-testid="scorecard-comment" />
          </Form.Item>
          {sign.error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={
                sign.error instanceof ApiError
                  ? (sign.error.messageIn(locale) ?? sign.error.message)
                  : String(sign.error)
              }
            />
          )}
          {confirming ? (
            <Alert
              type="warning"
              showIcon
              title={t("sc.confirmTitle")}
              description={t("sc.confirmBody", { name: card.subjectName, month: card.month })}
              action={
                <Space orientation="vertical">
                  <Button
                    type="primary"
                    danger
                    loading={sign.isPending}
                    data-testid="scorecard-confirm"
                    onClick={() =>
                      sign.mutate(
                        { card, comment: form.getFieldValue("comment").trim() },
                        { onSuccess: close },
                      )
                    }
                  >
                    {t("sc.confirm")}
                  </Button>
                  <Button onClick={() => setConfirming(false)}>{t("action.cancel")}</Button>
                </Space>
              }
            />
          ) : (
            <Button type="primary" htmlType="submit" data-testid="scorecard-sign-submit">
              {t("sc.sign")}
            </Button>
          )}
        </Form>
      )}
    </Modal>
  );
}

/** nav.scorecards: the month's scorecards per section and per person, sign-off and export (检查考核). */
export default function ScorecardsPage() {
  const { t } = useI18n();
  const months = useMemo(() => recentMonths(24), []);
  const [month, setMonth] = useState(months[1]);
  const q = useScorecards(month);
  const [signing, setSigning] = useState<TScorecard | null>(null);

  const columns = (withSection: boolean) => [
    { title: t("sc.subject"), dataIndex: "subjectName", fixed: "left" as const, render: zhCell },
    ...(withSection
      ? [{ title: t("sc.section"), dataIndex: "sectionName", render: (v: string | null) => zhCell(v ?? "—") }]
      : []),
    { title: t("sc.casesHandled"), key: "n", render: (_: unknown, c: TScorecard) => c.figures.casesHandled },
    {
      title: t("sc.onTimeRate"),
      key: "ot",
      render: (_: unknown, c: TScorecard) => pct(c.figures.onTimeRate.value),
    },
    {
      title: t("sc.onSpotRate"),
      key: "os",
      render: (_: unknown, c: TScorecard) => pct(c.figures.onSpotRate.value),
    },
    {
      title: t("sc.visits"),
      key: "v",
      render: (_: unknown, c: TScorecard) => c.figures.visitsPerCase ?? "—",
    },
    {
      title: t("sc.satisfaction"),
      key: "s",
      render: (_: unknown, c: TScorecard) => pct(c.figures.satisfactionRate.value),
    },
    {
      title: t("sc.alerts"),
      key: "a",
      render: (_: unknown, c: TScorecard) => `${c.figures.alertsRaised} / ${c.figures.alertsClosed}`,
    },
    { title: t("sc.training"), key: "tr", render: (_: unknown, c: TScorecard) => c.figures.trainingAttended },
    {
      title: t("policies.sc.unacknowledged"),
      key: "na",
      render: (_: unknown, c: TScorecard) => c.figures.noticesUnacknowledged ?? "—",
    },
    {
      title: t("sc.status"),
      key: "st",
      width: 320,
      render: (_: unknown, c: TScorecard) =>
        c.status === "signed" ? (
          <Space orientation="vertical" size={0}>
            <Tag color="green" data-testid={`scorecard-frozen-${c.subjectId}`}>
              {t("sc.signed")}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {withData(t("sc.signedBy"), { name: c.signedBy?.name ?? "—", at: formatDateTime(c.signedAt) })}
            </Typography.Text>
            <Typography.Text style={{ fontSize: 12 }}>{c.comment}</Typography.Text>
          </Space>
        ) : (
          <Space>
            <Tag>{t("sc.draft")}</Tag>
            {c.abilities.sign && (
              <Button
                size="small"
                type="primary"
                onClick={() => setSigning(c)}
                data-testid={`scorecard-sign-${c.subjectId}`}
              >
                {t("sc.sign")}
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-scorecards">
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="page-title">
          <AuditOutlined /> {t("sc.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("page.scorecards.desc")}</Typography.Text>
      </div>
      <Space wrap>
        <Select
          aria-label={t("sc.month")}
          value={month}
          onChange={setMonth}
          options={months.map((m) => ({ value: m, label: m }))}
          style={{ width: 120 }}
          data-testid="scorecard-month"
        />
        <Button
          icon={<DownloadOutlined />}
          href={scorecardExportUrl(month, "xlsx")}
          data-testid="scorecard-export-xlsx"
        >
          {t("sc.exportXlsx")}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          href={scorecardExportUrl(month, "csv")}
          data-testid="scorecard-export-csv"
        >
          {t("sc.exportCsv")}
        </Button>
      </Space>
      {q.error ? (
        <Alert
          type="error"
          showIcon
          title={t("sc.loadFailed")}
          action={<Button onClick={() => q.refetch()}>{t("sv.retry")}</Button>}
        />
      ) : q.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : q.data.sections.length + q.data.people.length === 0 ? (
        <Empty description={t("sc.empty")} />
      ) : (
        <>
          <Card size="small" title={t("sc.sections")}>
            <Table
              rowKey="subjectId"
              size="small"
              pagination={false}
              scroll={{ x: 1100 }}
              dataSource={q.data.sections}
              columns={columns(false)}
              data-testid="scorecard-sections"
            />
          </Card>
          <Card size="small" title={t("sc.people")}>
            <Table
              rowKey="subjectId"
              size="small"
              pagination={false}
              scroll={{ x: 1200 }}
              dataSource={q.data.people}
              columns={columns(true)}
              data-testid="scorecard-people"
            />
          </Card>
        </>
      )}
      <SignModal card={signing} onClose={() => setSigning(null)} />
    </Space>
  );
}
