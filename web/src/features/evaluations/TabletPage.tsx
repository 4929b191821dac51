import { LockOutlined, StarOutlined } from "@ant-design/icons";
import { Card, Layout, Tag, Typography } from "antd";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { useI18n } from "../../i18n/useT";
import { LanguageToggle } from "../../layout/LanguageToggle";
import { type SubmitResult, useInvitation } from "./api";
import { InvitationGate, ThankYou } from "./InvitationState";
import { RatingForm } from "./RatingForm";

/**
 * `/tablet/:token`: the window tablet (评价器) the clerk opened for the applicant in front of them. No
 * menu, no links: only the rating form with the window dimensions, the device it is recorded with, and
 * a locked screen once the applicant has rated.
 */
export default function TabletPage() {
  const { token = "" } = useParams<{ token: string }>();
  const { t } = useI18n();
  const q = useInvitation(token);
  const [done, setDone] = useState<SubmitResult | null>(null);
  const inv = q.data;
  const formOpen = !q.isLoading && !q.error && inv?.state === "open";
  return (
    <Layout style={{ minHeight: "100vh", background: "#f0f5ff" }} data-testid="page-tablet">
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          background: "#1d39c4",
        }}
      >
        <Typography.Title level={4} style={{ color: "#fff", margin: 0 }} data-testid="page-title">
          <StarOutlined /> {t("eval.tablet.title")}
        </Typography.Title>
        <div style={{ background: "#fff", borderRadius: 6, lineHeight: "normal" }}>
          <LanguageToggle />
        </div>
      </Layout.Header>
      <Layout.Content style={{ padding: "24px 16px", width: "100%", maxWidth: 900, margin: "0 auto" }}>
        <Card>
          {done ? (
            <ThankYou bad={false} title={t("eval.tablet.locked")} sub={t("eval.tablet.lockedSub")} />
          ) : !formOpen ? (
            <InvitationGate isLoading={q.isLoading} error={q.error} invitation={inv} />
          ) : (
            inv && (
              <>
                <Typography.Title level={3} style={{ marginTop: 0 }}>
                  {inv.orgName}
                </Typography.Title>
                <Typography.Paragraph style={{ fontSize: 16 }}>
                  {t("eval.form.case", { number: inv.caseNumber, item: inv.itemName })}
                </Typography.Paragraph>
                <Tag
                  icon={<LockOutlined />}
                  color="blue"
                  style={{ marginBottom: 16 }}
                  data-testid="tablet-device"
                >
                  {t("eval.tablet.device", { device: inv.deviceLabel ?? "" })}
                </Tag>
                <RatingForm refKey={token} invitation={inv} large onDone={setDone} />
              </>
            )
          )}
        </Card>
      </Layout.Content>
    </Layout>
  );
}
