import { Button, Empty, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { Link } from "react-router-dom";
import { useI18n } from "../../i18n/useT";
import { formatDateTime } from "../cases/labels";
import { nowrap } from "../workbench/QueueTable";
import type { InboxTask } from "./api";

export type TaskAction = "claim" | "comment" | "approve" | "return";

type Props = {
  tasks: InboxTask[];
  /** The signed-in user: tasks routed to them are marked 分配给我 (AB岗). */
  meId?: string;
  loading: boolean;
  busyId: string | null;
  onAction: (task: InboxTask, action: TaskAction) => void;
};

/** How urgent a task is from its due date: overdue (red), due within a working day or two (yellow), fine. */
export function urgency(
  t: Pick<InboxTask, "dueOn" | "case">,
  today = dayjs(),
): "red" | "yellow" | "green" | "paused" {
  if (t.case.status === "suspended") return "paused";
  if (!t.dueOn) return "green";
  const left = dayjs(t.dueOn).startOf("day").diff(today.startOf("day"), "day");
  if (left < 0) return "red";
  return left <= 1 ? "yellow" : "green";
}

const URGENCY_COLOR = { red: "red", yellow: "gold", green: "green", paused: "purple" } as const;
const TASK_COLOR: Record<string, string> = {
  open: "blue",
  claimed: "cyan",
  returned: "orange",
  approved: "green",
  cancelled: "default",
};

/** The inbox's tasks by urgency, with claim, comment, approve and return where the caller may. */
export function TaskTable({
  tasks,
  loading,
  busyId,
  onAction,
  meId,
  done = false,
}: Props & { done?: boolean }) {
  const { t } = useI18n();
  const myAct: TableColumnsType<InboxTask> = [
    {
      title: t("queues.done"),
      key: "myAct",
      render: (_: unknown, task) =>
        task.myAct ? (
          <Space orientation="vertical" size={0}>
            <Tag color={task.myAct.outcome === "approve" ? "green" : "orange"} data-testid="task-my-act">
              {t(`queues.myAct.${task.myAct.outcome}`)}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(task.myAct.at)}
            </Typography.Text>
          </Space>
        ) : (
          "—"
        ),
    },
  ];
  const columns: TableColumnsType<InboxTask> = [
    ...(done ? myAct : []),
    {
      title: t("inbox.col.due"),
      dataIndex: "dueOn",
      width: 150,
      render: (d: string | null, task) => {
        const u = urgency(task);
        return (
          <Tooltip
            title={task.case.deadline ? t("inbox.caseDeadline", { date: task.case.deadline }) : undefined}
          >
            <Tag color={URGENCY_COLOR[u]} data-testid="task-urgency" data-urgency={u}>
              {u === "paused" ? t("wb.clock.paused") : (d ?? "—")}
              {u === "red" ? ` · ${t("inbox.overdue")}` : ""}
            </Tag>
          </Tooltip>
        );
      },
    },
    {
      title: t("wb.col.number"),
      key: "number",
      onCell: nowrap,
      render: (_: unknown, task) => (
        <Link to={`/cases/${task.caseId}`} data-testid="task-case-link">
          {task.case.number}
        </Link>
      ),
    },
    {
      title: t("wb.col.item"),
      key: "item",
      render: (_: unknown, task) => (
        <Space orientation="vertical" size={0}>
          <span>{task.case.itemName}</span>
          <Typography.Text type="secondary">{task.case.title}</Typography.Text>
        </Space>
      ),
    },
    { title: t("wb.col.applicant"), key: "applicant", render: (_: unknown, task) => task.case.applicantName },
    {
      title: t("inbox.col.step"),
      key: "step",
      render: (_: unknown, task) => (
        <Space orientation="vertical" size={0}>
          <Space size={4}>
            <span>{task.stepName}</span>
            {task.lead ? <Tag color="gold">{t("inbox.lead")}</Tag> : null}
          </Space>
          <Typography.Text type="secondary">{task.orgName}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t("wb.col.status"),
      dataIndex: "status",
      render: (s: string, task) => (
        <Space orientation="vertical" size={0}>
          <Tag color={TASK_COLOR[s] ?? "default"} data-testid="task-status" data-status={s}>
            {t(`inbox.task.${s}` as "inbox.task.open")}
          </Tag>
          {task.assigneeId && !task.claimedBy ? (
            task.assigneeId === meId ? (
              <Tag color="magenta" data-testid="task-assigned-me">
                {t("inbox.assignedToMe")}
              </Tag>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="task-assigned">
                {t("inbox.assignedTo", { name: task.assigneeName ?? "" })}
              </Typography.Text>
            )
          ) : null}
          {task.returns > 0 ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t("inbox.returns", { n: task.returns })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t("wb.col.actions"),
      key: "actions",
      onCell: nowrap,
      render: (_: unknown, task) => {
        const busy = busyId === task.id;
        const claimable = task.abilities.claim && task.status !== "claimed";
        return (
          <Space wrap size={4}>
            {claimable ? (
              <Button
                size="small"
                loading={busy}
                onClick={() => onAction(task, "claim")}
                data-testid="task-claim"
              >
                {t("inbox.claim")}
              </Button>
            ) : null}
            {task.abilities.comment ? (
              <Button size="small" onClick={() => onAction(task, "comment")} data-testid="task-comment">
                {t("inbox.comment")}
              </Button>
            ) : null}
            {task.abilities.complete ? (
              <>
                <Button
                  size="small"
                  type="primary"
                  onClick={() => onAction(task, "approve")}
                  data-testid="task-approve"
                >
                  {t("action.recommend")}
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() => onAction(task, "return")}
                  data-testid="task-return"
                >
                  {t("action.sendBack")}
                </Button>
              </>
            ) : null}
            {!task.abilities.claim && !task.abilities.complete ? (
              <Typography.Text type="secondary">{t("inbox.readOnly")}</Typography.Text>
            ) : null}
          </Space>
        );
      },
    },
  ];
  return (
    <Table<InboxTask>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={tasks}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="inbox-table"
      data-loading={loading ? "true" : "false"}
      onRow={(task) =>
        ({
          "data-testid": `task-row-${task.case.number}-${task.stepCode}`,
          "data-case-number": task.case.number,
        }) as Record<string, string>
      }
      locale={{ emptyText: <Empty description={t(done ? "queues.doneEmpty" : "inbox.empty")} /> }}
    />
  );
}
