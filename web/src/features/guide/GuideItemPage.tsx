import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Result, Skeleton, Space, Tag, Typography } from "antd";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { ApiError } from "../../api/client";
import { useI18n } from "../../i18n/useT";
import { FaqSection } from "../inquiries/FaqSection";
import { ItemPolicySection } from "../policies/ItemPolicySection";
import { ApplyOnline } from "./ApplyOnline";
import { noticeSheetUrl, useItem, useVersions } from "./api";
import { FormPreview } from "./FormPreview";
import {
  BasicSection,
  BasisSection,
  FeesSection,
  MaterialsSection,
  ProcessSection,
  ReviewSection,
  WhereSection,
} from "./ItemSections";
import { useOrgs } from "./useOrgs";
import "./print.css";
import { LinkButton } from "../../components/LinkButton";
import { ZhText } from "../../components/ZhText";

/**
 * An item's guide (办事指南, public): everything an applicant needs — materials, limits, fees, visits,
 * where and when, legal basis, process, review steps and a preview of the application form — printable,
 * with the one-time notice sheet (一次性告知单) as a PDF. `?version=N` shows an earlier version.
 */
export default function GuideItemPage() {
  const { t, locale } = useI18n();
  const { code } = useParams();
  const [params] = useSearchParams();
  const version = params.get("version") ? Number(params.get("version")) : undefined;
  const item = useItem(code, version);
  const versions = useVersions(code);
  const orgs = useOrgs();

  if (item.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (item.isError) {
    const e = item.error;
    if (e instanceof ApiError && e.status === 404) {
      return (
        <Result
          status="404"
          title={e.messageIn(locale)}
          extra={
            <LinkButton to="/guide" type="primary">
              {t("item.back")}
            </LinkButton>
          }
        />
      );
    }
    return (
      <Alert
        type="error"
        showIcon
        title={t("item.loadError", {
          message: e instanceof ApiError ? (e.messageIn(locale) ?? "") : String(e),
        })}
        action={<Button onClick={() => item.refetch()}>{t("common.retry")}</Button>}
      />
    );
  }
  const v = item.data;
  const c = v.content;
  const upcoming = versions.data?.items.find(
    (x) => x.version > v.version && !x.inEffect && x.effectiveFrom > v.effectiveFrom,
  );

  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: "100%" }}
      className="guide-item"
      data-testid="page-guide-item"
    >
      <Space className="no-print" wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <LinkButton to="/guide" icon={<ArrowLeftOutlined />} type="link" style={{ paddingLeft: 0 }}>
          {t("item.back")}
        </LinkButton>
        <Space wrap>
          <ApplyOnline
            code={v.code}
            online={!!c.online?.available}
            township={c.handledBy?.kind === "township"}
          />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="item-print">
            {t("item.print")}
          </Button>
          <Button
            href={noticeSheetUrl(v.code, version)}
            target="_blank"
            rel="noreferrer"
            data-testid="item-notice-sheet"
            type="primary"
            icon={<FilePdfOutlined />}
            title={t("item.noticeSheetPdf")}
          >
            {t("item.noticeSheet")}
          </Button>
        </Space>
      </Space>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0 }} data-testid="item-title">
          <ZhText>{c.name}</ZhText>
        </Typography.Title>
        <Space wrap>
          <Tag>{t("item.version", { n: v.version, date: v.effectiveFrom })}</Tag>
          {c.lifeEvents.map((e) => (
            <Link key={e} to={`/guide?lifeEvent=${encodeURIComponent(e)}`} className="no-print">
              <Tag color="geekblue">
                <ZhText>{e}</ZhText>
              </Tag>
            </Link>
          ))}
        </Space>
        {version !== undefined && !v.inEffect && (
          <Alert
            className="no-print"
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title={t("item.olderVersion", { n: v.version })}
            action={<Link to={`/guide/items/${v.code}`}>{t("item.viewCurrent")}</Link>}
          />
        )}
        {version === undefined && upcoming && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={t("item.newerVersion", { n: upcoming.version, date: upcoming.effectiveFrom })}
          />
        )}
      </Card>
      <BasicSection c={c} orgName={v.orgName} />
      <MaterialsSection c={c} />
      <BasisSection c={c} />
      <ItemPolicySection code={v.code} />
      <ProcessSection c={c} />
      <FeesSection c={c} />
      <WhereSection c={c} />
      <ReviewSection c={c} orgNames={orgs.names} />
      <FaqSection itemCode={v.code} />
      <Card title={t("item.form")} className="no-print">
        <Typography.Paragraph type="secondary">{t("item.formHint")}</Typography.Paragraph>
        <FormPreview schema={c.formSchema} uiSchema={c.uiSchema} />
      </Card>
    </Space>
  );
}
