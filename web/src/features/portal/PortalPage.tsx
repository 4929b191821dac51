import { IdcardOutlined, PlusOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Card, Flex, Grid, Tabs, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { LinkButton } from "../../components/LinkButton";
import { useT } from "../../i18n/useT";
import { PendingRatings } from "../evaluations/PendingRatings";
import { CaseList } from "./CaseList";

/** nav.portal: the applicant's cases, drafts and a new application. */
export default function PortalPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "drafts" ? "drafts" : "cases";
  const phone = Grid.useBreakpoint().sm === false;
  const newApplication = (
    <LinkButton
      to="/portal/apply"
      type="primary"
      icon={<PlusOutlined />}
      data-testid="portal-new"
      block={phone}
    >
      {t("portal.newApplication")}
    </LinkButton>
  );
  return (
    <Card data-testid="page-portal">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
          {t("nav.portal")}
        </Typography.Title>
        {/* On a phone: the new application first and full width, the two other links side by side below. */}
        <Flex wrap gap={8} vertical={phone} style={phone ? { width: "100%" } : undefined}>
          {phone && newApplication}
          <Flex gap={8}>
            <LinkButton
              to="/portal/wallet"
              icon={<SafetyCertificateOutlined />}
              data-testid="portal-wallet"
              block={phone}
            >
              {t("portal.wallet")}
            </LinkButton>
            <LinkButton
              to="/portal/my-data"
              icon={<IdcardOutlined />}
              data-testid="portal-my-data"
              block={phone}
            >
              {t("portal.myData")}
            </LinkButton>
          </Flex>
          {!phone && newApplication}
        </Flex>
      </Flex>
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
