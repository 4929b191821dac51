import { EditOutlined } from "@ant-design/icons";
import { Alert, Card, Empty, Select, Skeleton, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../../../api/client";
import { LinkButton } from "../../../components/LinkButton";
import { withData, zhCell } from "../../../components/ZhText";
import { useI18n } from "../../../i18n/useT";
import { formatDateTime } from "../../cases/labels";
import { type FieldChange, type ListDiff, useComparison, useItem, useVersions } from "../../guide/api";

const show = (v: unknown) =>
  v === undefined ? (
    <Typography.Text type="secondary">—</Typography.Text>
  ) : typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? (
    String(v)
  ) : (
    <pre style={{ margin: 0, whiteSpace: "pre-wrap", fontSize: 12 }}>{JSON.stringify(v, null, 2)}</pre>
  );

/** Version history of an item and a side-by-side comparison of two versions. */
export default function ItemHistoryPage() {
  const { t, locale } = useI18n();
  const { code } = useParams();
  const versions = useVersions(code);
  const item = useItem(code);
  const list = versions.data?.items ?? [];
  const [pick, setPick] = useState<{ from?: number; to?: number }>({});
  const to = pick.to ?? list.at(-1)?.version;
  const from = pick.from ?? (list.length > 1 ? list.at(-2)?.version : undefined);
  const cmp = useComparison(code, from, to);

  if (versions.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (versions.isError) {
    const e = versions.error;
    return <Alert type="error" showIcon title={e instanceof ApiError ? e.messageIn(locale) : String(e)} />;
  }
  const status = (v: (typeof list)[number]) =>
    v.inEffect ? (
      <Tag color="green">{t("history.inEffect")}</Tag>
    ) : list.find((x) => x.inEffect && x.version > v.version) ||
      list.find((x) => x.inEffect && x.effectiveFrom > v.effectiveFrom) ? (
      <Tag>{t("history.past")}</Tag>
    ) : (
      <Tag color="blue">{t("history.future")}</Tag>
    );
  const options = list.map((v) => ({ value: v.version, label: `v${v.version} · ${v.effectiveFrom}` }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="page-item-history">
      <Space style={{ justifyContent: "space-between", width: "100%" }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {withData(t("history.title"), { name: item.data?.content.name ?? code ?? "" })}
        </Typography.Title>
        <Space>
          <LinkButton to={`/guide/items/${code}`}>{t("items.view")}</LinkButton>
          {versions.data.abilities.update && (
            <LinkButton
              to={`/admin/items/${code}/edit`}
              type="primary"
              icon={<EditOutlined />}
              data-testid="history-edit"
            >
              {t("items.edit")}
            </LinkButton>
          )}
        </Space>
      </Space>
      <Card styles={{ body: { padding: 0 } }}>
        <Table
          rowKey="version"
          pagination={false}
          dataSource={list}
          data-testid="history-table"
          columns={[
            { title: t("items.version"), dataIndex: "version", width: 80, render: (n: number) => `v${n}` },
            { title: t("history.effectiveFrom"), dataIndex: "effectiveFrom", width: 130 },
            { title: "", width: 100, render: (_v, v) => status(v) },
            { title: t("history.changeNote"), dataIndex: "changeNote", render: zhCell },
            {
              title: t("history.createdBy"),
              dataIndex: "createdBy",
              width: 140,
              render: (s: string | null) => s ?? "—",
            },
            {
              title: t("history.createdAt"),
              dataIndex: "createdAt",
              width: 180,
              render: (s: string) => formatDateTime(s),
            },
            {
              title: "",
              width: 90,
              render: (_v, v) => (
                <Link to={`/guide/items/${code}?version=${v.version}`}>{t("items.view")}</Link>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t("history.compare")} data-testid="history-compare">
        {list.length < 2 ? (
          <Empty description={t("history.noChanges")} />
        ) : (
          <>
            <Space style={{ marginBottom: 16 }} wrap>
              {t("history.from")}
              <Select
                aria-label={t("history.from")}
                value={from}
                options={options}
                style={{ width: 200 }}
                onChange={(v) => setPick({ from: v, to })}
                data-testid="compare-from"
              />
              {t("history.to")}
              <Select
                aria-label={t("history.to")}
                value={to}
                options={options}
                style={{ width: 200 }}
                onChange={(v) => setPick({ from, to: v })}
                data-testid="compare-to"
              />
            </Space>
            {cmp.isPending ? (
              <Skeleton active />
            ) : cmp.isError ? (
              <Alert
                type="error"
                showIcon
                title={cmp.error instanceof ApiError ? cmp.error.messageIn(locale) : String(cmp.error)}
              />
            ) : cmp.data.same ? (
              <Alert type="info" showIcon title={t("history.same")} />
            ) : (
              <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
                {cmp.data.fields.length > 0 && (
                  <ChangesTable
                    title={t("history.fields")}
                    rows={cmp.data.fields}
                    from={cmp.data.from.version}
                    to={cmp.data.to.version}
                  />
                )}
                <ListChanges
                  title={t("history.materials")}
                  diff={cmp.data.materials}
                  from={cmp.data.from.version}
                  to={cmp.data.to.version}
                />
                <ListChanges
                  title={t("history.steps")}
                  diff={cmp.data.reviewSteps}
                  from={cmp.data.from.version}
                  to={cmp.data.to.version}
                />
              </Space>
            )}
          </>
        )}
      </Card>
    </Space>
  );
}

function ChangesTable({
  title,
  rows,
  from,
  to,
}: {
  title: string;
  rows: FieldChange[];
  from: number;
  to: number;
}) {
  const t = useI18n().t;
  return (
    <div data-testid="compare-fields">
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t("history.field"),
            dataIndex: "field",
            width: 200,
            render: (f: string) => <code>{f}</code>,
          },
          {
            title: t("history.before", { n: from }),
            dataIndex: "before",
            render: show,
            onCell: () => ({ style: { background: "#fff1f0" } }),
          },
          {
            title: t("history.before", { n: to }),
            dataIndex: "after",
            render: show,
            onCell: () => ({ style: { background: "#f6ffed" } }),
          },
        ]}
      />
    </div>
  );
}

function ListChanges({ title, diff, from, to }: { title: string; diff: ListDiff; from: number; to: number }) {
  const t = useI18n().t;
  const none = diff.added.length + diff.removed.length + diff.changed.length === 0;
  if (none) return null;
  const name = (x: { name: string; code: string }) => `${x.name}（${x.code}）`;
  return (
    <div data-testid="compare-list">
      <Typography.Title level={5}>{title}</Typography.Title>
      <ul>
        {diff.added.map((x) => (
          <li key={`a${String(x.code)}`}>
            <Tag color="green">{t("history.added")}</Tag>
            {name(x)}
          </li>
        ))}
        {diff.removed.map((x) => (
          <li key={`r${String(x.code)}`} data-testid="compare-removed">
            <Tag color="red">{t("history.removed")}</Tag>
            {name(x)}
          </li>
        ))}
      </ul>
      {diff.changed.map((c) => (
        <ChangesTable
          key={c.code}
          title={`${t("history.changed")}：${c.name}（${c.code}）`}
          rows={c.changes}
          from={from}
          to={to}
        />
      ))}
    </div>
  );
}
