import { ReloadOutlined, SwapOutlined, TeamOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ZAbsenceReason } from "../../../../src/shared/api/staff";
import { ApiError } from "../../api/ApiError";
import { ZhText, zhCell } from "../../components/ZhText";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { BADGE } from "../../theme";
import {
  type THandoverTask,
  type TStaffMember,
  type TStaffPost,
  type TStaffRoster,
  useEndAbsence,
  useHandOver,
  useSetAbsence,
  useStaffRoster,
  useUpdatePost,
} from "./api";

const errorText = (e: unknown, locale: "zh-CN" | "en-US") =>
  e instanceof ApiError ? (e.messageIn(locale) ?? e.message) : String(e);

type Org = TStaffRoster["orgs"][number];
const ABSENCE_REASONS = ZAbsenceReason.options;
type AbsenceForm = { reason: (typeof ABSENCE_REASONS)[number]; dates: [Dayjs, Dayjs]; note?: string };

/** setAbsence: 登记请假/外出 for one person, today by default. */
function AbsenceModal({
  person,
  today,
  onClose,
}: {
  person: TStaffMember | null;
  today: string;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AbsenceForm>();
  const set = useSetAbsence();
  return (
    <Modal
      open={!!person}
      title={t("staff.setAbsenceTitle", { name: person?.displayName ?? "" })}
      onCancel={() => {
        set.reset();
        onClose();
      }}
      onOk={() => form.submit()}
      okButtonProps={{ loading: set.isPending, "data-testid": "absence-submit" }}
      destroyOnHidden
    >
      <Form<AbsenceForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ reason: "leave", dates: [dayjs(today), dayjs(today)] }}
        onFinish={(v) => {
          if (!person) return;
          set.mutate(
            {
              userId: person.id,
              reason: v.reason,
              fromDate: v.dates[0].format("YYYY-MM-DD"),
              toDate: v.dates[1].format("YYYY-MM-DD"),
              note: v.note?.trim() ? v.note.trim() : undefined,
            },
            {
              onSuccess: () => {
                message.success(t("staff.absence.saved"));
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item name="reason" label={t("staff.absence.reason")} rules={[{ required: true }]}>
          <Radio.Group data-testid="absence-reason">
            {ABSENCE_REASONS.map((r) => (
              <Radio.Button key={r} value={r} data-testid={`absence-reason-${r}`}>
                {t(`staff.reason.${r}` as MessageKey)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="dates" label={t("staff.absence.dates")} rules={[{ required: true }]}>
          <DatePicker.RangePicker allowClear={false} style={{ width: "100%" }} data-testid="absence-dates" />
        </Form.Item>
        <Form.Item name="note" label={t("staff.absence.note")}>
          <Input maxLength={200} data-testid="absence-note" />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t("staff.absence.hint")}</Typography.Paragraph>
        {set.isError && <Alert type="error" showIcon title={errorText(set.error, locale)} />}
      </Form>
    </Modal>
  );
}

/** updatePost: choose the holder (A岗) and backup (B岗) among the organization's people. */
function PostModal({
  post,
  org,
  onClose,
}: {
  post: TStaffPost | null;
  org: Org | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const update = useUpdatePost();
  const [form] = Form.useForm<{ holderId: string | null; backupId: string | null }>();
  const options = (org?.people ?? []).map((p) => ({ value: p.id, label: p.displayName }));
  return (
    <Modal
      open={!!post}
      title={t("staff.post.editTitle", { name: post?.name ?? "" })}
      onCancel={() => {
        update.reset();
        onClose();
      }}
      onOk={() => form.submit()}
      okButtonProps={{ loading: update.isPending, "data-testid": "post-submit" }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ holderId: post?.holder?.id ?? null, backupId: post?.backup?.id ?? null }}
        onFinish={(v) => {
          if (!post) return;
          update.mutate(
            {
              id: post.id,
              expectedVersion: post.version,
              holderId: v.holderId ?? null,
              backupId: v.backupId ?? null,
            },
            {
              onSuccess: () => {
                message.success(t("staff.post.saved"));
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item name="holderId" label={t("staff.post.holder")}>
          <Select allowClear options={options} placeholder={t("staff.post.none")} data-testid="post-holder" />
        </Form.Item>
        <Form.Item name="backupId" label={t("staff.post.backup")}>
          <Select allowClear options={options} placeholder={t("staff.post.none")} data-testid="post-backup" />
        </Form.Item>
        {update.isError && <Alert type="error" showIcon title={errorText(update.error, locale)} />}
      </Form>
    </Modal>
  );
}

function UrgencyTag({ u }: { u: "normal" | "yellow" | "red" }) {
  const { t } = useI18n();
  const color = u === "red" ? "red" : u === "yellow" ? "gold" : "green";
  return (
    <Tag color={color} data-urgency={u}>
      {t(`staff.urgency.${u}` as MessageKey)}
    </Tag>
  );
}

/** 交接清单: the absent holders' open tasks, each handed to its post's backup in one click (or all). */
function Handover({ items }: { items: THandoverTask[] }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const hand = useHandOver();
  const ready = items.filter((i) => i.backup);
  const go = (list: THandoverTask[]) =>
    hand.mutate(
      list.map((i) => ({ taskId: i.taskId, expectedVersion: i.version })),
      {
        onSuccess: (r) => message.success(t("staff.handover.done", { n: r.handedOver.length })),
        onError: (e) => message.error(errorText(e, locale)),
      },
    );
  return (
    <Card
      size="small"
      title={
        <Space>
          <SwapOutlined />
          {t("staff.handover")}
          <Badge count={items.length} showZero color={items.length ? BADGE.attention : BADGE.quiet} />
        </Space>
      }
      extra={
        ready.length > 1 ? (
          <Button size="small" onClick={() => go(ready)} loading={hand.isPending} data-testid="handover-all">
            {t("staff.handover.all")}
          </Button>
        ) : null
      }
      data-testid="handover"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t("staff.handover.desc")}
      </Typography.Paragraph>
      <Table<THandoverTask>
        rowKey="taskId"
        size="small"
        pagination={false}
        dataSource={items}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("staff.handover.empty")} />,
        }}
        onRow={(i) => ({ "data-testid": `handover-${i.caseNumber}` }) as Record<string, string>}
        columns={[
          {
            title: t("staff.handover.case"),
            key: "case",
            render: (_, i) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/cases/${i.caseId}`}>{i.caseNumber}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {i.itemName}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t("staff.handover.step"), dataIndex: "stepName" },
          {
            title: t("staff.handover.due"),
            key: "due",
            render: (_, i) => (
              <Space size={4}>
                <span>{i.dueOn ?? "—"}</span>
                <UrgencyTag u={i.urgency} />
              </Space>
            ),
          },
          { title: t("staff.handover.from"), key: "from", render: (_, i) => zhCell(i.holder.displayName) },
          {
            title: t("staff.handover.to"),
            key: "to",
            render: (_, i) =>
              i.backup ? (
                <Space>
                  <ZhText>{i.backup.displayName}</ZhText>
                  <Button
                    size="small"
                    type="primary"
                    loading={hand.isPending && hand.variables?.some((v) => v.taskId === i.taskId)}
                    onClick={() => go([i])}
                    data-testid="handover-one"
                  >
                    {t("staff.handover.one")}
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="warning">{t("staff.handover.noBackup")}</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}

function Posts({ org, onEdit }: { org: Org; onEdit: (p: TStaffPost) => void }) {
  const { t } = useI18n();
  if (!org.posts.length) return <Typography.Text type="secondary">{t("staff.noPosts")}</Typography.Text>;
  return (
    <Table<TStaffPost>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={org.posts}
      scroll={{ x: "max-content" }}
      onRow={(p) => ({ "data-testid": `post-${p.name}` }) as Record<string, string>}
      columns={[
        {
          title: t("staff.post.name"),
          key: "name",
          render: (_, p) => (
            <Space size={4} wrap>
              <ZhText>{p.name}</ZhText>
              <Tag>{t(`staff.post.duty.${p.duty}` as MessageKey)}</Tag>
            </Space>
          ),
        },
        {
          title: t("staff.post.holder"),
          key: "holder",
          render: (_, p) => (
            <Space size={4}>
              <ZhText>{p.holder?.displayName ?? "—"}</ZhText>
              {p.holderAbsent ? <Tag color="orange">{t("staff.post.holderAway")}</Tag> : null}
            </Space>
          ),
        },
        {
          title: t("staff.post.backup"),
          key: "backup",
          render: (_, p) => zhCell(p.backup?.displayName ?? "—"),
        },
        {
          title: t("staff.post.current"),
          key: "current",
          render: (_, p) => (
            <Typography.Text strong data-testid="post-current">
              <ZhText>{p.current?.displayName ?? "—"}</ZhText>
            </Typography.Text>
          ),
        },
        {
          title: "",
          key: "edit",
          render: (_, p) => (
            <Button size="small" onClick={() => onEdit(p)} data-testid="post-edit">
              {t("staff.post.edit")}
            </Button>
          ),
        },
      ]}
    />
  );
}

function People({ org, onAbsence }: { org: Org; onAbsence: (p: TStaffMember) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const end = useEndAbsence();
  const reason = (r: string) => t(`staff.reason.${r}` as MessageKey);
  return (
    <Table<TStaffMember>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={org.people}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      onRow={(p) => ({ "data-testid": `person-${p.displayName}` }) as Record<string, string>}
      columns={[
        { title: t("staff.col.name"), dataIndex: "displayName", render: zhCell },
        {
          title: t("staff.col.roles"),
          key: "roles",
          render: (_, p) => p.roles.map((r) => t(`staff.role.${r}` as MessageKey)).join("、"),
        },
        { title: t("staff.col.phone"), key: "phone", render: (_, p) => p.phone ?? "—" },
        {
          title: t("staff.col.status"),
          key: "status",
          render: (_, p) => (
            <Space orientation="vertical" size={0}>
              {p.absence ? (
                <Tag color="orange" data-testid="absence-badge">
                  {t("staff.away", { reason: reason(p.absence.reason), to: p.absence.toDate })}
                </Tag>
              ) : (
                <Tag color="green">{t("staff.onDuty")}</Tag>
              )}
              {p.upcoming.map((a) => (
                <Typography.Text key={a.id} type="secondary" style={{ fontSize: 12 }}>
                  {t("staff.upcoming", { reason: reason(a.reason), from: a.fromDate })}
                </Typography.Text>
              ))}
            </Space>
          ),
        },
        {
          title: t("staff.col.open"),
          key: "open",
          align: "right",
          render: (_, p) => <span data-testid="workload-open">{p.workload.open}</span>,
        },
        {
          title: t("staff.col.dueSoon"),
          key: "dueSoon",
          align: "right",
          render: (_, p) =>
            p.workload.dueSoon ? (
              <Tag color="gold" data-testid="workload-yellow">
                {p.workload.dueSoon}
              </Tag>
            ) : (
              <span data-testid="workload-yellow">0</span>
            ),
        },
        {
          title: t("staff.col.overdue"),
          key: "overdue",
          align: "right",
          render: (_, p) =>
            p.workload.overdue ? (
              <Tag color="red" data-testid="workload-red">
                {p.workload.overdue}
              </Tag>
            ) : (
              <span data-testid="workload-red">0</span>
            ),
        },
        {
          title: t("staff.col.actions"),
          key: "actions",
          render: (_, p) =>
            p.absence ? (
              <Popconfirm
                title={t("staff.endAbsence.confirm", { name: p.displayName })}
                onConfirm={() =>
                  p.absence &&
                  end.mutate(
                    { id: p.absence.id, expectedVersion: p.absence.version },
                    { onSuccess: () => message.success(t("staff.endAbsence.done")) },
                  )
                }
              >
                <Button size="small" data-testid="absence-end">
                  {t("staff.endAbsence")}
                </Button>
              </Popconfirm>
            ) : (
              <Button size="small" onClick={() => onAbsence(p)} data-testid="absence-open">
                {t("staff.setAbsence")}
              </Button>
            ),
        },
      ]}
    />
  );
}

/**
 * `/supervision/staff` (supervisor): 人员 — the roster of each window and section with its posts
 * (A岗 / B岗, who receives new work today), absences (登记请假/外出, 销假), workload (open, yellow, red)
 * and the handover list of holders who are away (转交B岗).
 */
export default function StaffPage() {
  const { t, locale } = useI18n();
  const q = useStaffRoster();
  const [absenceFor, setAbsenceFor] = useState<TStaffMember | null>(null);
  const [post, setPost] = useState<{ post: TStaffPost; org: Org } | null>(null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="page-staff">
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="page-title">
            <TeamOutlined /> {t("staff.title")}
          </Typography.Title>
          {q.data && (
            <Typography.Text type="secondary">{t("staff.today", { date: q.data.today })}</Typography.Text>
          )}
        </div>
        <Button icon={<ReloadOutlined />} onClick={() => q.refetch()} aria-label={t("wb.refresh")} />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t("staff.desc")}
      </Typography.Paragraph>
      {q.isLoading && <Skeleton active paragraph={{ rows: 8 }} />}
      {q.isError && (
        <Alert
          type="error"
          showIcon
          data-testid="staff-error"
          title={t("staff.loadError", { message: errorText(q.error, locale) })}
          action={<Button onClick={() => q.refetch()}>{t("common.retry")}</Button>}
        />
      )}
      {q.data && (
        <>
          <Handover items={q.data.handover} />
          {q.data.orgs.length === 0 && <Empty description={t("staff.emptyOrgs")} />}
          {q.data.orgs.map((org) => (
            <Card
              key={org.id}
              size="small"
              title={<ZhText>{org.name}</ZhText>}
              data-testid={`org-${org.name}`}
            >
              <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
                <Posts org={org} onEdit={(p) => setPost({ post: p, org })} />
                <People org={org} onAbsence={setAbsenceFor} />
              </Space>
            </Card>
          ))}
          <AbsenceModal person={absenceFor} today={q.data.today} onClose={() => setAbsenceFor(null)} />
          <PostModal post={post?.post ?? null} org={post?.org ?? null} onClose={() => setPost(null)} />
        </>
      )}
    </Space>
  );
}
