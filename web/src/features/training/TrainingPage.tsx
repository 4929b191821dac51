import { BookOutlined, MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { ApiError } from "../../api/ApiError";
import { ZhText, zhCell } from "../../components/ZhText";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { LibraryPicker } from "../policies/LibraryPicker";
import {
  ATTENDANCE_STATUSES,
  type TTrainingSessionSummary,
  useCreateTrainingSession,
  useRecordAttendance,
  useTrainingOptions,
  useTrainingSession,
  useTrainingSessions,
} from "./api";
import { AttendanceTag, TrainingHistory } from "./TrainingHistory";

const errorText = (e: unknown, locale: "zh-CN" | "en-US") =>
  e instanceof ApiError ? (e.messageIn(locale) ?? e.message) : String(e);

type Status = (typeof ATTENDANCE_STATUSES)[number];

type CreateForm = {
  orgId: string;
  heldOn: string;
  topic: string;
  documents?: { title: string; number?: string; url?: string; policyId?: string }[];
  sectionIds: string[];
  record?: string;
};

const blankToUndefined = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** createTrainingSession: date, topic, documents studied, the sections it is for, the record. */
function CreateModal({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<CreateForm>();
  const options = useTrainingOptions(open);
  const create = useCreateTrainingSession();
  const orgId = Form.useWatch("orgId", form);
  const orgs = options.data?.orgs ?? [];
  const holder = orgs.find((o) => o.id === orgId);
  const sections = holder ? orgs.filter((o) => o.path.startsWith(holder.path)) : [];
  useEffect(() => {
    const first = orgs.find((o) => o.canHold);
    if (open && first && !form.getFieldValue("orgId")) form.setFieldValue("orgId", first.id);
  }, [open, orgs, form]);
  return (
    <Modal
      open={open}
      title={t("training.create")}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      footer={null}
      destroyOnHidden
      width={720}
    >
      {options.isLoading && <Skeleton active />}
      {options.isError && <Alert type="error" showIcon title={errorText(options.error, locale)} />}
      {options.data && (
        <Form<CreateForm>
          form={form}
          layout="vertical"
          onFinish={(v) =>
            create.mutate(
              {
                orgId: v.orgId,
                heldOn: v.heldOn,
                topic: v.topic,
                sectionIds: v.sectionIds,
                documents: (v.documents ?? []).map((d) => ({
                  title: d.title,
                  number: blankToUndefined(d.number),
                  url: blankToUndefined(d.url),
                  policyId: d.policyId,
                })),
                record: blankToUndefined(v.record),
              },
              {
                onSuccess: (s) => {
                  form.resetFields();
                  onClose(s.id);
                },
              },
            )
          }
        >
          <Form.Item name="orgId" label={t("training.org")} rules={[{ required: true }]}>
            <Select
              data-testid="training-org"
              options={orgs.filter((o) => o.canHold).map((o) => ({ value: o.id, label: o.name }))}
              onChange={() => form.setFieldValue("sectionIds", [])}
            />
          </Form.Item>
          <Form.Item name="heldOn" label={t("training.heldOn")} rules={[{ required: true }]}>
            <Input type="date" data-testid="training-date" />
          </Form.Item>
          <Form.Item
            name="topic"
            label={t("training.topic")}
            rules={[{ required: true, whitespace: true, min: 2, max: 200 }]}
          >
            <Input data-testid="training-topic" />
          </Form.Item>
          <Form.Item
            name="sectionIds"
            label={t("training.sections")}
            rules={[{ required: true, type: "array", min: 1 }]}
          >
            <Checkbox.Group
              data-testid="training-sections"
              options={sections.map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
          <Typography.Text strong>{t("training.documents")}</Typography.Text>
          <Typography.Paragraph type="secondary">{t("training.documentsHint")}</Typography.Paragraph>
          <LibraryPicker
            onPick={(p) =>
              form.setFieldValue("documents", [
                ...(form.getFieldValue("documents") ?? []),
                { title: p.title, number: p.docNumber || undefined, policyId: p.id },
              ])
            }
          />
          <Form.List name="documents">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="baseline" style={{ width: "100%" }}>
                    <Form.Item
                      name={[f.name, "title"]}
                      rules={[{ required: true, whitespace: true, min: 2, max: 200 }]}
                    >
                      <Input placeholder={t("training.doc.title")} data-testid={`doc-title-${f.name}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, "policyId"]} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, "number"]} rules={[{ max: 100 }]}>
                      <Input placeholder={t("training.doc.number")} />
                    </Form.Item>
                    <Form.Item name={[f.name, "url"]} rules={[{ type: "url", max: 500 }]}>
                      <Input placeholder="https://" />
                    </Form.Item>
                    <MinusCircleOutlined
                      onClick={() => remove(f.name)}
                      aria-label={t("training.doc.remove")}
                    />
                  </Space>
                ))}
                <Form.Item>
                  <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} data-testid="doc-add">
                    {t("training.doc.add")}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
          <Form.Item name="record" label={t("training.record")} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={3} data-testid="training-record" />
          </Form.Item>
          {create.error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={errorText(create.error, locale)}
            />
          )}
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="training-save">
            {t("training.create")}
          </Button>
        </Form>
      )}
    </Modal>
  );
}

/** A session with its roster: the supervisor records attendance and the record (recordAttendance). */
function SessionModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const q = useTrainingSession(id);
  const save = useRecordAttendance();
  const [marks, setMarks] = useState<Record<string, Status>>({});
  const [record, setRecord] = useState<string>("");
  useEffect(() => {
    if (!q.data) return;
    setMarks(
      Object.fromEntries(q.data.roster.flatMap((r) => (r.status ? [[r.user.id, r.status as Status]] : []))),
    );
    setRecord(q.data.record ?? "");
  }, [q.data]);
  const s = q.data;
  const canRecord = !!s?.abilities.recordAttendance;
  return (
    <Modal
      open={!!id}
      title={s?.topic ?? t("training.session")}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      footer={null}
      destroyOnHidden
      width={720}
    >
      {q.isLoading && <Skeleton active />}
      {q.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(q.error, locale)}
          action={<Button onClick={() => q.refetch()}>{t("common.retry")}</Button>}
        />
      )}
      {s && (
        <Space orientation="vertical" style={{ width: "100%" }} data-testid="training-session">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: "date", label: t("training.heldOn"), children: s.heldOn },
              { key: "org", label: t("training.org"), children: <ZhText>{s.org.name}</ZhText> },
              { key: "organizer", label: t("training.organizer"), children: s.organizer.displayName },
              {
                key: "sections",
                label: t("training.sections"),
                children: <ZhText>{s.sections.map((o) => o.name).join("、")}</ZhText>,
              },
              {
                key: "docs",
                label: t("training.documents"),
                children: s.documents.length ? (
                  <Space orientation="vertical" size={0}>
                    {s.documents.map((d) => (
                      <span key={d.title}>
                        {d.url ? (
                          <a href={d.url} target="_blank" rel="noreferrer">
                            《{d.title}》
                          </a>
                        ) : (
                          `《${d.title}》`
                        )}
                        {d.number ? `（${d.number}）` : ""}
                      </span>
                    ))}
                  </Space>
                ) : (
                  "—"
                ),
              },
            ]}
          />
          <Typography.Text strong>{t("training.attendance")}</Typography.Text>
          {s.roster.length === 0 && <Empty description={t("training.rosterEmpty")} />}
          {s.roster.map((r) => (
            <Space
              key={r.user.id}
              wrap
              style={{ width: "100%", justifyContent: "space-between" }}
              data-testid={`roster-${r.user.id}`}
            >
              <Space orientation="vertical" size={0}>
                <ZhText>{r.user.displayName}</ZhText>
                <Typography.Text type="secondary">
                  <ZhText>{r.orgName}</ZhText>
                </Typography.Text>
              </Space>
              {canRecord ? (
                <Radio.Group
                  value={marks[r.user.id]}
                  onChange={(e) => setMarks({ ...marks, [r.user.id]: e.target.value as Status })}
                  optionType="button"
                  size="small"
                  options={ATTENDANCE_STATUSES.map((st) => ({
                    value: st,
                    label: t(`training.status.${st}` as MessageKey),
                  }))}
                />
              ) : (
                <AttendanceTag status={r.status} />
              )}
            </Space>
          ))}
          <Typography.Text strong>{t("training.record")}</Typography.Text>
          {canRecord ? (
            <Input.TextArea
              aria-label={t("training.record")}
              rows={4}
              value={record}
              maxLength={4000}
              onChange={(e) => setRecord(e.target.value)}
              data-testid="session-record"
            />
          ) : (
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{s.record ?? "—"}</Typography.Paragraph>
          )}
          {save.error && (
            <Alert
              type="error"
              showIcon
              title={errorText(save.error, locale)}
              action={
                save.error instanceof ApiError && save.error.status === 409 ? (
                  <Button
                    onClick={() => {
                      save.reset();
                      q.refetch();
                    }}
                  >
                    {t("training.reload")}
                  </Button>
                ) : undefined
              }
            />
          )}
          {canRecord && (
            <Button
              type="primary"
              loading={save.isPending}
              data-testid="attendance-save"
              onClick={() =>
                save.mutate({
                  id: s.id,
                  body: {
                    expectedVersion: s.version,
                    entries: Object.entries(marks).map(([userId, status]) => ({ userId, status })),
                    record: record.trim(),
                  },
                })
              }
            >
              {t("training.saveAttendance")}
            </Button>
          )}
          {save.isSuccess && !save.isPending && (
            <Alert type="success" showIcon title={t("training.saved")} data-testid="attendance-saved" />
          )}
        </Space>
      )}
    </Modal>
  );
}

function SessionsTab() {
  const { t, locale } = useI18n();
  const q = useTrainingSessions();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setCreating(true)}
        data-testid="training-new"
      >
        {t("training.create")}
      </Button>
      {q.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(q.error, locale)}
          action={<Button onClick={() => q.refetch()}>{t("common.retry")}</Button>}
        />
      )}
      <Table<TTrainingSessionSummary>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("training.empty")} /> }}
        scroll={{ x: 760 }}
        data-testid="training-table"
        onRow={(s) => ({ onClick: () => setOpen(s.id), style: { cursor: "pointer" } })}
        columns={[
          { title: t("training.heldOn"), dataIndex: "heldOn", width: 110 },
          {
            title: t("training.topic"),
            key: "topic",
            render: (_, s) => (
              <Space orientation="vertical" size={0}>
                <Button type="link" style={{ padding: 0 }} data-testid={`session-${s.id}`}>
                  <ZhText>{s.topic}</ZhText>
                </Button>
                {s.documents.map((d) => (
                  <Typography.Text type="secondary" key={d.title}>
                    <ZhText>{`《${d.title}》`}</ZhText>
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          {
            title: t("training.sections"),
            key: "sections",
            render: (_, s) => zhCell(s.sections.map((o) => o.name).join("、")),
          },
          {
            title: t("training.attendance"),
            key: "counts",
            render: (_, s) =>
              t("training.counts", {
                present: s.counts.present,
                expected: s.counts.expected,
                absent: s.counts.absent,
                excused: s.counts.excused,
              }),
          },
        ]}
      />
      <CreateModal
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) setOpen(id);
        }}
      />
      <SessionModal id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}

function PeopleTab() {
  const { t, locale } = useI18n();
  const q = useTrainingOptions();
  const [person, setPerson] = useState<{ id: string; displayName: string } | null>(null);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {q.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(q.error, locale)}
          action={<Button onClick={() => q.refetch()}>{t("common.retry")}</Button>}
        />
      )}
      <Table
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.staff ?? []}
        locale={{ emptyText: <Empty description={t("training.people.empty")} /> }}
        data-testid="training-people"
        pagination={false}
        columns={[
          { title: t("training.people.name"), dataIndex: "displayName", render: zhCell },
          { title: t("training.people.org"), dataIndex: "orgName", render: zhCell },
          {
            title: "",
            key: "open",
            render: (_, p) => (
              <Button size="small" onClick={() => setPerson(p)} data-testid={`history-${p.id}`}>
                {t("training.people.history")}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!person}
        title={t("training.people.historyOf", { name: person?.displayName ?? "" })}
        onCancel={() => setPerson(null)}
        footer={null}
        destroyOnHidden
        width={720}
      >
        {person && <TrainingHistory userId={person.id} />}
      </Modal>
    </Space>
  );
}

/**
 * `/supervision/training` (supervisor): the study sessions of the bureau's tree (教育培训) — hold one,
 * record attendance and the record — and each person's training history.
 */
export default function TrainingPage() {
  const { t } = useI18n();
  return (
    <Card data-testid="page-training">
      <Typography.Title level={4} data-testid="page-title">
        <BookOutlined /> {t("training.title")}
      </Typography.Title>
      <Tabs
        items={[
          { key: "sessions", label: t("training.tab.sessions"), children: <SessionsTab /> },
          { key: "people", label: t("training.tab.people"), children: <PeopleTab /> },
        ]}
        destroyOnHidden
      />
    </Card>
  );
}
