import { LinkOutlined, TabletOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Modal, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/ApiError";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { formatDateTime } from "../cases/labels";
import { type TCaseEvaluations, type TEvaluation, useAppeal, useCaseEvaluations, useOpenTablet } from "./api";
import { LevelTag } from "./labels";
import { RatingForm } from "./RatingForm";

type Invitation = TCaseEvaluations["invitations"][number];

function RatingDetails({ e }: { e: TEvaluation }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: "dims",
          label: t("eval.panel.dimensions"),
          children: (
            <Space wrap>
              {Object.entries(e.dimensions).map(([d, l]) => (
                <span key={d}>
                  {t(`eval.dim.${d}` as MessageKey)} <LevelTag level={l} />
                </span>
              ))}
            </Space>
          ),
        },
        ...(e.comment ? [{ key: "comment", label: t("eval.panel.comment"), children: e.comment }] : []),
        ...(e.appealStatus !== "none"
          ? [
              {
                key: "appeal",
                label: t("eval.panel.appeal"),
                children: `${t(`eval.appeal.${e.appealStatus}` as MessageKey)}${e.appealDecisionReason ? `：${e.appealDecisionReason}` : ""}`,
              },
            ]
          : []),
      ]}
    />
  );
}

/**
 * The 好差评 panel of a case: the applicant rates an open invitation here (the portal); the window opens
 * a tablet for the applicant in front of it; staff of the office read the ratings and appeal a bad one.
 */
export function CaseEvaluations({ caseId }: { caseId: string }) {
  const { t, locale } = useI18n();
  const q = useCaseEvaluations(caseId);
  const [rating, setRating] = useState<Invitation | null>(null);
  const [done, setDone] = useState(false);
  const [tabletOpen, setTabletOpen] = useState(false);
  const [appealing, setAppealing] = useState<TEvaluation | null>(null);
  const tablet = useOpenTablet(caseId);
  const appeal = useAppeal();
  if (q.isError && q.error instanceof ApiError && (q.error.status === 403 || q.error.status === 404))
    return null;
  const data = q.data;
  const invitations = data?.invitations ?? [];
  return (
    <Card
      title={t("eval.panel.title")}
      loading={q.isLoading}
      data-testid="case-evaluations"
      extra={
        data?.abilities.openTablet && (
          <Button icon={<TabletOutlined />} onClick={() => setTabletOpen(true)} data-testid="open-tablet">
            {t("eval.panel.openTablet")}
          </Button>
        )
      }
    >
      {q.isError && <Alert type="error" showIcon title={t("error.generic")} />}
      {!q.isError && invitations.length === 0 && <Empty description={t("eval.panel.none")} />}
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        {invitations.map((i) => (
          <div
            key={i.id}
            data-testid={`invitation-${i.stage}`}
            style={{ borderBottom: "1px solid #f0f0f0", paddingBottom: 12 }}
          >
            <Space wrap style={{ width: "100%", justifyContent: "space-between" }}>
              <Space wrap>
                <strong>{t(`eval.stage.${i.stage}` as MessageKey)}</strong>
                <Tag color={i.state === "open" ? "gold" : i.state === "used" ? "green" : "default"}>
                  {t(`eval.panel.${i.state}` as MessageKey)}
                </Tag>
                {i.evaluation && <LevelTag level={i.evaluation.level} />}
                {i.evaluation && (
                  <Typography.Text type="secondary">
                    {t(`eval.source.${i.evaluation.source}` as MessageKey)}
                    {i.evaluation.deviceLabel ? ` · ${i.evaluation.deviceLabel}` : ""} ·{" "}
                    {formatDateTime(i.evaluation.submittedAt)}
                  </Typography.Text>
                )}
              </Space>
              {i.abilities.rate && (
                <Button
                  type="primary"
                  onClick={() => {
                    setDone(false);
                    setRating(i);
                  }}
                  data-testid={`rate-${i.stage}`}
                >
                  {t("eval.panel.rate")}
                </Button>
              )}
              {i.evaluation?.abilities.appeal && (
                <Button onClick={() => setAppealing(i.evaluation)} data-testid="appeal-open">
                  {t("eval.panel.appeal")}
                </Button>
              )}
            </Space>
            <div style={{ marginTop: 8 }}>
              {i.evaluation ? (
                <RatingDetails e={i.evaluation} />
              ) : (
                <Typography.Text type="secondary">
                  {t("eval.form.closesAt", { at: formatDateTime(i.closesAt) })}
                </Typography.Text>
              )}
            </div>
          </div>
        ))}
      </Space>
      <Modal
        open={!!rating}
        title={t("eval.form.title")}
        footer={null}
        onCancel={() => setRating(null)}
        destroyOnHidden
        width={720}
      >
        {rating && !done && (
          <RatingForm
            refKey={rating.id}
            invitation={{
              id: rating.id,
              caseNumber: "",
              itemName: "",
              orgName: "",
              stage: rating.stage,
              channel: "online",
              source: "portal",
              state: rating.state,
              closesAt: rating.closesAt,
              deviceLabel: null,
              dimensions: ["overall", "efficiency", "guide_accuracy", "convenience", "usability"],
            }}
            onDone={() => {
              setDone(true);
              setRating(null);
            }}
          />
        )}
      </Modal>
      <Modal
        open={tabletOpen}
        title={t("eval.panel.openTablet")}
        onCancel={() => {
          setTabletOpen(false);
          tablet.reset();
        }}
        footer={null}
        destroyOnHidden
      >
        {tablet.data ? (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Typography.Paragraph>{t("eval.panel.tabletReady", { minutes: 30 })}</Typography.Paragraph>
            <Typography.Paragraph copyable code data-testid="tablet-url">
              {tablet.data.url}
            </Typography.Paragraph>
            <Button icon={<LinkOutlined />} href={tablet.data.path} target="_blank">
              {t("eval.panel.tabletOpen")}
            </Button>
          </Space>
        ) : (
          <Form layout="vertical" onFinish={(v: { deviceLabel: string }) => tablet.mutate(v)}>
            <Form.Item
              name="deviceLabel"
              label={t("eval.panel.device")}
              rules={[{ required: true, whitespace: true, max: 60 }]}
            >
              <Input placeholder={t("eval.panel.deviceHint")} data-testid="tablet-device-input" />
            </Form.Item>
            {tablet.error && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title={
                  tablet.error instanceof ApiError ? tablet.error.messageIn(locale) : String(tablet.error)
                }
              />
            )}
            <Button type="primary" htmlType="submit" loading={tablet.isPending} data-testid="tablet-submit">
              {t("eval.panel.openTablet")}
            </Button>
          </Form>
        )}
      </Modal>
      <Modal
        open={!!appealing}
        title={t("eval.panel.appeal")}
        onCancel={() => setAppealing(null)}
        footer={null}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={(v: { reason: string }) =>
            appealing &&
            appeal.mutate({ id: appealing.id, reason: v.reason }, { onSuccess: () => setAppealing(null) })
          }
        >
          <Form.Item
            name="reason"
            label={t("eval.panel.appealReason")}
            rules={[{ required: true, min: 5, max: 1000 }]}
          >
            <Input.TextArea rows={4} data-testid="appeal-reason" />
          </Form.Item>
          {appeal.error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={appeal.error instanceof ApiError ? appeal.error.messageIn(locale) : String(appeal.error)}
            />
          )}
          <Button type="primary" htmlType="submit" loading={appeal.isPending} data-testid="appeal-submit">
            {t("eval.panel.appeal")}
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}
