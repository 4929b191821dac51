import {
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { Link, useParams } from "react-router-dom";
import { StatusTag } from "../cases/StatusTag";
import { type Bundle, useCompleteAction, useProject, useRecordSurvey } from "./api";
import { BoundaryMap } from "./BoundaryMap";
import { PrecheckForm } from "./PrecheckForm";
import { LandContractForm, MeetingForm } from "./ProjectForms";
import { useProjectTexts } from "./texts";

const STAGES: Record<string, string> = {
  land_planning: "立项用地规划许可",
  engineering_permit: "工程建设许可",
  construction_permit: "施工许可",
  completion: "竣工验收",
};
/** Chinese names of the pre-check results and bundle statuses shown on the page. */
const CHECK_LABEL: Record<string, string> = { pass: "通过", missing: "缺少", defective: "不符合" };
const BUNDLE_STATUS: Record<string, string> = {
  filed: "已申报",
  in_progress: "办理中",
  completed: "已全部办结",
  draft: "未申报",
};
/** The items of the 拿地即办证 bundle the helper pre-checks, with their names. */
const PRECHECK_ITEMS: Record<string, string> = {
  "construction-land-planning-permit": "建设用地规划许可证核发",
  "state-land-first-registration": "国有建设用地使用权首次登记",
};

const local = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—";

/** One bundle: its cases, certificates and the 怀远速度 measure, as a timeline. */
function BundleCard({ b }: { b: Bundle }) {
  const { t } = useProjectTexts();
  const m = b.measure;
  const steps = [
    ...(b.landContract
      ? [{ at: b.landContract.signedAt, text: `${t("contract.title")} ${b.landContract.number}` }]
      : []),
    ...b.cases.map((c) => ({ at: c.submittedAt ?? b.createdAt, text: `${c.itemName} ${c.number}` })),
    ...b.certificates.map((c) => ({ at: c.issuedAt, text: `${c.name} ${c.number}` })),
  ].sort((x, y) => x.at.localeCompare(y.at));
  return (
    <Card
      data-testid="bundle-card"
      data-bundle-status={b.status}
      title={`${b.template.name}`}
      extra={
        <Tag color={b.status === "completed" ? "green" : "blue"}>{BUNDLE_STATUS[b.status] ?? b.status}</Tag>
      }
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        <div data-testid="bundle-measure">
          <Typography.Text strong>{t("measure.title")}：</Typography.Text>
          {m.workingHours === null ? (
            <Typography.Text type="secondary">{t("measure.pending")}</Typography.Text>
          ) : (
            <>
              <Typography.Text data-testid="measure-hours">
                {m.workingHours} {t("measure.hours")}（{m.workingMinutes} min）
              </Typography.Text>{" "}
              {m.sameDay && <Tag color="gold">{t("measure.sameDay")}</Tag>}
            </>
          )}
        </div>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={b.cases}
          columns={[
            {
              title: "办件编号",
              dataIndex: "number",
              render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link>,
            },
            { title: "事项", dataIndex: "itemName" },
            { title: "状态", dataIndex: "status", render: (v: string) => <StatusTag status={v} /> },
          ]}
        />
        <Timeline
          data-testid="bundle-timeline"
          items={steps.map((s) => ({ content: `${local(s.at)}  ${s.text}` }))}
        />
      </Space>
    </Card>
  );
}

/** `/projects/:id`: a project with its parcel (and red-line drawing), early intervention and bundles. */
export default function ProjectPage() {
  const { id = "" } = useParams();
  const { t } = useProjectTexts();
  const q = useProject(id);
  const survey = useRecordSurvey(id);
  const done = useCompleteAction(id);
  if (q.isLoading || !q.data) return <Skeleton active />;
  const p = q.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-project">
      <Typography.Title level={3}>{p.name}</Typography.Title>
      <Card title={t("parcel.title")}>
        <Row gutter={16}>
          <Col flex="auto">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t("list.code")}>{p.code}</Descriptions.Item>
              <Descriptions.Item label={t("list.enterprise")}>{p.enterprise.name}</Descriptions.Item>
              <Descriptions.Item label={t("parcel.location")}>{p.parcel.location}</Descriptions.Item>
              <Descriptions.Item label={t("parcel.area")}>{p.parcel.areaSqm}</Descriptions.Item>
              <Descriptions.Item label={t("parcel.use")}>{p.parcel.use}</Descriptions.Item>
              <Descriptions.Item label={t("parcel.stage")}>{STAGES[p.stage] ?? p.stage}</Descriptions.Item>
              <Descriptions.Item label={t("list.helper")}>{p.helper?.name ?? "—"}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col>{p.parcel.boundary && <BoundaryMap coordinates={p.parcel.boundary.coordinates} />}</Col>
        </Row>
      </Card>
      {p.abilities.recordLandContract && p.landContracts.length === 0 && <LandContractForm project={p} />}
      <Typography.Title level={4}>{t("bundles.title")}</Typography.Title>
      {p.bundles.map((b) => (
        <BundleCard key={b.id} b={b} />
      ))}
      <Row gutter={16}>
        <Col span={12}>
          <Card title={t("timeline.title")} data-testid="project-timeline">
            <Timeline items={p.timeline.map((e) => ({ content: `${local(e.at)}  ${e.summary}` }))} />
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t("precheck.title")} data-testid="project-prechecks">
            <Table
              size="small"
              rowKey={(r) => `${r.itemCode}:${r.materialCode}`}
              pagination={false}
              dataSource={p.prechecks}
              columns={[
                { title: "事项", dataIndex: "itemCode", render: (v: string) => PRECHECK_ITEMS[v] ?? v },
                {
                  title: "材料",
                  dataIndex: "materialName",
                  render: (v: string | undefined, r) => v ?? r.materialCode,
                },
                {
                  title: "预审",
                  dataIndex: "status",
                  render: (v: string) => (
                    <Tag color={v === "pass" ? "green" : "red"}>{CHECK_LABEL[v] ?? v}</Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {p.abilities.savePrecheck && (
        <Card title={t("precheck.title")} data-testid="project-precheck-form">
          <PrecheckForm project={p} itemCodes={Object.keys(PRECHECK_ITEMS)} itemNames={PRECHECK_ITEMS} />
        </Card>
      )}
      <Card title={t("meeting.title")} data-testid="project-meetings">
        {p.meetings.map((m) => (
          <Space key={m.id} orientation="vertical" style={{ width: "100%" }}>
            <Typography.Text strong>
              {m.heldOn} {m.topic}（{m.attendees.map((a) => a.department).join("、")}）
            </Typography.Text>
            {m.decisions.map((d) => (
              <Typography.Text key={d}>· {d}</Typography.Text>
            ))}
            {m.actionItems.map((a) => (
              <Space key={a.id} data-testid={`action-${a.id}`}>
                <Typography.Text>
                  {a.description}（{a.owner}，{a.dueOn}）
                </Typography.Text>
                {a.status === "done" ? (
                  <Tag color="green">{t("action.done")}</Tag>
                ) : (
                  p.abilities.completeActionItem && (
                    <Button size="small" onClick={() => done.mutate(a.id)} data-testid="action-done">
                      {t("action.markDone")}
                    </Button>
                  )
                )}
              </Space>
            ))}
          </Space>
        ))}
        {p.abilities.recordCoordinationMeeting && <MeetingForm projectId={p.id} />}
      </Card>
      <Card title={t("survey.title")} data-testid="project-surveys">
        {p.siteSurveys.map((s) => (
          <Typography.Paragraph key={s.id}>
            {s.surveyedOn}（{s.people.join("、")}）：{s.findings}
          </Typography.Paragraph>
        ))}
        {p.abilities.recordSiteSurvey && (
          <Form
            layout="inline"
            onFinish={(v: { people: string; findings: string }) =>
              survey.mutate({
                surveyedOn: new Date().toISOString().slice(0, 10),
                people: v.people
                  .split(/[,，、]/)
                  .map((x) => x.trim())
                  .filter(Boolean),
                findings: v.findings,
              })
            }
          >
            <Form.Item name="people" label={t("survey.people")} rules={[{ required: true }]}>
              <Input data-testid="survey-people" />
            </Form.Item>
            <Form.Item name="findings" label={t("survey.findings")} rules={[{ required: true }]}>
              <Input data-testid="survey-findings" />
            </Form.Item>
            <Button htmlType="submit" type="primary" loading={survey.isPending} data-testid="survey-submit">
              {t("survey.add")}
            </Button>
          </Form>
        )}
      </Card>
    </Space>
  );
}
