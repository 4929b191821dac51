import { PlusOutlined, ReloadOutlined, SendOutlined } from "@ant-design/icons";
import { Badge, Button, Card, Space, Tabs, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { LinkButton } from "../../components/LinkButton";
import { useI18n } from "../../i18n/useT";
import { BADGE } from "../../theme";
import { QueueFilters, useQueueFilters } from "../cases/QueueFilters";
import { QUEUES, useCaseCounts, useQueue, type WorkbenchQueue } from "./api";
import { QueueTable } from "./QueueTable";

const isQueue = (v: string | null): v is WorkbenchQueue => QUEUES.some((q) => q === v);

/**
 * 窗口工作台 (clerk): the window's queues with counts — today's applications, those awaiting the
 * material check (5 working days, 行政许可法 Art. 32), corrections, in progress, ready to issue and
 * the clerk's drafts — and the way into window intake. `?queue=` opens a tab.
 */
export default function WorkbenchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const queue = isQueue(params.get("queue")) ? (params.get("queue") as WorkbenchQueue) : "awaiting_check";
  const [filters, setFilters] = useQueueFilters();
  const list = useQueue(queue, filters);
  const counts = useCaseCounts(filters);
  const refetchAll = () => {
    list.refetch();
    counts.refetch();
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }} data-testid="page-workbench">
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="page-title">
            {t("nav.workbench")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("wb.subtitle")}</Typography.Text>
        </div>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={refetchAll} aria-label={t("wb.refresh")} />
          <LinkButton to="/workbench/referrals" icon={<SendOutlined />} data-testid="wb-referrals">
            {t("wb.referrals")}
          </LinkButton>
          <LinkButton to="/workbench/intake" type="primary" icon={<PlusOutlined />} data-testid="wb-intake">
            {t("wb.intake")}
          </LinkButton>
        </Space>
      </Space>
      <Card>
        <QueueFilters values={filters} onChange={setFilters} />
        <Tabs
          activeKey={queue}
          onChange={(k) => {
            const p = new URLSearchParams(params);
            p.set("queue", k);
            setParams(p, { replace: true });
          }}
          items={QUEUES.map((q) => {
            const count = counts.data?.[q];
            return {
              key: q,
              label: (
                <span data-testid={`wb-tab-${q}`} data-count={count ?? ""}>
                  {t(`wb.queue.${q}`)}{" "}
                  <Badge
                    count={count ?? 0}
                    showZero
                    overflowCount={999}
                    color={q === "awaiting_check" && (count ?? 0) > 0 ? BADGE.attention : BADGE.quiet}
                  />
                </span>
              ),
              children:
                q === queue ? (
                  <QueueTable
                    queue={q}
                    data={list.data}
                    isLoading={list.isLoading}
                    error={list.error}
                    refetch={() => list.refetch()}
                  />
                ) : null,
            };
          })}
        />
      </Card>
    </Space>
  );
}
