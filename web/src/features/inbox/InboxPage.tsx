import { ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Badge, Button, Card, Space, Tabs, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { roleSet } from "../../auth/types";
import { useMe } from "../../auth/useMe";
import { useI18n } from "../../i18n/useT";
import { BADGE } from "../../theme";
import { QueueFilters, useQueueFilters } from "../cases/QueueFilters";
import { useCaseCounts, useQueue } from "../workbench/api";
import { QueueTable } from "../workbench/QueueTable";
import { type InboxTask, useClaimTask, useInboxCounts, useInboxTasks } from "./api";
import { DecisionQueue } from "./DecisionQueue";
import { TaskModals } from "./TaskModals";
import { type TaskAction, TaskTable } from "./TaskTable";

/**
 * 审查收件箱 (reviewers and approvers): the review tasks of my departments by urgency — claim, open the
 * case, comment, approve or return with an opinion. Approvers also get 待决定: cases whose review is
 * complete, each a link to the case page where decide / suspend / extend are offered.
 */
export default function InboxPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { me } = useMe();
  const approver = roleSet(me).has("approver");
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab =
    requested === "done" || (approver && (requested === "decide" || requested === "decided"))
      ? requested
      : "tasks";
  const [filters, setFilters] = useQueueFilters();
  const taskFilters = { q: filters.q, itemCode: filters.itemCode, from: filters.from, to: filters.to };
  const tasks = useInboxTasks(tab === "done" ? "done" : "todo", taskFilters);
  const taskCounts = useInboxCounts(taskFilters);
  const caseCounts = useCaseCounts(approver ? filters : {});
  const decided = useQueue("decided", filters, approver && tab === "decided");
  const claim = useClaimTask();
  const [selected, setSelected] = useState<{ id: string; mode: "comment" | "approve" | "return" } | null>(
    null,
  );
  const current = tasks.data?.find((x) => x.id === selected?.id) ?? null;

  const onAction = (task: InboxTask, action: TaskAction) => {
    if (action !== "claim") {
      setSelected({ id: task.id, mode: action });
      return;
    }
    claim.mutate(task, {
      onSuccess: () => message.success(t("inbox.claimed", { number: task.case.number })),
      onError: (e) =>
        message.error(e instanceof ApiError ? (e.messageIn(locale) ?? e.code) : t("error.generic")),
    });
  };

  const taskPane = tasks.error ? (
    <Alert
      type="error"
      showIcon
      data-testid="inbox-error"
      title={t("wb.loadError", {
        message:
          tasks.error instanceof ApiError
            ? (tasks.error.messageIn(locale) ?? tasks.error.code)
            : String(tasks.error),
      })}
      action={<Button onClick={() => tasks.refetch()}>{t("common.retry")}</Button>}
    />
  ) : (
    <TaskTable
      done={tab === "done"}
      tasks={tasks.data ?? []}
      meId={me?.id}
      loading={tasks.isLoading}
      busyId={claim.isPending ? (claim.variables?.id ?? null) : null}
      onAction={onAction}
    />
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }} data-testid="page-inbox">
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="page-title">
            {t("nav.inbox")}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t(approver ? "inbox.subtitleApprover" : "inbox.subtitle")}
          </Typography.Text>
        </div>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            tasks.refetch();
            taskCounts.refetch();
            caseCounts.refetch();
          }}
          aria-label={t("wb.refresh")}
        />
      </Space>
      <Card>
        <QueueFilters
          values={filters}
          onChange={setFilters}
          withApplicant={approver && (tab === "decide" || tab === "decided")}
          withClock={approver && (tab === "decide" || tab === "decided")}
        />
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            const p = new URLSearchParams(params);
            if (k === "tasks") p.delete("tab");
            else p.set("tab", k);
            setParams(p, { replace: true });
          }}
          items={[
            {
              key: "tasks",
              label: (
                <span data-testid="inbox-tab-tasks" data-count={taskCounts.data?.todo ?? ""}>
                  {t(approver ? "inbox.tab.allTasks" : "inbox.tab.tasks")}{" "}
                  <Badge count={taskCounts.data?.todo ?? 0} showZero color={BADGE.work} />
                </span>
              ),
              children: tab === "tasks" ? taskPane : null,
            },
            {
              key: "done",
              label: (
                <span data-testid="inbox-tab-done" data-count={taskCounts.data?.done ?? ""}>
                  {t("queues.done")} <Badge count={taskCounts.data?.done ?? 0} showZero color={BADGE.quiet} />
                </span>
              ),
              children: tab === "done" ? taskPane : null,
            },
            ...(approver
              ? [
                  {
                    key: "decide",
                    label: (
                      <span
                        data-testid="inbox-tab-decide"
                        data-count={caseCounts.data?.awaiting_decision ?? ""}
                      >
                        {t("inbox.tab.decide")}{" "}
                        <Badge
                          count={caseCounts.data?.awaiting_decision ?? 0}
                          showZero
                          color={BADGE.attention}
                        />
                      </span>
                    ),
                    children: tab === "decide" ? <DecisionQueue filters={filters} /> : null,
                  },
                  {
                    key: "decided",
                    label: (
                      <span data-testid="inbox-tab-decided" data-count={caseCounts.data?.decided ?? ""}>
                        {t("queues.decided")}{" "}
                        <Badge count={caseCounts.data?.decided ?? 0} showZero color={BADGE.quiet} />
                      </span>
                    ),
                    children:
                      tab === "decided" ? (
                        <QueueTable
                          queue="in_progress"
                          data={decided.data}
                          isLoading={decided.isLoading}
                          error={decided.error}
                          refetch={() => decided.refetch()}
                        />
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <TaskModals
        task={current}
        mode={current ? (selected?.mode ?? null) : null}
        onClose={(done) => {
          setSelected(null);
          if (done) message.success(done);
        }}
      />
    </Space>
  );
}
