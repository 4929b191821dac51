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
import { useParams } from "react-router-dom";
import { withData, ZhText, zhCell } from "../../components/ZhText";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { formatDateTime, officeToday } from "../cases/labels";
import { useCompleteAction, useProject, useRecordSurvey } from "./api";
import { BoundaryMap } from "./BoundaryMap";
import { BundleCard } from "./BundleCard";
import { LandDeliveries } from "./LandDeliveries";
import { LandTransferOrg } from "./LandTransferOrg";
import { PrecheckForm } from "./PrecheckForm";
import { LandContractForm, MeetingForm } from "./ProjectForms";
import { StageCard } from "./StageCard";
import { timelineText } from "./timelineText";

/** The items of the land bundles the helper pre-checks. */
const PRECHECK_ITEMS = ["construction-land-planning-permit", "state-land-first-registration"];
const itemKey = (code: string) => `prj.item.${code}` as MessageKey;

/** `/projects/:id`: a project with its parcel (and red-line drawing), stage, early intervention and bundles. */
export default function ProjectPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const q = useProject(id);
  const survey = useRecordSurvey(id);
  const done = useCompleteAction(id);
  if (q.isLoading || !q.data) return <Skeleton active />;
  const p = q.data;
  const itemNames = Object.fromEntries(PRECHECK_ITEMS.map((c) => [c, t(itemKey(c))]));
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-project">
      <Typography.Title level={3}>
        <ZhText>{p.name}</ZhText>
      </Typography.Title>
      <Card title={t("prj.parcel.title")}>
        <Row gutter={16}>
          <Col flex="auto">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t("prj.list.code")}>{p.code}</Descriptions.Item>
              <Descriptions.Item label={t("prj.list.enterprise")}>
                <ZhText>{p.enterprise.name}</ZhText>
              </Descriptions.Item>
              <Descriptions.Item label={t("prj.parcel.location")}>
                <ZhText>{p.parcel.location}</ZhText>
              </Descriptions.Item>
              <Descriptions.Item label={t("prj.parcel.area")}>{p.parcel.areaSqm}</Descriptions.Item>
              <Descriptions.Item label={t("prj.parcel.use")}>
                <ZhText>{p.parcel.use}</ZhText>
              </Descriptions.Item>
              <Descriptions.Item label={t("prj.list.helper")}>
                <ZhText>{p.helper?.name ?? "—"}</ZhText>
              </Descriptions.Item>
              <Descriptions.Item label={t("prj.transfer.label")}>
                <LandTransferOrg project={p} />
              </Descriptions.Item>
            </Descriptions>
          </Col>
          <Col>{p.parcel.boundary && <BoundaryMap coordinates={p.parcel.boundary.coordinates} />}</Col>
        </Row>
      </Card>
      {/* Keys: antd Space drops empty children and keys the rest by position, so a section that
          appears (a bundle filed) would otherwise remount the forms after it and lose their state. */}
      <StageCard key="stage" project={p} />
      {/* Until a contract has filed its bundle: a contract recorded while the pre-checks were missing is
          recorded again, once they are complete, to file it. */}
      {p.abilities.recordLandContract && !p.bundles.some((b) => b.landContract) && (
        <LandContractForm key="contract" project={p} />
      )}
      <Space key="bundles" orientation="vertical" size={16} style={{ width: "100%" }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("prj.bundles.title")}
        </Typography.Title>
        {p.bundles.length === 0 && (
          <Typography.Text type="secondary">{t("prj.bundles.none")}</Typography.Text>
        )}
        {p.bundles.map((b) => (
          <BundleCard key={b.id} b={b} />
        ))}
      </Space>
      <LandDeliveries key="deliveries" project={p} />
      <Row key="timeline" gutter={16}>
        <Col span={12}>
          <Card title={t("prj.timeline.title")} data-testid="project-timeline">
            <Timeline
              items={p.timeline.map((e) => ({
                content: (
                  <>
                    {`${formatDateTime(e.at)}  `}
                    {timelineText(e, p, t)}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t("prj.precheck.title")} data-testid="project-prechecks">
            <Table
              size="small"
              rowKey={(r) => `${r.itemCode}:${r.materialCode}`}
              pagination={false}
              dataSource={p.prechecks}
              columns={[
                {
                  title: t("prj.precheck.item"),
                  dataIndex: "itemCode",
                  render: (v: string) => itemNames[v] ?? v,
                },
                {
                  title: t("prj.precheck.material"),
                  dataIndex: "materialName",
                  render: (v: string | undefined, r) => zhCell(v ?? r.materialCode),
                },
                {
                  title: t("prj.precheck.result"),
                  dataIndex: "status",
                  render: (v: string) => (
                    <Tag color={v === "pass" ? "green" : "red"}>{t(`prj.check.${v}` as MessageKey) ?? v}</Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {p.abilities.savePrecheck && (
        <Card key="precheck-form" title={t("prj.precheck.title")} data-testid="project-precheck-form">
          <PrecheckForm project={p} itemCodes={PRECHECK_ITEMS} itemNames={itemNames} />
        </Card>
      )}
      <Card key="meetings" title={t("prj.meeting.title")} data-testid="project-meetings">
        {p.meetings.map((m) => (
          <Space key={m.id} orientation="vertical" style={{ width: "100%" }}>
            <Typography.Text strong>
              {withData(t("prj.meeting.heading"), {
                date: m.heldOn,
                topic: m.topic,
                departments: m.attendees.map((a) => a.department).join(t("prj.sep")),
              })}
            </Typography.Text>
            {m.decisions.map((d) => (
              <Typography.Text key={d}>
                · <ZhText>{d}</ZhText>
              </Typography.Text>
            ))}
            {m.actionItems.map((a) => (
              <Space key={a.id} data-testid={`action-${a.id}`}>
                <Typography.Text>
                  {withData(t("prj.action.line"), {
                    description: a.description,
                    owner: a.owner,
                    due: a.dueOn,
                  })}
                </Typography.Text>
                {a.status === "done" ? (
                  <Tag color="green">{t("prj.action.done")}</Tag>
                ) : (
                  p.abilities.completeActionItem && (
                    <Button size="small" onClick={() => done.mutate(a.id)} data-testid="action-done">
                      {t("prj.action.markDone")}
                    </Button>
                  )
                )}
              </Space>
            ))}
          </Space>
        ))}
        {p.abilities.recordCoordinationMeeting && <MeetingForm projectId={p.id} />}
      </Card>
      <Card key="surveys" title={t("prj.survey.title")} data-testid="project-surveys">
        {p.siteSurveys.map((s) => (
          <Typography.Paragraph key={s.id}>
            {withData(t("prj.survey.line"), {
              date: s.surveyedOn,
              people: s.people.join(t("prj.sep")),
              findings: s.findings,
            })}
          </Typography.Paragraph>
        ))}
        {p.abilities.recordSiteSurvey && (
          <Form
            layout="inline"
            onFinish={(v: { people: string; findings: string }) =>
              survey.mutate({
                surveyedOn: officeToday(),
                people: v.people
                  .split(/[,，、]/)
                  .map((x) => x.trim())
                  .filter(Boolean),
                findings: v.findings,
              })
            }
          >
            <Form.Item name="people" label={t("prj.survey.people")} rules={[{ required: true }]}>
              <Input data-testid="survey-people" />
            </Form.Item>
            <Form.Item name="findings" label={t("prj.survey.findings")} rules={[{ required: true }]}>
              <Input data-testid="survey-findings" />
            </Form.Item>
            <Button htmlType="submit" type="primary" loading={survey.isPending} data-testid="survey-submit">
              {t("prj.survey.add")}
            </Button>
          </Form>
        )}
      </Card>
    </Space>
  );
}
