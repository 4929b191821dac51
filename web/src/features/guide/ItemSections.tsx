import { DownloadOutlined } from "@ant-design/icons";
import { Card, Descriptions, Space, Table, Tag, Tooltip, Typography } from "antd";
import {
  EXEMPTION_CONDITIONS,
  FEE_UNITS,
  HANDLER_KINDS,
  MATERIAL_FORMS,
  MATERIAL_SOURCES,
  ONLINE_DEPTHS,
  RESULT_TYPES,
  SERVICE_OBJECTS,
  SPECIAL_PROCEDURE_KINDS,
} from "../../../../src/shared/catalog/enums";
import { useT } from "../../i18n/useT";
import type { TServiceItemContent } from "./api";
import { handlingKey, kindKey, modeKey, yuan } from "./labels";

type C = TServiceItemContent;
const yesNo = (t: ReturnType<typeof useT>, v: boolean) => (v ? t("common.yes") : t("common.no"));

/** 基本信息 and 办理时限: kind, organization, handling type, limits, visits, result. */
export function BasicSection({ c, orgName }: { c: C; orgName: string }) {
  const t = useT();
  return (
    <Card title={t("item.basic")} data-testid="item-basic">
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" styles={{ label: { width: 150 } }}>
        <Descriptions.Item label={t("item.code")}>
          <span data-testid="item-catalog-code">{c.catalogCode ?? "—"}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("item.kind")}>{t(kindKey(c.kind))}</Descriptions.Item>
        <Descriptions.Item label={t("item.org")}>{orgName}</Descriptions.Item>
        <Descriptions.Item label={t("item.handlingType")}>
          <Tag color={c.handlingType === "immediate" ? "green" : "blue"}>
            {t(handlingKey(c.handlingType))}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t("item.statutory")}>
          <span data-testid="item-statutory">{t("guide.days", { n: c.statutoryLimitDays })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("item.promised")}>
          <Typography.Text strong data-testid="item-promised">
            {c.handlingType === "immediate"
              ? t("guide.immediate")
              : t("guide.days", { n: c.promisedLimitDays })}
          </Typography.Text>
        </Descriptions.Item>
        {c.limitNotes && (
          <Descriptions.Item label={t("item.limitNotes")} span="filled">
            {c.limitNotes}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t("item.visits")}>
          {t("guide.visitsN", { n: c.visitsRequired })}
        </Descriptions.Item>
        <Descriptions.Item label={t("item.serviceObject")}>
          {c.serviceObject.map((o) => SERVICE_OBJECTS[o]).join("、")}
        </Descriptions.Item>
        <Descriptions.Item label={t("item.result")}>
          {c.resultName}（{RESULT_TYPES[c.resultType]}）
          {c.resultSample && (
            <>
              {" "}
              <a href={c.resultSample.url}>{t("item.resultSample")}</a>
            </>
          )}
        </Descriptions.Item>
        {c.entrustedOrg && (
          <Descriptions.Item label={t("item.entrusted")}>{c.entrustedOrg}</Descriptions.Item>
        )}
        {c.handledBy && (
          <Descriptions.Item label={t("item.handledBy")} span="filled">
            <Tag color="orange">{HANDLER_KINDS[c.handledBy.kind]}</Tag>
            {t("item.handledBySince", {
              date: c.handledBy.since,
              who: HANDLER_KINDS[c.handledBy.kind],
              ref: c.handledBy.reference,
            })}
            {c.handledBy.note && <div>{c.handledBy.note}</div>}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** 设定依据 and 受理条件. */
export function BasisSection({ c }: { c: C }) {
  const t = useT();
  return (
    <Card title={`${t("item.legalBasis")} · ${t("item.conditions")}`}>
      <Typography.Title level={5}>{t("item.legalBasis")}</Typography.Title>
      <ul>
        {c.legalBasis.map((b) => (
          <li key={`${b.title}${b.article ?? ""}`}>
            <Typography.Text strong>
              {b.title}
              {b.article}
            </Typography.Text>
            {b.text && <div style={{ color: "#595959" }}>{b.text}</div>}
          </li>
        ))}
      </ul>
      <Typography.Title level={5}>{t("item.conditions")}</Typography.Title>
      <ol>
        {c.acceptanceConditions.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ol>
    </Card>
  );
}

/** 申请材料: the complete list with required/optional, form, copies, source, 容缺 and downloads. */
export function MaterialsSection({ c }: { c: C }) {
  const t = useT();
  return (
    <Card title={t("item.materials")} data-testid="item-materials">
      <Table
        size="small"
        pagination={false}
        rowKey="code"
        dataSource={c.materials}
        scroll={{ x: 900 }}
        columns={[
          { title: "#", width: 40, render: (_v, _m, i) => i + 1 },
          {
            title: t("mat.name"),
            dataIndex: "name",
            render: (name: string, m) => (
              <>
                <Typography.Text strong>{name}</Typography.Text>
                {m.key && (
                  <Tag style={{ marginLeft: 6 }} color="volcano">
                    {t("mat.key")}
                  </Tag>
                )}
                {m.note && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
                    {m.note}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t("mat.required"),
            dataIndex: "required",
            width: 80,
            render: (r: boolean) => (
              <Tag color={r ? "red" : "default"}>{r ? t("mat.requiredYes") : t("mat.requiredNo")}</Tag>
            ),
          },
          {
            title: t("mat.form"),
            dataIndex: "form",
            width: 120,
            render: (f: keyof typeof MATERIAL_FORMS) => MATERIAL_FORMS[f],
          },
          {
            title: t("mat.copies"),
            dataIndex: "copies",
            width: 60,
            // An electronic material has no paper copies to count: "—", never 0.
            render: (n: number) => (n > 0 ? n : "—"),
          },
          {
            title: t("mat.source"),
            dataIndex: "source",
            width: 130,
            render: (s: keyof typeof MATERIAL_SOURCES) => MATERIAL_SOURCES[s],
          },
          {
            title: t("mat.deferrable"),
            dataIndex: "mayBeDeferred",
            width: 80,
            render: (d: boolean, m) =>
              d ? (
                <Tooltip title={m.issueFirstCondition}>
                  <Tag color="gold">{t("mat.deferrable")}</Tag>
                  {m.issueFirstCondition ? <Tag color="blue">{t("mat.issueFirst")}</Tag> : null}
                </Tooltip>
              ) : (
                "—"
              ),
          },
          {
            title: t("mat.files"),
            width: 120,
            render: (_v, m) => (
              <Space orientation="vertical" size={0}>
                {m.blankForm && (
                  <a href={m.blankForm.url} download={m.blankForm.fileName}>
                    <DownloadOutlined /> {t("mat.blankForm")}
                  </a>
                )}
                {m.sample && (
                  <a href={m.sample.url} download={m.sample.fileName}>
                    <DownloadOutlined /> {t("mat.sample")}
                  </a>
                )}
              </Space>
            ),
          },
          { title: t("mat.standard"), dataIndex: "acceptanceStandard", width: 220 },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t("item.materialsNote")}
      </Typography.Paragraph>
    </Card>
  );
}

/** 办理流程 and 特别程序. */
export function ProcessSection({ c }: { c: C }) {
  const t = useT();
  return (
    <Card title={t("item.process")}>
      <ol>
        {c.processDescription.map((p) => (
          <li key={p.name} style={{ marginBottom: 4 }}>
            <Typography.Text strong>{p.name}</Typography.Text>：{p.description}
          </li>
        ))}
      </ol>
      {c.specialProcedures.length > 0 && (
        <>
          <Typography.Title level={5}>{t("item.specialProcedures")}</Typography.Title>
          <ul>
            {c.specialProcedures.map((s) => (
              <li key={s.name}>
                {SPECIAL_PROCEDURE_KINDS[s.kind]} · {s.name}（{t("item.specialMax", { n: s.maxWorkingDays })}
                ）{s.note && <Typography.Text type="secondary"> {s.note}</Typography.Text>}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

/** 收费标准 with exemptions (amounts in yuan). */
export function FeesSection({ c }: { c: C }) {
  const t = useT();
  return (
    <Card title={t("item.fees")} data-testid="item-fees">
      {!c.fees.charged ? (
        <Typography.Text>{t("item.feeFree")}</Typography.Text>
      ) : (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="code"
            dataSource={c.fees.items}
            columns={[
              { title: t("fee.name"), dataIndex: "name" },
              {
                title: t("fee.amount"),
                width: 220,
                render: (_v, f) =>
                  `${yuan(f.amountFen)} ${FEE_UNITS[f.unit]}${f.freeQuantity ? `（含免费 ${f.freeQuantity}）` : ""}${f.note ? ` ${f.note}` : ""}`,
              },
              { title: t("fee.basis"), dataIndex: "basis" },
            ]}
          />
          {c.fees.exemptions.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                {t("item.exemptions")}
              </Typography.Title>
              <ul>
                {c.fees.exemptions.map((e) => (
                  <li key={e.code}>
                    {e.name}（{EXEMPTION_CONDITIONS[e.condition]}；{e.basis}）{e.note && ` ${e.note}`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Card>
  );
}

/** 办理地点和时间, phones and online service. */
export function WhereSection({ c }: { c: C }) {
  const t = useT();
  return (
    <Card title={t("item.where")} data-testid="item-where">
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 150 } }}>
        <Descriptions.Item label={t("item.place")}>{c.place}</Descriptions.Item>
        <Descriptions.Item label={t("item.hours")}>{c.hours}</Descriptions.Item>
        <Descriptions.Item label={t("item.consult")}>{c.consultationPhone}</Descriptions.Item>
        <Descriptions.Item label={t("item.complaint")}>{c.complaintPhone}</Descriptions.Item>
        <Descriptions.Item label={t("item.online")}>
          {yesNo(t, c.online.available)}
          {c.online.depth && ` · ${ONLINE_DEPTHS[c.online.depth]}`} · {t("item.onlinePayment")}{" "}
          {yesNo(t, c.online.onlinePayment)} · {t("item.postal")} {yesNo(t, c.online.postalDelivery)} ·{" "}
          {t("item.appointment")} {yesNo(t, c.online.appointment)}
        </Descriptions.Item>
        {c.intermediaryServices && c.intermediaryServices.length > 0 && (
          <Descriptions.Item label={t("item.intermediary")}>
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {c.intermediaryServices.map((s) => (
                <li key={s.name}>
                  {s.name}
                  {s.note && `（${s.note}）`}
                </li>
              ))}
            </ul>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** 审查环节: which organizations review, in parallel or in sequence, the lead, the limit of each. */
export function ReviewSection({ c, orgNames }: { c: C; orgNames: Map<string, string> }) {
  const t = useT();
  if (c.reviewSteps.length === 0) return null;
  const byCode = new Map(c.reviewSteps.map((s) => [s.code, s.name]));
  return (
    <Card title={t("item.review")} data-testid="item-review">
      <Typography.Paragraph type="secondary">{t("item.reviewHint")}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="code"
        dataSource={c.reviewSteps}
        columns={[
          { title: t("step.name"), dataIndex: "name" },
          { title: t("step.org"), dataIndex: "orgCode", render: (o: string) => orgNames.get(o) ?? o },
          { title: t("step.mode"), dataIndex: "mode", width: 90, render: (m: string) => t(modeKey(m)) },
          {
            title: t("step.lead"),
            dataIndex: "lead",
            width: 70,
            render: (l: boolean) => (l ? <Tag color="red">{t("step.lead")}</Tag> : ""),
          },
          { title: t("step.limit"), dataIndex: "limitDays", width: 120 },
          {
            title: t("step.after"),
            dataIndex: "after",
            render: (a?: string[]) => (a ?? []).map((x) => byCode.get(x) ?? x).join("、") || "—",
          },
        ]}
      />
    </Card>
  );
}
