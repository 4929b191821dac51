import { PlusOutlined } from "@ant-design/icons";
import { Alert, Card, Input, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ApiError } from "../../api/client";
import { LinkButton } from "../../components/LinkButton";
import { ZhText } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { useItemList } from "../guide/api";
import { handlingKey, kindKey } from "../guide/labels";

/** 事项管理: the catalog for administrators, with links to edit an item and to its version history. */
export default function ItemsPage() {
  const { t, locale } = useI18n();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const list = useItemList({ q, page, pageSize: 20 });
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="page-admin-items">
      <Space style={{ justifyContent: "space-between", width: "100%" }} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
            {t("items.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("items.subtitle")}</Typography.Text>
        </div>
        {list.data?.abilities.create && (
          <LinkButton to="/admin/items/new" type="primary" icon={<PlusOutlined />} data-testid="items-new">
            {t("items.new")}
          </LinkButton>
        )}
      </Space>
      <Input.Search
        allowClear
        placeholder={t("items.searchPlaceholder")}
        onSearch={(v) => {
          setQ(v.trim() || undefined);
          setPage(1);
        }}
        style={{ maxWidth: 420 }}
      />
      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={t("guide.loadError", {
            message:
              list.error instanceof ApiError ? (list.error.messageIn(locale) ?? "") : String(list.error),
          })}
        />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table
          rowKey="code"
          loading={list.isPending}
          dataSource={list.data?.items}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total,
            onChange: setPage,
            hideOnSinglePage: true,
          }}
          columns={[
            {
              title: t("item.name"),
              dataIndex: "name",
              render: (name: string, i) => (
                <>
                  <Link to={`/guide/items/${i.code}`}>
                    <ZhText>{name}</ZhText>
                  </Link>
                  {i.catalogCode && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
                      {t("item.code")}：{i.catalogCode}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            { title: t("item.kind"), dataIndex: "kind", width: 130, render: (k: string) => t(kindKey(k)) },
            {
              title: t("item.handlingType"),
              dataIndex: "handlingType",
              width: 110,
              render: (h: string) => (
                <Tag color={h === "immediate" ? "green" : "blue"}>{t(handlingKey(h))}</Tag>
              ),
            },
            {
              title: `${t("guide.promised")} / ${t("guide.statutory")}`,
              width: 150,
              render: (_v, i) =>
                `${i.handlingType === "immediate" ? t("guide.immediate") : i.promisedLimitDays} / ${i.statutoryLimitDays}`,
            },
            {
              title: t("items.version"),
              width: 150,
              render: (_v, i) => (
                <span data-testid={`items-version-${i.code}`}>
                  v{i.version}
                  {i.latestVersion > i.version && (
                    <Tag style={{ marginLeft: 6 }}>{`v${i.latestVersion} ${t("history.future")}`}</Tag>
                  )}
                </span>
              ),
            },
            {
              title: "",
              width: 170,
              render: (_v, i) => (
                <Space>
                  <Link to={`/admin/items/${i.code}/edit`} data-testid={`items-edit-${i.code}`}>
                    {t("items.edit")}
                  </Link>
                  <Link to={`/admin/items/${i.code}/history`} data-testid={`items-history-${i.code}`}>
                    {t("items.history")}
                  </Link>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
