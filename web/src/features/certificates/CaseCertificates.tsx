import { Card, Empty, Space } from "antd";
import { useCaseCertificates } from "./api";
import { CertificateCard } from "./CertificateCard";
import { useCertTexts } from "./texts";

/** The certificates issued for a case, for the case detail page. */
export function CaseCertificates({ caseId }: { caseId: string }) {
  const { t } = useCertTexts();
  const q = useCaseCertificates(caseId);
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card title={t("cert.caseTitle")} data-testid="case-certificates">
      <Space orientation="vertical" style={{ width: "100%" }}>
        {items.length ? (
          items.map((c) => <CertificateCard key={c.id} cert={c} />)
        ) : (
          <Empty description={t("cert.none")} />
        )}
      </Space>
    </Card>
  );
}
