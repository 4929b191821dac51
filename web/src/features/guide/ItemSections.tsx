import { DownloadOutlined } from "@ant-design/icons";
import { Card, Descriptions, Space, Table, Tag, Tooltip, Typography } from "antd";
import { ZhText, zhCell } from "../../components/ZhText";
import { enumLabel, paren } from "../../i18n/catalogEnums";
import { useI18n, type useT } from "../../i18n/useT";
import type { TServiceItemContent } from "./api";
import { handlingKey, kindKey, modeKey, yuan } from "./labels";

type C = TServiceItemContent;
const yesNo = (t: ReturnType<typeof useT>, v: boolean) => (v ? t("common.yes") : t("common.no"));

/** 基本信息 and 办理时限: kind, organization, handling type, limits, visits, result. */
export function BasicSection({ c, orgName }: { c: C; orgName: string }) {
  const { t, locale } = useI18n();
  return (
    <Card title={t("item.basic")} data-testid="item-basic">
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" styles={{ label: { width: 150 } }}>
        <Descriptions.Item label={t("item.code")}>
          <span data-testid="item-catalog-code">{c.catalogCode ?? "—"}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("item.kind")}>{t(kindKey(c.kind))}</Descriptions.Item>
        <Descriptions.Item label={t("item.org")}>
          <ZhText>{orgName}</ZhText>
        </Descriptions.Item>
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
            <ZhText>{c.limitNotes}</ZhText>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t("item.visits")}>
          {t("guide.visitsN", { n: c.visitsRequired })}
        </Descriptions.Item>
        <Descriptions.Item label={t("item.serviceObject")}>
          {c.serviceObject
            .map((o) => enumLabel(locale, "serviceObject", o))
            .join(locale === "zh-CN" ? "、" : "; ")}
        </Descriptions.Item>
        <Descriptions.Item label={t("item.result")}>
          <ZhText>{c.resultName}</ZhText>
          {paren(locale, enumLabel(locale, "resultType", c.resultType))}
          {c.resultSample && (
            <>
              {" "}
              <a href={c.resultSample.url}>{t("item.resultSample")}</a>
            </>
          )}
        </Descriptions.Item>
        {c.entrustedOrg && (
          <Descriptions.Item label={t("item.entrusted")}>
            <ZhText>{c.entrustedOrg}</ZhText>
          </Descriptions.Item>
        )}
        {c.handledBy && (
          <Descriptions.Item label={t("item.handledBy")} span="filled">
            <Tag color="orange">{enumLabel(locale, "handlerKind", c.handledBy.kind)}</Tag>
            {t("item.handledBySince", {
              date: c.handledBy.since,
              who: enumLabel(locale, "handlerKind", c.handledBy.kind),
              ref: c.handledBy.reference,
            })}
            {c.handledBy.note && (
              <div>
                <ZhText>{c.handledBy.note}</ZhText>
              </div>
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** 设定依据 and 受理条件. */
export function BasisSection({ c }: { c: C }) {
  const { t, locale } = useI18n();
  return (
    <Card title={`${t("item.legalBasis")} · ${t("item.conditions")}`}>
      <Typography.Title level={5}>{t("item.legalBasis")}</Typography.Title>
      <ul>
        {c.legalBasis.map((b) => (
          <li key={`${b.title}${b.article ?? ""}`}>
            <Typography.Text strong>
              <ZhText>{`${b.title}${b.article ?? ""}`}</ZhText>
            </Typography.Text>
            {b.text && (
              <div style={{ color: "#595959" }}>
                <ZhText>{b.text}</ZhText>
              </div>
            )}
          </li>
        ))}
      </ul>
      <Typography.Title level={5}>{t("item.conditions")}</Typography.Title>
      <ol>
        {c.acceptanceConditions.map((x) => (
          <li key={x}>
            <ZhText>{x}</ZhText>
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** 申请材料: the complete list with required/optional, form, copies, source, 容缺 and downloads. */
export function MaterialsSection({ c }: { c: C }) {
  const { t, locale } = useI18n();
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
                <Typography.Text strong>
                  <ZhText>{name}</ZhText>
                </Typography.Text>
                {m.key && (
                  <Tag style={{ marginLeft: 6 }} color="volcano">
                    {t("mat.key")}
                  </Tag>
                )}
                {m.note && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
                    <ZhText>{m.note}</ZhText>
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
            render: (f: string) => enumLabel(locale, "materialForm", f),
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
            render: (s: string) => enumLabel(locale, "materialSource", s),
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
          { title: t("mat.standard"), dataIndex: "acceptanceStandard", width: 220, render: zhCell },
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
  const { t, locale } = useI18n();
  return (
    <Card title={t("item.process")}>
      <ol>
        {c.processDescription.map((p) => (
          <li key={p.name} style={{ marginBottom: 4 }}>
            <ZhText>
              <Typography.Text strong>{p.name}</Typography.Text>：{p.description}
            </ZhText>
          </li>
        ))}
      </ol>
      {c.specialProcedures.length > 0 && (
        <>
          <Typography.Title level={5}>{t("item.specialProcedures")}</Typography.Title>
          <ul>
            {c.specialProcedures.map((s) => (
              <li key={s.name}>
                {enumLabel(locale, "specialProcedure", s.kind)} · <ZhText>{s.name}</ZhText>
                {paren(locale, t("item.specialMax", { n: s.maxWorkingDays }))}
                {s.note && (
                  <Typography.Text type="secondary">
                    {" "}
                    <ZhText>{s.note}</ZhText>
                  </Typography.Text>
                )}
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
  const { t, locale } = useI18n();
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
              { title: t("fee.name"), dataIndex: "name", render: zhCell },
              {
                title: t("fee.amount"),
                width: 220,
                render: (_v, f) => (
                  <>
                    {`${yuan(f.amountFen)} ${enumLabel(locale, "feeUnit", f.unit)}`}
                    {f.freeQuantity ? paren(locale, t("fee.freeQuantity", { n: f.freeQuantity })) : ""}
                    {f.note && (
                      <>
                        {" "}
                        <ZhText>{f.note}</ZhText>
                      </>
                    )}
                  </>
                ),
              },
              { title: t("fee.basis"), dataIndex: "basis", render: zhCell },
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
                    <ZhText>{e.name}</ZhText>
                    {locale === "zh-CN" ? "（" : " ("}
                    {enumLabel(locale, "exemption", e.condition)}
                    {locale === "zh-CN" ? "；" : "; "}
                    <ZhText>{e.basis}</ZhText>
                    {locale === "zh-CN" ? "）" : ")"}
                    {e.note && " "}
                    <ZhText>{e.note}</ZhText>
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
  const { t, locale } = useI18n();
  return (
    <Card title={t("item.where")} data-testid="item-where">
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 150 } }}>
        <Descriptions.Item label={t("item.place")}>
          <ZhText>{c.place}</ZhText>
        </Descriptions.Item>
        <Descriptions.Item label={t("item.hours")}>
          <ZhText>{c.hours}</ZhText>
        </Descriptions.Item>
        <Descriptions.Item label={t("item.consult")}>{c.consultationPhone}</Descriptions.Item>
        <Descriptions.Item label={t("item.complaint")}>{c.complaintPhone}</Descriptions.Item>
        <Descriptions.Item label={t("item.online")}>
          {yesNo(t, c.online.available)}
          {c.online.depth && ` · ${enumLabel(locale, "onlineDepth", c.online.depth)}`} ·{" "}
          {t("item.onlinePayment")} {yesNo(t, c.online.onlinePayment)} · {t("item.postal")}{" "}
          {yesNo(t, c.online.postalDelivery)} · {t("item.appointment")} {yesNo(t, c.online.appointment)}
        </Descriptions.Item>
        {c.intermediaryServices && c.intermediaryServices.length > 0 && (
          <Descriptions.Item label={t("item.intermediary")}>
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {c.intermediaryServices.map((s) => (
                <li key={s.name}>
                  <ZhText>{s.note ? `${s.name}（${s.note}）` : s.name}</ZhText>
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
  const { t, locale } = useI18n();
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
          { title: t("step.name"), dataIndex: "name", render: zhCell },
          { title: t("step.org"), dataIndex: "orgCode", render: (o: string) => zhCell(orgNames.get(o) ?? o) },
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
            render: (a?: string[]) => zhCell((a ?? []).map((x) => byCode.get(x) ?? x).join("、") || "—"),
          },
        ]}
      />
    </Card>
  );
}
