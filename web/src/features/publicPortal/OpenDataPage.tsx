import { DatabaseOutlined, DownloadOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Skeleton, Space, Table, Typography } from "antd";
import { useI18n } from "../../i18n/useT";
import { type TOpenDataCatalog, useOpenDataCatalog } from "./api";

type Field = TOpenDataCatalog["datasets"][number]["fields"][number];

/**
 * `/open-data` (public): the published data sets — decisions and figures — with their CSV and JSON
 * downloads (absolute links on the deployment's public address) and a description of every field.
 */
export default function OpenDataPage() {
  const { t, locale } = useI18n();
  const q = useOpenDataCatalog();
  if (q.isLoading)
    return (
      <Card data-testid="page-open-data">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (q.isError || !q.data)
    return (
      <Alert
        type="error"
        showIcon
        data-testid="open-data-error"
        title={t("pub.loadError")}
        action={
          <Button icon={<ReloadOutlined />} onClick={() => q.refetch()}>
            {t("pub.retry")}
          </Button>
        }
      />
    );
  const c = q.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-open-data">
      <Card>
        <Typography.Title level={4} data-testid="page-title">
          <DatabaseOutlined /> {t("od.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("od.subtitle")}</Typography.Paragraph>
        <Typography.Paragraph>
          <Typography.Text strong>{t("od.licence")}: </Typography.Text>
          {c.licence[locale]}
        </Typography.Paragraph>
      </Card>
      {c.datasets.map((d) => (
        <Card key={d.key} title={d.title[locale]} size="small" data-testid={`dataset-${d.key}`}>
          <Typography.Paragraph>{d.description[locale]}</Typography.Paragraph>
          <Space wrap style={{ marginBottom: 12 }}>
            <Button icon={<DownloadOutlined />} href={d.csvUrl} data-testid={`download-${d.key}-csv`}>
              {t("od.csv")}
            </Button>
            <Button icon={<DownloadOutlined />} href={d.jsonUrl} data-testid={`download-${d.key}-json`}>
              {t("od.json")}
            </Button>
          </Space>
          <Typography.Paragraph
            type="secondary"
            copyable={{ text: d.csvUrl }}
            style={{ wordBreak: "break-all" }}
          >
            {d.csvUrl}
          </Typography.Paragraph>
          <Table<Field>
            rowKey="name"
            size="small"
            pagination={false}
            dataSource={d.fields}
            caption={t("od.fields")}
            columns={[
              {
                title: t("od.field"),
                dataIndex: "name",
                width: 160,
                render: (v: string) => <code>{v}</code>,
              },
              { title: t("od.description"), key: "d", render: (_, f) => f.description[locale] },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
