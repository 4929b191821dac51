import { StarOutlined } from "@ant-design/icons";
import { Alert, Space, Tag, Typography } from "antd";
import { LinkButton } from "../../components/LinkButton";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { formatDateTime } from "../cases/labels";
import { useMyOpenInvitations } from "./api";

/** The portal's 待评价: the applicant's completed cases still open to rate, each leading to its rating form. */
export function PendingRatings() {
  const { t } = useI18n();
  const q = useMyOpenInvitations();
  const items = q.data?.items ?? [];
  if (q.isLoading || q.isError || items.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      icon={<StarOutlined />}
      style={{ marginBottom: 16 }}
      data-testid="pending-ratings"
      title={t("eval.pending.title", { n: items.length })}
      description={
        <Space orientation="vertical" size={4} style={{ width: "100%" }}>
          {items.slice(0, 5).map((i) => (
            <Space key={i.id} wrap>
              <Typography.Text>
                {i.caseNumber} · {i.itemName}
              </Typography.Text>
              <Tag>{t(`eval.stage.${i.stage}` as MessageKey)}</Tag>
              <Typography.Text type="secondary">
                {t("eval.form.closesAt", { at: formatDateTime(i.closesAt) })}
              </Typography.Text>
              <LinkButton
                to={`/cases/${i.caseId}`}
                size="small"
                type="primary"
                data-testid={`pending-rate-${i.caseId}`}
              >
                {t("eval.panel.rate")}
              </LinkButton>
            </Space>
          ))}
        </Space>
      }
    />
  );
}
