import { Descriptions, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { ZhText } from "../../../components/ZhText";
import { useI18n } from "../../../i18n/useT";
import { FormDataView } from "../FormDataView";
import { useItemForm } from "../itemForm";
import { formatDateTime } from "../labels";
import type { CaseDetail } from "../types";
import { PausesSection } from "./PausesSection";

/** 概况: the applicant (identifiers as the API gives them, masked or not), the form, the dates. */
export function OverviewTab({ caseData: c }: { caseData: CaseDetail }) {
  const { t } = useI18n();
  const item = useItemForm(c.itemCode);
  const a = c.applicant;
  const days = (n: number) => t("case.workingDays", { days: n });
  type Row = { key: string; label: string; children: ReactNode };
  const applicantRows: (Row | "" | null | undefined)[] = [
    {
      key: "name",
      label: t("case.applicant.name"),
      children: (
        <>
          <ZhText>{a.name}</ZhText>
          {` (${t(a.kind === "enterprise" ? "case.applicant.kind.enterprise" : "case.applicant.kind.person")})`}
        </>
      ),
    },
    a.creditCode && { key: "credit", label: t("case.applicant.creditCode"), children: a.creditCode },
    a.legalRepresentative && {
      key: "legal",
      label: t("case.applicant.legalRepresentative"),
      children: <ZhText>{a.legalRepresentative}</ZhText>,
    },
    a.idNumber && { key: "id", label: t("case.applicant.idNumber"), children: a.idNumber },
    a.phone && { key: "phone", label: t("case.applicant.phone"), children: a.phone },
    a.address && {
      key: "address",
      label: t("case.applicant.address"),
      children: <ZhText>{a.address}</ZhText>,
    },
    c.agent && {
      key: "agent",
      label: t("case.agent"),
      children: <ZhText>{[c.agent.name, c.agent.phone].filter(Boolean).join(" ")}</ZhText>,
    },
  ];
  const applicantItems = applicantRows.filter((x): x is Row => Boolean(x));
  const dateItems = [
    { key: "created", label: t("case.createdAt"), children: formatDateTime(c.createdAt) },
    { key: "submitted", label: t("case.submittedAt"), children: formatDateTime(c.submittedAt) },
    { key: "received", label: t("case.receivedOn"), children: c.receivedOn ?? "—" },
    { key: "checkDue", label: t("case.checkDueOn"), children: c.checkDueOn ?? "—" },
    { key: "accepted", label: t("case.acceptedOn"), children: c.acceptedOn ?? "—" },
    { key: "deadline", label: t("case.deadline"), children: c.clock.deadline ?? "—" },
    {
      key: "limit",
      label: t("case.limitDays"),
      // 即办件: finished on the spot, never "0 个工作日".
      children: c.handlingType === "immediate" ? t("guide.immediate") : days(c.limitDays),
    },
    { key: "statutory", label: t("case.statutoryLimitDays"), children: days(c.statutoryLimitDays) },
    ...(c.extensionDays ? [{ key: "ext", label: t("action.extend"), children: days(c.extensionDays) }] : []),
    ...(c.clock.pausedWorkingDays
      ? [
          {
            key: "paused",
            label: t("case.pauses"),
            children: t("clock.paused.days", { days: c.clock.pausedWorkingDays }),
          },
        ]
      : []),
    ...(c.draftExpiresAt && c.status === "draft"
      ? [{ key: "expires", label: t("case.draftExpiresAt"), children: formatDateTime(c.draftExpiresAt) }]
      : []),
    { key: "completed", label: t("case.completedAt"), children: formatDateTime(c.completedAt) },
  ];
  return (
    <Space orientation="vertical" size={24} style={{ width: "100%" }} data-testid="tab-overview">
      <section>
        <Typography.Title level={5}>{t("case.applicant")}</Typography.Title>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={applicantItems}
          data-testid="applicant"
        />
      </section>
      <section>
        <Typography.Title level={5}>{t("case.form")}</Typography.Title>
        <FormDataView
          formData={c.formData}
          schema={item.data?.formSchema}
          uiSchema={item.data?.uiSchema}
          loading={item.isLoading}
          onRetry={item.isError ? () => item.refetch() : undefined}
        />
      </section>
      {c.decision && (
        <section>
          <Typography.Title level={5}>{t("case.decision")}</Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              {
                key: "o",
                label: t("case.decision"),
                children: t(
                  c.decision.outcome === "approve" ? "case.decision.approve" : "case.decision.deny",
                ),
              },
              { key: "r", label: t("action.reasons"), children: <ZhText>{c.decision.reasons}</ZhText> },
              { key: "at", label: t("document.issuedOn"), children: formatDateTime(c.decision.decidedAt) },
            ]}
          />
        </section>
      )}
      <section>
        <Typography.Title level={5}>{t("case.dates")}</Typography.Title>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, lg: 3 }} items={dateItems} />
      </section>
      <PausesSection pauses={c.pauses} pausedWorkingDays={c.clock.pausedWorkingDays} />
    </Space>
  );
}
