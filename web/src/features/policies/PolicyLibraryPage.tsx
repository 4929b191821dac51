import { BookOutlined, PlusOutlined } from "@ant-design/icons";
import { Card, Empty, Input, Pagination, Select, Skeleton, Space, Tabs, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { roleSet } from "../../auth/types";
import { useMe } from "../../auth/useMe";
import { LinkButton } from "../../components/LinkButton";
import { ZhText } from "../../components/ZhText";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import {
  POLICY_LEVELS,
  POLICY_STATUSES,
  type PolicyFilters,
  type TPolicySearchResult,
  usePolicies,
} from "./api";
import { ChangeNotices } from "./ChangeNotices";
import { Highlighted, LoadError, PolicyLevelTag, PolicyStatusTag } from "./parts";

type Hit = TPolicySearchResult["items"][number];

const ROW = { borderBottom: "1px solid rgba(5, 5, 5, 0.06)", padding: "12px 0" } as const;

/** `/policies` (staff): the library with Chinese search and highlighted snippets, and the change notices. */
export default function PolicyLibraryPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "notices" ? "notices" : "library";
  return (
    <Card data-testid="page-policies">
      <Typography.Title level={4} data-testid="page-title">
        <BookOutlined /> {t("policies.title")}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === "notices" ? { tab: k } : {})}
        items={[
          { key: "library", label: t("policies.tab.library"), children: <Library /> },
          { key: "notices", label: t("policies.tab.notices"), children: <ChangeNotices /> },
        ]}
      />
    </Card>
  );
}

function Library() {
  const { t } = useI18n();
  const { me } = useMe();
  const roles = roleSet(me);
  const editor = roles.has("supervisor") || roles.has("admin");
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [filters, setFilters] = useState<PolicyFilters>({});
  const [page, setPage] = useState(1);
  const res = usePolicies(q, filters, (page - 1) * 20);
  const setFilter = (f: PolicyFilters) => {
    setFilters((old) => ({ ...old, ...f }));
    setPage(1);
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap style={{ width: "100%" }}>
        <Input.Search
          style={{ minWidth: 280, maxWidth: 520 }}
          placeholder={t("policies.search")}
          aria-label={t("policies.search")}
          enterButton={t("policies.searchButton")}
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          data-testid="policy-search"
        />
        <Select
          allowClear
          style={{ minWidth: 120 }}
          placeholder={t("policies.filter.status")}
          aria-label={t("policies.filter.status")}
          value={filters.status}
          onChange={(v) => setFilter({ status: v })}
          options={POLICY_STATUSES.map((s) => ({ value: s, label: t(`policies.status.${s}` as MessageKey) }))}
          data-testid="policy-filter-status"
        />
        <Select
          allowClear
          style={{ minWidth: 120 }}
          placeholder={t("policies.filter.level")}
          aria-label={t("policies.filter.level")}
          value={filters.level}
          onChange={(v) => setFilter({ level: v })}
          options={POLICY_LEVELS.map((s) => ({ value: s, label: t(`policies.level.${s}` as MessageKey) }))}
        />
        <Input
          allowClear
          style={{ width: 180 }}
          placeholder={t("policies.filter.issuer")}
          aria-label={t("policies.filter.issuer")}
          onChange={(e) => setFilter({ issuer: e.target.value.trim() || undefined })}
        />
        {editor && (
          <LinkButton to="/policies/new" type="primary" icon={<PlusOutlined />} data-testid="policy-new">
            {t("policies.new")}
          </LinkButton>
        )}
      </Space>
      {res.isLoading ? (
        <Skeleton active />
      ) : res.isError ? (
        <LoadError error={res.error} retry={() => res.refetch()} />
      ) : !res.data || res.data.items.length === 0 ? (
        <Empty description={t("policies.empty")} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="policy-total">
            {t("policies.total", { n: res.data.total })}
          </Typography.Text>
          <div data-testid="policy-results">
            {res.data.items.map((d) => {
              const hit = "snippet" in d ? (d as Hit) : null;
              return (
                <div key={d.id} data-testid={`policy-row-${d.id}`} style={ROW}>
                  <Space orientation="vertical" size={2} style={{ width: "100%" }}>
                    <Space wrap>
                      <Link to={`/policies/${d.id}`}>
                        <Typography.Text strong>
                          <ZhText>{hit ? <Highlighted parts={hit.titleParts} /> : d.title}</ZhText>
                        </Typography.Text>
                      </Link>
                      <PolicyStatusTag status={d.status} />
                      <PolicyLevelTag level={d.level} />
                    </Space>
                    <Typography.Text type="secondary">
                      <ZhText>{[d.docNumber, d.issuer, d.issuedOn].filter(Boolean).join(" · ")}</ZhText>
                    </Typography.Text>
                    <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="policy-snippet">
                      <ZhText>{hit ? <Highlighted parts={hit.snippet} /> : d.summary}</ZhText>
                    </Typography.Paragraph>
                  </Space>
                </div>
              );
            })}
          </div>
          <Pagination
            current={page}
            total={res.data.total}
            pageSize={20}
            showSizeChanger={false}
            onChange={setPage}
            hideOnSinglePage
          />
        </>
      )}
    </Space>
  );
}
