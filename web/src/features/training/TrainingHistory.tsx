import { Alert, Button, Empty, Skeleton, Space, Statistic, Tag, Typography } from "antd";
import { ApiError } from "../../api/ApiError";
import { ZhText } from "../../components/ZhText";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { PolicyStudy } from "../policies/PolicyStudy";
import { useTrainingHistory } from "./api";

export const STATUS_COLORS: Record<string, string> = { present: "green", absent: "red", excused: "orange" };

/** An attendance as a coloured tag (出席 / 缺席 / 请假 / 未记录). */
export function AttendanceTag({ status }: { status: string | null }) {
  const { t } = useI18n();
  return (
    <Tag color={status ? STATUS_COLORS[status] : undefined} data-testid={`attendance-${status ?? "none"}`}>
      {t(`training.status.${status ?? "none"}` as MessageKey)}
    </Tag>
  );
}

/** A person's training history (getTrainingHistory): totals and the sessions, newest first. */
export function TrainingHistory({ userId }: { userId: string }) {
  const { t, locale } = useI18n();
  const q = useTrainingHistory(userId);
  if (q.isLoading) return <Skeleton active />;
  if (q.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={q.error instanceof ApiError ? (q.error.messageIn(locale) ?? q.error.message) : String(q.error)}
        action={<Button onClick={() => q.refetch()}>{t("common.retry")}</Button>}
      />
    );
  const h = q.data;
  if (!h) return null;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="training-history">
      <Typography.Text strong>
        <ZhText>{h.user.displayName}</ZhText>
      </Typography.Text>
      <Space wrap size="large">
        <Statistic title={t("training.history.sessions")} value={h.totals.sessions} />
        <Statistic title={t("training.status.present")} value={h.totals.present} />
        <Statistic title={t("training.status.absent")} value={h.totals.absent} />
        <Statistic title={t("training.status.excused")} value={h.totals.excused} />
      </Space>
      {h.items.length === 0 && <Empty description={t("training.history.empty")} />}
      {h.items.map((i) => (
        <div
          key={i.sessionId}
          data-testid={`history-item-${i.sessionId}`}
          style={{
            display: "flex",
            gap: 12,
            justifyContent: "space-between",
            alignItems: "flex-start",
            borderTop: "1px solid rgba(5, 5, 5, 0.06)",
            paddingTop: 8,
          }}
        >
          <Space orientation="vertical" size={0}>
            <Typography.Text strong>
              <ZhText>{i.topic}</ZhText>
            </Typography.Text>
            <Typography.Text type="secondary">
              {i.heldOn} · <ZhText>{i.orgName}</ZhText>
            </Typography.Text>
            {i.documents.map((d) => (
              <Typography.Text type="secondary" key={d.title}>
                <ZhText>{`《${d.title}》${d.number ? `（${d.number}）` : ""}`}</ZhText>
              </Typography.Text>
            ))}
          </Space>
          <AttendanceTag status={i.status} />
        </div>
      ))}
      <PolicyStudy userId={userId} />
    </Space>
  );
}
