import { ArrowLeftOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Result, Skeleton, Space, Tabs } from "antd";
import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import { CaseCertificates } from "../certificates/CaseCertificates";
import { CaseEvaluations } from "../evaluations/CaseEvaluations";
import { SharedDataBar } from "../exchange/SharedDataBar";
import { FeePanel } from "../fees/FeePanel";
import { ActionPanel, hasActions, NewDocuments } from "./actions/ActionPanel";
import { useCase } from "./api";
import { CaseHeader } from "./CaseHeader";
import { DeferredMaterials } from "./DeferredMaterials";
import { DocumentsTab } from "./tabs/DocumentsTab";
import { MaterialsTab } from "./tabs/MaterialsTab";
import { OverviewTab } from "./tabs/OverviewTab";
import { ReviewTab } from "./tabs/ReviewTab";
import { TimelineTab } from "./tabs/TimelineTab";

const TABS = ["overview", "materials", "review", "documents", "timeline"] as const;
type TabKey = (typeof TABS)[number];

/** `/cases/:id`: one case — header, five tabs and the action panel driven by `abilities`. */
export default function CaseDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [tab, setTab] = useState<TabKey>("overview");
  const q = useCase(id);

  if (q.isLoading)
    return (
      <Card data-testid="case-loading">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (q.isError || !q.data) {
    const e = q.error;
    const missing =
      e instanceof ApiError && (e.status === 404 || e.status === 403 || e.status === 422 || e.status === 400);
    return (
      <Result
        data-testid="case-error"
        status={missing ? "404" : "error"}
        title={
          missing
            ? t("cases.notFound")
            : t("cases.loadError", {
                message: (e instanceof ApiError ? e.messageIn(locale) : e?.message) ?? "",
              })
        }
        extra={
          <Space>
            <Button onClick={() => navigate(-1)}>{t("cases.back")}</Button>
            {!missing && (
              <Button type="primary" icon={<ReloadOutlined />} onClick={() => q.refetch()}>
                {t("cases.retry")}
              </Button>
            )}
          </Space>
        }
      />
    );
  }
  const c = q.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-case">
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate(-1)}
        style={{ paddingInline: 0 }}
      >
        {t("cases.back")}
      </Button>
      <CaseHeader caseData={c} />
      <NewDocuments key={c.id} caseData={c} />
      <Card size="small" title={t("action.panel")} hidden={!hasActions(c)}>
        <ActionPanel caseData={c} />
      </Card>
      <DeferredMaterials caseData={c} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          items={[
            { key: "overview", label: t("case.tab.overview"), children: <OverviewTab caseData={c} /> },
            {
              key: "materials",
              label: t("case.tab.materials"),
              children: (
                <>
                  <SharedDataBar
                    caseId={c.id}
                    materials={c.materials}
                    disabled={!c.abilities.uploadMaterial}
                  />
                  <MaterialsTab materials={c.materials} />
                </>
              ),
            },
            {
              key: "review",
              label: t("case.tab.review"),
              children: <ReviewTab tasks={c.reviewTasks} comments={c.comments ?? []} />,
            },
            {
              key: "documents",
              label: t("case.tab.documents"),
              children: <DocumentsTab caseId={c.id} documents={c.documents} />,
            },
            { key: "timeline", label: t("case.tab.timeline"), children: <TimelineTab caseId={c.id} /> },
          ].map((i) => ({ ...i, label: <span data-testid={`case-tab-${i.key}`}>{i.label}</span> }))}
          destroyOnHidden
        />
      </Card>
      <FeePanel caseId={c.id} />
      <CaseCertificates caseId={c.id} />
      <CaseEvaluations caseId={c.id} />
    </Space>
  );
}
