import { BookOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Input,
  Pagination,
  Row,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { ApiError } from "../../api/client";
import { ZhText } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { type Facet, type ItemFilters, useFacets, useItemList } from "./api";
import { ItemCard } from "./ItemCard";
import { kindKey } from "./labels";

const FILTERS = ["department", "kind", "lifeEvent"] as const;
type FilterName = (typeof FILTERS)[number];

/**
 * 办事指南 (public, no login): search the catalog in Chinese, browse by department, kind and life event,
 * and open an item's guide. Every item is one click from here; the state lives in the address.
 */
export default function GuidePage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters: ItemFilters = {
    q: params.get("q") ?? undefined,
    department: params.get("department") ?? undefined,
    // A kind the address names but the contract does not know gets the server's 422, shown as the error.
    kind: (params.get("kind") ?? undefined) as ItemFilters["kind"],
    lifeEvent: params.get("lifeEvent") ?? undefined,
    page: Number(params.get("page") ?? "1") || 1,
    pageSize: 24,
  };
  const list = useItemList(filters);
  const facets = useFacets();
  const active = FILTERS.find((f) => filters[f]);

  const set = (patch: Partial<Record<FilterName | "q" | "page", string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!("page" in patch)) next.delete("page");
    setParams(next);
  };
  const choose = (name: FilterName, code: string) =>
    set({ department: undefined, kind: undefined, lifeEvent: undefined, [name]: code });

  const facetLabel = (name: FilterName, f: Facet) => (name === "kind" ? t(kindKey(f.code)) : f.label);
  const chips = (name: FilterName, list: Facet[] | undefined) => (
    <Space size={[8, 8]} wrap data-testid={`guide-facets-${name}`}>
      {(list ?? []).map((f) => (
        <Tag.CheckableTag
          key={f.code}
          checked={filters[name] === f.code}
          onChange={() => (filters[name] === f.code ? set({ [name]: undefined }) : choose(name, f.code))}
          style={{ fontSize: 14, padding: "4px 12px", border: "1px solid #e5e5e5" }}
          data-testid={`facet-${name}-${f.code}`}
        >
          <ZhText>{facetLabel(name, f)}</ZhText>{" "}
          <Typography.Text type="secondary">{t("guide.count", { n: f.count })}</Typography.Text>
        </Tag.CheckableTag>
      ))}
    </Space>
  );
  const activeLabel = (() => {
    if (!active) return undefined;
    const code = filters[active] as string;
    const group = { department: "departments", kind: "kinds", lifeEvent: "lifeEvents" } as const;
    const f = facets.data?.[group[active]].find((x) => x.code === code);
    return f ? facetLabel(active, f) : code;
  })();

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }} data-testid="page-guide">
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }} data-testid="page-title">
          <BookOutlined /> {t("guide.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("guide.subtitle")}</Typography.Text>
        <nav aria-label={t("pub.sunlight")} style={{ marginTop: 8 }} data-testid="guide-sunlight">
          <Space wrap size={[16, 4]}>
            <Typography.Text type="secondary">{t("pub.sunlight")}</Typography.Text>
            <Link to="/decisions">{t("nav.decisions")}</Link>
            <Link to="/figures">{t("nav.figures")}</Link>
            <Link to="/transparency">{t("nav.transparency")}</Link>
            <Link to="/open-data">{t("nav.openData")}</Link>
          </Space>
        </nav>
      </div>
      <Input.Search
        size="large"
        enterButton={t("guide.search")}
        placeholder={t("guide.searchPlaceholder")}
        defaultValue={filters.q}
        key={filters.q ?? ""}
        allowClear
        onSearch={(v) => set({ q: v.trim() || undefined })}
        data-testid="guide-search"
        aria-label={t("guide.search")}
      />
      <Card size="small">
        <Tabs
          items={[
            {
              key: "lifeEvent",
              label: t("guide.byLifeEvent"),
              children: chips("lifeEvent", facets.data?.lifeEvents),
            },
            {
              key: "department",
              label: t("guide.byDepartment"),
              children: chips("department", facets.data?.departments),
            },
            { key: "kind", label: t("guide.byKind"), children: chips("kind", facets.data?.kinds) },
          ]}
        />
      </Card>
      <div>
        <Space style={{ marginBottom: 12 }} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {filters.q ? t("guide.resultsFor", { q: filters.q }) : active ? activeLabel : t("guide.all")}
          </Typography.Title>
          {list.data && (
            <Typography.Text type="secondary" data-testid="guide-count">
              {t("guide.results", { n: list.data.total })}
            </Typography.Text>
          )}
          {(filters.q || active) && (
            <Button
              size="small"
              onClick={() =>
                set({ q: undefined, department: undefined, kind: undefined, lifeEvent: undefined })
              }
            >
              {t("guide.clear")}
            </Button>
          )}
        </Space>
        {list.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : list.isError ? (
          <Alert
            type="error"
            showIcon
            title={t("guide.loadError", {
              message:
                list.error instanceof ApiError ? (list.error.messageIn(locale) ?? "") : String(list.error),
            })}
            action={<Button onClick={() => list.refetch()}>{t("common.retry")}</Button>}
          />
        ) : list.data.items.length === 0 ? (
          <Empty description={t("guide.noResults")} data-testid="guide-empty" />
        ) : (
          <>
            <Row gutter={[16, 16]} data-testid="guide-results">
              {list.data.items.map((i) => (
                <Col key={i.code} xs={24} md={12} lg={8}>
                  <ItemCard item={i} />
                </Col>
              ))}
            </Row>
            {list.data.total > list.data.pageSize && (
              <Pagination
                style={{ marginTop: 16 }}
                current={list.data.page}
                pageSize={list.data.pageSize}
                total={list.data.total}
                onChange={(p) => set({ page: String(p) })}
              />
            )}
          </>
        )}
      </div>
    </Space>
  );
}
