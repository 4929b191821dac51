import { IdcardOutlined, PlusOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Button, Card, Space, Tabs, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { useT } from "../../i18n/useT";
import { PendingRatings } from "../evaluations/PendingRatings";
import { CaseList } from "./CaseList";

/** nav.portal: the applicant's cases, drafts and a new application. */
export default function PortalPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "drafts" ? "drafts" : "cases";
  return (
    <Card data-testid="page-portal">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
          {t("nav.portal")}
        </Typography.Title>
        <Space wrap>
          <Link to="/portal/wallet">
            <Button icon={<SafetyCertificateOutlined />} data-testid="portal-wallet">
              {t("portal.wallet")}
            </Button>
          </Link>
          <Link to="/portal/my-data">
            <Button icon={<IdcardOutlined />} data-testid="portal-my-data">
              {t("portal.myData")}
            </Button>
          </Link>
          <Link to="/portal/apply">
            <Button type="primary" icon={<PlusOutlined />} data-testid="portal-new">
              {t("portal.newApplication")}
            </Button>
          </Link>
        </Space>
      </Space>
      <PendingRatings />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === "drafts" ? { tab: "drafts" } : {})}
        items={[
          {
            key: "cases",
            label: <span data-testid="portal-tab-cases">{t("portal.myCases")}</span>,
            children: <CaseList kind="cases" />,
          },
          {
            key: "drafts",
            label: <span data-testid="portal-tab-drafts">{t("portal.drafts")}</span>,
            children: <CaseList kind="drafts" />,
          },
        ]}
      />
    </Card>
  );
}
