import { AuditOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Segmented,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { ZhText, zhCell } from "../../components/ZhText";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { formatDateTime } from "../cases/labels";
import {
  type TEvaluation,
  type TRectification,
  useDecideAppeal,
  useEvaluations,
  useRectifications,
  useUpdateRectification,
} from "./api";
import { LevelTag } from "./labels";
import { SettingsTab } from "./SettingsTab";

const errorText = (e: unknown, locale: "zh-CN" | "en-US") =>
  e instanceof ApiError ? (e.messageIn(locale) ?? e.message) : String(e);

function RectificationModal({ r, onClose }: { r: TRectification | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const update = useUpdateRectification();
  const callback = r?.status === "callback_due";
  return (
    <Modal
      open={!!r}
      title={callback ? t("rect.recordCallback") : t("rect.recordOutcome")}
      onCancel={() => {
        update.reset();
        onClose();
      }}
      footer={null}
      destroyOnHidden
    >
      {r && (
        <Form
          layout="vertical"
          onFinish={(v: { text: string }) =>
            update.mutate(
              {
                id: r.id,
                body: callback
                  ? { action: "callback", note: v.text, expectedVersion: r.version }
                  : { action: "rectify", outcome: v.text, expectedVersion: r.version },
              },
              { onSuccess: onClose },
            )
          }
        >
          {!callback && <Typography.Paragraph type="secondary">{t("rect.outcomeHint")}</Typography.Paragraph>}
          <Form.Item
            name="text"
            label={callback ? t("rect.callbackNote") : t("rect.outcome")}
            rules={[{ required: true, whitespace: true, min: 2, max: 1000 }]}
          >
            <Input.TextArea rows={4} data-testid="rect-text" />
          </Form.Item>
          {update.error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={errorText(update.error, locale)}
            />
          )}
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="rect-save">
            {callback ? t("rect.recordCallback") : t("rect.recordOutcome")}
          </Button>
        </Form>
      )}
    </Modal>
  );
}

function RectificationsTab() {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<"open" | "closed" | "all">("open");
  const q = useRectifications(status);
  const [editing, setEditing] = useState<TRectification | null>(null);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Segmented
        aria-label={t("rect.status")}
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        options={(["open", "closed", "all"] as const).map((s) => ({
          value: s,
          label: t(`rect.filter.${s}`),
        }))}
      />
      {q.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(q.error, locale)}
          action={<Button onClick={() => q.refetch()}>{t("stats.retry")}</Button>}
        />
      )}
      <Table<TRectification>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("rect.empty")} /> }}
        scroll={{ x: 900 }}
        data-testid="rect-table"
        columns={[
          {
            title: t("rect.case"),
            key: "case",
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link>
                <Typography.Text type="secondary">
                  <ZhText>{r.itemName}</ZhText>
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t("rect.rating"),
            key: "rating",
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <LevelTag level={r.evaluation.level} />
                {r.evaluation.comment && (
                  <Typography.Text>
                    <ZhText>{r.evaluation.comment}</ZhText>
                  </Typography.Text>
                )}
                {r.evaluation.appealStatus !== "none" && (
                  <Tag>{t(`eval.appeal.${r.evaluation.appealStatus}` as MessageKey)}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t("rect.responsible"),
            key: "resp",
            render: (_, r) => zhCell(r.responsible?.displayName ?? "—"),
          },
          {
            title: `${t("rect.callbackDue")} / ${t("rect.rectifyDue")}`,
            key: "due",
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span>{r.callbackDueOn}</span>
                <span>{r.rectifyDueOn}</span>
                {r.overdue && <Tag color="red">{t(`rect.overdue.${r.overdue}`)}</Tag>}
              </Space>
            ),
          },
          {
            title: t("rect.status"),
            key: "status",
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Tag
                  color={r.status === "rectified" ? "green" : r.status === "void" ? "default" : "gold"}
                  data-testid={`rect-status-${r.id}`}
                >
                  {t(`rect.status.${r.status}`)}
                </Tag>
                {r.callbackNote && <Typography.Text type="secondary">{r.callbackNote}</Typography.Text>}
                {r.outcome && <Typography.Text>{r.outcome}</Typography.Text>}
                {r.followUp && (
                  <span>
                    {t("rect.followUp")}:{" "}
                    {r.followUp.level ? (
                      <LevelTag level={r.followUp.level} />
                    ) : (
                      t(r.followUp.state === "closed" ? "rect.followUp.closed" : "rect.followUp.open")
                    )}
                  </span>
                )}
              </Space>
            ),
          },
          {
            title: "",
            key: "act",
            render: (_, r) =>
              r.abilities.callback || r.abilities.rectify ? (
                <Button type="primary" onClick={() => setEditing(r)} data-testid={`rect-act-${r.id}`}>
                  {r.abilities.callback ? t("rect.recordCallback") : t("rect.recordOutcome")}
                </Button>
              ) : null,
          },
        ]}
      />
      <RectificationModal r={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}

function DecideModal({ e, onClose }: { e: TEvaluation | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const decide = useDecideAppeal();
  return (
    <Modal open={!!e} title={t("rect.decide")} onCancel={onClose} footer={null} destroyOnHidden>
      {e && (
        <Form
          layout="vertical"
          onFinish={(v: { decision: "uphold" | "dismiss"; reason: string }) =>
            decide.mutate({ id: e.id, ...v }, { onSuccess: onClose })
          }
        >
          <Typography.Paragraph>
            {t("rect.appealReason")}: {e.appealReason}
          </Typography.Paragraph>
          <Form.Item name="decision" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: "uphold", label: t("rect.uphold") },
                { value: "dismiss", label: t("rect.dismiss") },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t("rect.decisionReason")}
            rules={[{ required: true, min: 2, max: 1000 }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          {decide.error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={errorText(decide.error, locale)}
            />
          )}
          <Button type="primary" htmlType="submit" loading={decide.isPending}>
            {t("rect.decide")}
          </Button>
        </Form>
      )}
    </Modal>
  );
}

function RatingsTable({
  params,
  emptyKey,
  decide,
}: {
  params: Record<string, string>;
  emptyKey: MessageKey;
  decide?: boolean;
}) {
  const { t, locale } = useI18n();
  const q = useEvaluations(params);
  const [deciding, setDeciding] = useState<TEvaluation | null>(null);
  return (
    <>
      {q.isError && <Alert type="error" showIcon title={errorText(q.error, locale)} />}
      <Table<TEvaluation>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty description={t(emptyKey)} /> }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t("rect.case"),
            key: "case",
            render: (_, e) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/cases/${e.caseId}`}>{e.caseNumber}</Link>
                <Typography.Text type="secondary">
                  <ZhText>{e.itemName}</ZhText>
                </Typography.Text>
              </Space>
            ),
          },
          { title: t("rect.applicant"), dataIndex: "applicantName", render: zhCell },
          { title: t("rect.rating"), key: "level", render: (_, e) => <LevelTag level={e.level} /> },
          {
            title: t("eval.panel.comment"),
            key: "comment",
            render: (_, e) => zhCell(e.comment ?? "—"),
          },
          {
            title: t("rect.submittedAt"),
            key: "at",
            render: (_, e) => (
              <Space orientation="vertical" size={0}>
                <span>{formatDateTime(e.submittedAt)}</span>
                <Typography.Text type="secondary">
                  {t(`eval.source.${e.source}` as MessageKey)} · {t(`eval.stage.${e.stage}` as MessageKey)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t("eval.panel.appeal"),
            key: "appeal",
            render: (_, e) => (
              <Space orientation="vertical" size={0}>
                <span>{t(`eval.appeal.${e.appealStatus}` as MessageKey)}</span>
                {e.appealReason && <Typography.Text type="secondary">{e.appealReason}</Typography.Text>}
                {decide && e.abilities.decideAppeal && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setDeciding(e)}
                    data-testid={`decide-${e.id}`}
                  >
                    {t("rect.decide")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <DecideModal e={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}

/**
 * `/supervision/evaluations` (supervisor): the rectifications of bad ratings with their callback and
 * outcome, the appeals awaiting a decision, and the ratings themselves (the figures' drill-down).
 */
export default function SupervisionPage() {
  const { t } = useI18n();
  return (
    <Card data-testid="page-supervision">
      <Typography.Title level={4} data-testid="page-title">
        <AuditOutlined /> {t("rect.title")}
      </Typography.Title>
      <Tabs
        items={[
          { key: "rect", label: t("rect.tab.rectifications"), children: <RectificationsTab /> },
          {
            key: "appeals",
            label: t("rect.tab.appeals"),
            children: (
              <RatingsTable params={{ appealStatus: "pending" }} emptyKey="rect.appealsEmpty" decide />
            ),
          },
          {
            key: "ratings",
            label: t("rect.tab.ratings"),
            children: <RatingsTable params={{ limit: "100" }} emptyKey="rect.ratingsEmpty" />,
          },
          { key: "settings", label: t("rect.tab.settings"), children: <SettingsTab /> },
        ]}
        destroyOnHidden
      />
    </Card>
  );
}
