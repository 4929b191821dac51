import { Alert, Card, Empty, Skeleton, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { dataLang, withData, ZhText } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { useItemPolicies } from "./api";
import { LoadError, UNDERLINE } from "./parts";

/** The guide's 政策依据与变更: the changes announced for the item (with their dates) and the documents in force. */
export function ItemPolicySection({ code }: { code: string }) {
  const { t } = useI18n();
  const q = useItemPolicies(code);
  return (
    <Card title={t("guide.policies.title")} data-testid="guide-policies">
      {q.isLoading ? (
        <Skeleton active />
      ) : q.isError ? (
        <LoadError error={q.error} retry={() => q.refetch()} />
      ) : !q.data || (q.data.changes.length === 0 && q.data.documents.length === 0) ? (
        <Empty description={t("guide.policies.none")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Space orientation="vertical" style={{ width: "100%" }}>
          {q.data.changes.map((c) => (
            <Alert
              key={c.id}
              type="warning"
              showIcon
              data-testid="guide-policy-change"
              title={
                <>
                  {`${c.effectiveOn} · ${t("guide.policies.changes")}: `}
                  <ZhText>{c.title}</ZhText>
                </>
              }
              description={
                <Space orientation="vertical" size={2}>
                  <span style={{ whiteSpace: "pre-wrap" }} lang={dataLang(c.summary)}>
                    {c.summary}
                  </span>
                  <ZhText>{`《${c.policy.title}》${c.policy.docNumber}`}</ZhText>
                  {c.movedTo.length > 0 && (
                    <Tag color="purple">
                      {withData(t("notices.movedTo"), { names: c.movedTo.map((m) => m.name).join("、") })}
                    </Tag>
                  )}
                </Space>
              }
            />
          ))}
          {q.data.documents.length > 0 && (
            <>
              <Typography.Text strong>{t("guide.policies.documents")}</Typography.Text>
              <ul style={{ margin: 0 }}>
                {q.data.documents.map((d) => (
                  <li key={d.id}>
                    <Link style={UNDERLINE} to={`/policies/${d.id}`}>
                      <ZhText>{`《${d.title}》`}</ZhText>
                    </Link>
                    <Typography.Text type="secondary">
                      {" "}
                      <ZhText>{[d.docNumber, d.issuer, d.issuedOn].filter(Boolean).join(" · ")}</ZhText>
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Space>
      )}
    </Card>
  );
}
