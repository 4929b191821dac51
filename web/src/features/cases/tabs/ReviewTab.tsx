import { Empty, Space, Table, Tag, Typography } from "antd";
import { zhCell } from "../../../components/ZhText";
import { useT } from "../../../i18n/useT";
import { formatDateTime, REVIEW_STATUS_COLOR, reviewStatusKey } from "../labels";
import { RowList } from "../RowList";
import type { CaseComment, ReviewTask } from "../types";

type Props = { tasks: ReviewTask[]; comments: CaseComment[] };

/** 审查: each department's task — status, due date, opinion, returns — and the comments. */
export function ReviewTab({ tasks, comments }: Props) {
  const t = useT();
  if (tasks.length === 0) return <Empty description={t("review.empty")} data-testid="tab-review" />;
  return (
    <Space orientation="vertical" size={24} style={{ width: "100%" }} data-testid="tab-review">
      <Table<ReviewTask>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={tasks}
        columns={[
          {
            title: t("review.step"),
            key: "step",
            render: (_, r) => (
              <Space size={4}>
                {r.stepName}
                {r.lead && <Tag color="gold">{t("review.lead")}</Tag>}
              </Space>
            ),
          },
          { title: t("review.org"), dataIndex: "orgName", key: "org", render: zhCell },
          {
            title: t("review.status"),
            key: "status",
            render: (_, r) => (
              <Tag
                color={REVIEW_STATUS_COLOR[r.status] ?? "default"}
                data-testid={`review-status-${r.stepCode}`}
              >
                {t(reviewStatusKey(r.status))}
              </Tag>
            ),
          },
          { title: t("review.due"), dataIndex: "dueOn", key: "due", render: (v: string | null) => v ?? "—" },
          {
            title: t("review.opinion"),
            dataIndex: "opinion",
            key: "opinion",
            render: (v: string | null) => v ?? "—",
          },
          {
            title: t("review.returns"),
            dataIndex: "returns",
            key: "returns",
            width: 70,
            render: (v: number) => (v > 0 ? <Tag color="warning">{v}</Tag> : 0),
          },
          {
            title: t("review.completedAt"),
            dataIndex: "completedAt",
            key: "completedAt",
            render: (v: string | null) => formatDateTime(v),
          },
        ]}
      />
      {comments.length > 0 && (
        <section>
          <Typography.Title level={5}>{t("review.comments")}</Typography.Title>
          <RowList
            rows={comments.map((m) => ({
              key: m.id,
              title: `${m.authorName} · ${formatDateTime(m.at)}`,
              description: m.text,
            }))}
          />
        </section>
      )}
    </Space>
  );
}
