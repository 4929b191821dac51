import { Empty, Skeleton, Space, Statistic, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { formatDateTime } from "../../../../src/shared/localTime";
import { ZhText } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { usePolicyStudy } from "./api";
import { LoadError, UNDERLINE } from "./parts";

/** A person's policy study in their training record: documents studied, notices acknowledged or pending. */
export function PolicyStudy({ userId }: { userId: string }) {
  const { t } = useI18n();
  const q = usePolicyStudy(userId);
  if (q.isLoading) return <Skeleton active />;
  if (q.isError) return <LoadError error={q.error} retry={() => q.refetch()} />;
  const s = q.data;
  if (!s) return null;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="policy-study">
      <Typography.Title level={5}>{t("study.title")}</Typography.Title>
      <Space wrap size="large">
        <Statistic title={t("study.read")} value={s.totals.read} />
        <Statistic title={t("study.acknowledged")} value={s.totals.acknowledged} />
        <Statistic title={t("study.pending")} value={s.totals.pending} />
      </Space>
      {s.readings.length === 0 && s.notices.length === 0 && <Empty description={t("study.empty")} />}
      <ul style={{ margin: 0 }}>
        {s.readings.map((r) => (
          <li key={r.policyId}>
            <Link style={UNDERLINE} to={`/policies/${r.policyId}`}>
              <ZhText>{`《${r.title}》`}</ZhText>
            </Link>{" "}
            <ZhText>{r.docNumber}</ZhText> · {t("policies.readAt", { at: formatDateTime(r.readAt) })}
          </li>
        ))}
        {s.notices.map((n) => (
          <li key={n.id} data-testid={`study-notice-${n.acknowledgedAt ? "done" : "pending"}`}>
            {n.effectiveOn} <ZhText>{n.title}</ZhText>{" "}
            {n.acknowledgedAt ? (
              <Tag color="green">{t("notices.acked", { at: formatDateTime(n.acknowledgedAt) })}</Tag>
            ) : (
              <Tag color="red">{t("notices.notYet")}</Tag>
            )}
          </li>
        ))}
      </ul>
    </Space>
  );
}
