import { ArrowLeftOutlined, CheckOutlined, EditOutlined, UploadOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Skeleton,
  Space,
  Tag,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { formatDateTime } from "../../../../src/shared/localTime";
import { LinkButton } from "../../components/LinkButton";
import { ZhText } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { attachmentUrl, useMarkRead, usePolicy, useUploadAttachment } from "./api";
import { errorText, LoadError, PolicyLevelTag, PolicyStatusTag, UNDERLINE } from "./parts";

/** `/policies/:id`: a document with its status links, items, notices, attachments and full text. */
export default function PolicyDocumentPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const doc = usePolicy(id);
  const markRead = useMarkRead();
  const upload = useUploadAttachment();
  const [extract, setExtract] = useState(true);
  if (doc.isLoading) return <Skeleton active />;
  if (doc.isError || !doc.data) return <LoadError error={doc.error} retry={() => doc.refetch()} />;
  const d = doc.data;
  const link = (r: { id: string; title: string; docNumber: string } | null) =>
    r ? (
      <Link style={UNDERLINE} to={`/policies/${r.id}`}>
        <ZhText>{`《${r.title}》${r.docNumber}`}</ZhText>
      </Link>
    ) : null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="page-policy">
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <LinkButton to="/policies" type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>
          {t("policies.back")}
        </LinkButton>
        <Space wrap>
          {d.abilities.markRead &&
            (d.readAt ? (
              <Tag color="green" icon={<CheckOutlined />} data-testid="policy-read">
                {t("policies.readAt", { at: formatDateTime(d.readAt) })}
              </Tag>
            ) : (
              <Button
                icon={<CheckOutlined />}
                loading={markRead.isPending}
                onClick={() => markRead.mutate(d.id, { onError: (e) => message.error(errorText(e, locale)) })}
                data-testid="policy-mark-read"
              >
                {t("policies.markRead")}
              </Button>
            ))}
          {d.abilities.update && (
            <LinkButton
              to={`/policies/${d.id}/edit`}
              type="primary"
              icon={<EditOutlined />}
              data-testid="policy-edit"
            >
              {t("policies.edit")}
            </LinkButton>
          )}
        </Space>
      </Space>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="policy-title">
          <ZhText>{d.title}</ZhText>
        </Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <PolicyStatusTag status={d.status} />
          <PolicyLevelTag level={d.level} />
          {d.tags.map((tag) => (
            <Tag key={tag}>
              <ZhText>{tag}</ZhText>
            </Tag>
          ))}
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: "n",
              label: t("policies.field.docNumber"),
              children: d.docNumber ? <ZhText>{d.docNumber}</ZhText> : t("policies.notEntered"),
            },
            { key: "i", label: t("policies.field.issuer"), children: <ZhText>{d.issuer}</ZhText> },
            {
              key: "io",
              label: t("policies.field.issuedOn"),
              children: d.issuedOn ?? t("policies.notEntered"),
            },
            {
              key: "eo",
              label: t("policies.field.effectiveOn"),
              children: d.effectiveOn ?? t("policies.notEntered"),
            },
            ...(d.repealedOn
              ? [{ key: "ro", label: t("policies.field.repealedOn"), children: d.repealedOn }]
              : []),
            ...(d.amendedBy
              ? [{ key: "ab", label: t("policies.field.amendedBy"), children: link(d.amendedBy) }]
              : []),
            ...(d.repealedBy
              ? [{ key: "rb", label: t("policies.field.repealedBy"), children: link(d.repealedBy) }]
              : []),
          ]}
        />
        <Typography.Title level={5}>{t("policies.field.summary")}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }} data-testid="policy-summary">
          <ZhText>{d.summary}</ZhText>
        </Typography.Paragraph>
        {d.replaces.length > 0 && (
          <>
            <Typography.Title level={5}>{t("policies.replaces")}</Typography.Title>
            <ul>
              {d.replaces.map((r) => (
                <li key={r.id}>{link(r)}</li>
              ))}
            </ul>
          </>
        )}
      </Card>
      <Card title={t("policies.field.items")} size="small">
        {d.items.length === 0 ? (
          <Typography.Text type="secondary">{t("policies.items.none")}</Typography.Text>
        ) : (
          <ul style={{ margin: 0 }} data-testid="policy-items">
            {d.items.map((i) => (
              <li key={`${i.itemId}${i.basisTitle}`}>
                <Link style={UNDERLINE} to={`/guide/items/${i.code}`}>
                  <ZhText>{i.name}</ZhText>
                </Link>
                {i.basisTitle && (
                  <Typography.Text type="secondary">
                    {" "}
                    · <ZhText>{i.basisTitle}</ZhText>
                  </Typography.Text>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {d.changeNotices.length > 0 && (
        <Card title={t("policies.notices")} size="small">
          <ul style={{ margin: 0 }}>
            {d.changeNotices.map((n) => (
              <li key={n.id}>
                {n.effectiveOn} ·{" "}
                <Link style={UNDERLINE} to="/policies?tab=notices">
                  <ZhText>{n.title}</ZhText>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {d.abilities.markRead && (
        <Card title={t("policies.attachments")} size="small" data-testid="policy-attachments">
          {d.attachments.length === 0 ? (
            <Empty description={t("policies.attachments.none")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <ul>
              {d.attachments.map((a) => (
                <li key={a.fileId}>
                  <a href={attachmentUrl(d.id, a.fileId)}>
                    <ZhText>{a.fileName}</ZhText>
                  </a>
                </li>
              ))}
            </ul>
          )}
          {d.abilities.update && (
            <Space orientation="vertical">
              <Typography.Text type="secondary">{t("policies.uploadHint")}</Typography.Text>
              <Checkbox checked={extract} onChange={(e) => setExtract(e.target.checked)}>
                {t("policies.extract")}
              </Checkbox>
              <Upload
                accept=".pdf,.docx,.txt"
                showUploadList={false}
                beforeUpload={(file) => {
                  upload.mutate(
                    { id: d.id, file, extractText: extract },
                    {
                      onSuccess: () => message.success(t("policies.uploaded")),
                      onError: (e) => message.error(errorText(e, locale)),
                    },
                  );
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="policy-upload">
                  {t("policies.upload")}
                </Button>
              </Upload>
            </Space>
          )}
        </Card>
      )}
      <Card title={t("policies.field.fullText")} size="small">
        {d.fullText ? (
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", maxHeight: 480, overflow: "auto" }}>
            <ZhText>{d.fullText}</ZhText>
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t("policies.noFullText")}</Typography.Text>
        )}
      </Card>
    </Space>
  );
}
