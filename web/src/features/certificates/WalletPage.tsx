import { WalletOutlined } from "@ant-design/icons";
import { Alert, Empty, Skeleton, Space, Typography } from "antd";
import { Link } from "react-router-dom";
import { useWallet } from "./api";
import { CertificateCard } from "./CertificateCard";
import { useCertTexts } from "./texts";

/** `/portal/wallet`: the applicant's certificate wallet (证照库) — every certificate issued to them. */
export default function WalletPage() {
  const { t } = useCertTexts();
  const q = useWallet();
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-wallet">
      <Typography.Title level={3}>
        <WalletOutlined /> {t("wallet.title")}
      </Typography.Title>
      <Alert type="info" showIcon title={t("wallet.hint")} />
      {q.isLoading && <Skeleton active />}
      {q.data && q.data.items.length === 0 && (
        <Empty description={t("wallet.empty")} data-testid="wallet-empty" />
      )}
      {q.data?.items.map((c) => (
        <Space key={c.id} orientation="vertical" style={{ width: "100%" }} size={4}>
          <CertificateCard cert={c} />
          <Typography.Text type="secondary">
            {t("wallet.case")}：<Link to={`/cases/${c.caseId}`}>{c.caseNumber}</Link> · {c.itemName}
          </Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
