import { Card, Descriptions, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { ZhText } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { ClockTag } from "./ClockTag";
import { StatusTag } from "./StatusTag";
import type { CaseDetail } from "./types";

type Props = { caseData: CaseDetail; extra?: ReactNode };

/** The head of a case page: number, item, status, clock, next step, query code. */
export function CaseHeader({ caseData: c, extra }: Props) {
  const { t, locale } = useI18n();
  return (
    <Card data-testid="case-header">
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        <Space wrap align="center" style={{ justifyContent: "space-between", width: "100%" }}>
          <Space wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-item">
              <ZhText>{c.itemName}</ZhText>
            </Typography.Title>
            <StatusTag status={c.status} label={c.statusLabel} />
            <Tag>
              {t(c.handlingType === "immediate" ? "case.handling.immediate" : "case.handling.promised")}
            </Tag>
            {c.finishedOnSpot && <Tag color="green">{t("case.finishedOnSpot")}</Tag>}
          </Space>
          {extra}
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: "number",
              label: t("case.number"),
              children: (
                <Typography.Text copyable strong data-testid="case-number">
                  {c.number}
                </Typography.Text>
              ),
            },
            ...(c.queryCode
              ? [
                  {
                    key: "queryCode",
                    label: t("case.queryCode"),
                    children: (
                      <Typography.Text copyable code data-testid="case-query-code">
                        {c.queryCode}
                      </Typography.Text>
                    ),
                  },
                ]
              : []),
            { key: "org", label: t("case.org"), children: <ZhText>{c.orgName}</ZhText> },
            { key: "clock", label: t("case.clock"), children: <ClockTag clock={c.clock} /> },
            {
              key: "next",
              label: t("case.nextStep"),
              children: <span data-testid="case-next-step">{c.nextStep[locale]}</span>,
            },
            {
              key: "channel",
              label: t("case.channel"),
              children: t(c.channel === "window" ? "case.channel.window" : "case.channel.online"),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
