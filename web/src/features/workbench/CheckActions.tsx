import { Button, Checkbox, DatePicker, Form, Input, Select, Space, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useI18n } from "../../i18n/useT";
import type { CaseCommandName, CommandBodies } from "../cases/api";
import type { CaseDetail } from "../cases/types";
import { useCaseFees } from "../fees/api";
import { ActionModal } from "./ActionModal";
import { type ItemMaterial, useReferralTargets } from "./api";
import { acceptable, type Checks, deferrable, failedRows } from "./checks";
import { SpotFees } from "./SpotFees";

/** Runs a case command after saving the checks (when `withChecks`); resolves with the new case. */
export type Runner = <C extends CaseCommandName>(
  command: C,
  body: CommandBodies[C],
  withChecks: boolean,
) => Promise<CaseDetail>;
export type Outcome = "corrected" | "accepted" | "finished" | "refused" | "referred";

type Props = {
  c: CaseDetail;
  list: ItemMaterial[];
  checks: Checks;
  run: Runner;
  onDone: (outcome: Outcome, c: CaseDetail) => void;
};

type Open = null | "correction" | "accept" | "finish" | "refuse" | "refer";

/** The next working-looking day (Mon–Fri) after today: the default due date of a deferred material. */
function nextWeekday(): Dayjs {
  let d = dayjs().add(1, "day");
  while (d.day() === 0 || d.day() === 6) d = d.add(1, "day");
  return d;
}

/**
 * The checklist's one-click actions: 一次性告知 (built from the failed rows only), 受理 (with 容缺 for
 * missing materials the item allows), 当场办结 for 即办件, 不予受理 (legal basis required), 转办.
 */
export function CheckActions({ c, list, checks, run, onDone }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const targets = useReferralTargets();
  const fees = useCaseFees(c.id);
  const failed = failedRows(c, checks);
  const toDefer = deferrable(c, checks, list);
  const canAccept = acceptable(c, checks, list);
  const immediate = c.handlingType === "immediate";
  const close = () => setOpen(null);
  const done = (o: Outcome) => (next: CaseDetail) => {
    setOpen(null);
    onDone(o, next);
  };

  return (
    <>
      <Space wrap data-testid="check-actions">
        <Button
          type="primary"
          ghost
          disabled={!c.abilities.requestCorrection || failed.length === 0}
          onClick={() => setOpen("correction")}
          data-testid="action-correction"
        >
          {t("action.requestCorrection")}
          {t("action.count", { n: failed.length })}
        </Button>
        {immediate ? (
          <Button
            type="primary"
            disabled={!c.abilities.finishOnTheSpot || failed.length > 0}
            onClick={() => setOpen("finish")}
            data-testid="action-finish"
          >
            {t("action.finishOnTheSpot")}
          </Button>
        ) : null}
        <Button
          type={immediate ? "default" : "primary"}
          disabled={!c.abilities.accept || !canAccept}
          onClick={() => setOpen("accept")}
          data-testid="action-accept"
        >
          {toDefer.length ? t("action.accept.deferred", { n: toDefer.length }) : t("action.accept")}
        </Button>
        <Button
          danger
          disabled={!c.abilities.refuse}
          onClick={() => setOpen("refuse")}
          data-testid="action-refuse"
        >
          {t("action.refuse")}
        </Button>
        <Button disabled={!c.abilities.refer} onClick={() => setOpen("refer")} data-testid="action-refer">
          {t("action.refer")}
        </Button>
      </Space>

      <ActionModal<{ dueOn?: Dayjs }>
        open={open === "correction"}
        title={t("action.requestCorrection")}
        okText={t("wb.correction.ok")}
        testId="correction-modal"
        onCancel={close}
        onSubmit={async (v) => {
          const items = failed.map((f) => ({
            materialCode: f.material.code,
            problem: f.problem,
            ...(f.note ? { note: f.note } : {}),
          }));
          const body = { items, ...(v.dueOn ? { dueOn: v.dueOn.format("YYYY-MM-DD") } : {}) };
          done("corrected")(await run("requestCorrection", body, true));
        }}
      >
        {() => (
          <>
            <Typography.Paragraph type="secondary">{t("wb.correction.hint")}</Typography.Paragraph>
            <div data-testid="correction-items" style={{ border: "1px solid #f0f0f0", borderRadius: 8 }}>
              {failed.map((f) => (
                <div
                  key={f.material.code}
                  data-testid={`correction-item-${f.material.code}`}
                  style={{ padding: "8px 12px", borderBottom: "1px solid #f0f0f0" }}
                >
                  <Space wrap>
                    <Tag color={f.problem === "missing" ? "orange" : "red"}>
                      {t(`wb.verdict.${f.problem}`)}
                    </Tag>
                    <span>{f.material.name}</span>
                    {f.note ? <Typography.Text type="secondary">— {f.note}</Typography.Text> : null}
                  </Space>
                </div>
              ))}
            </div>
            <Form.Item name="dueOn" label={t("wb.correction.dueOn")} style={{ marginTop: 16 }}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), "day")} />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ deferred?: { dueOn: Dayjs; commitmentSigned: boolean }[] }>
        open={open === "accept"}
        title={t("action.accept")}
        okText={t("action.accept")}
        testId="accept-modal"
        initialValues={{ deferred: toDefer.map(() => ({ dueOn: nextWeekday(), commitmentSigned: false })) }}
        onCancel={close}
        onSubmit={async (v) => {
          const deferred = toDefer.map((f, i) => ({
            materialCode: f.material.code,
            dueOn: (v.deferred?.[i]?.dueOn ?? nextWeekday()).format("YYYY-MM-DD"),
            commitmentSigned: !!v.deferred?.[i]?.commitmentSigned,
          }));
          done("accepted")(await run("accept", deferred.length ? { deferred } : {}, true));
        }}
      >
        {() =>
          toDefer.length === 0 ? (
            <Typography.Paragraph>
              {c.handlingType === "immediate"
                ? t("wb.accept.hintImmediate")
                : t("wb.accept.hint", { limit: c.clock.limitDays })}
            </Typography.Paragraph>
          ) : (
            <>
              <Typography.Paragraph>{t("wb.accept.deferHint")}</Typography.Paragraph>
              {toDefer.map((f, i) => (
                <Space key={f.material.code} align="baseline" wrap data-testid={`defer-${f.material.code}`}>
                  <Typography.Text strong>{f.material.name}</Typography.Text>
                  <Form.Item
                    name={["deferred", i, "dueOn"]}
                    label={t("wb.accept.dueOn")}
                    rules={[{ required: true }]}
                  >
                    <DatePicker />
                  </Form.Item>
                  <Form.Item
                    name={["deferred", i, "commitmentSigned"]}
                    valuePropName="checked"
                    rules={[
                      {
                        validator: (_, v) =>
                          v ? Promise.resolve() : Promise.reject(t("wb.accept.commitmentRequired")),
                      },
                    ]}
                  >
                    <Checkbox>{t("wb.accept.commitment")}</Checkbox>
                  </Form.Item>
                </Space>
              ))}
            </>
          )
        }
      </ActionModal>

      <ActionModal<{ reasons?: string }>
        open={open === "finish"}
        title={t("wb.finish.title")}
        okText={t("wb.finish.ok")}
        testId="finish-modal"
        okDisabled={fees.data ? fees.data.required && !fees.data.settled : true}
        onCancel={close}
        onSubmit={async (v) =>
          done("finished")(
            await run("accept", { finishOnTheSpot: true, reasons: v.reasons || undefined }, true),
          )
        }
      >
        {() => (
          <>
            <Typography.Paragraph>{t("wb.finish.hint")}</Typography.Paragraph>
            <SpotFees caseId={c.id} />
            <Form.Item name="reasons" label={t("wb.finish.reasons")}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ legalBasis: string; reason: string }>
        open={open === "refuse"}
        title={t("action.refuse")}
        okText={t("wb.refuse.ok")}
        testId="refuse-modal"
        danger
        onCancel={close}
        onSubmit={async (v) => done("refused")(await run("refuse", v, false))}
      >
        {() => (
          <>
            <Form.Item
              name="legalBasis"
              label={t("wb.refuse.legalBasis")}
              rules={[{ required: true, whitespace: true, message: t("wb.refuse.legalBasisRequired") }]}
            >
              <Input
                maxLength={500}
                placeholder={t("wb.refuse.legalBasisPlaceholder")}
                data-testid="refuse-basis"
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t("wb.refuse.reason")}
              rules={[{ required: true, whitespace: true, message: t("wb.reasonRequired") }]}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="refuse-reason" />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ toOrgCode: string; reason: string; policyReference?: string }>
        open={open === "refer"}
        title={t("action.refer")}
        okText={t("action.refer")}
        testId="refer-modal"
        onCancel={close}
        onSubmit={async (v) => done("referred")(await run("refer", v, false))}
      >
        {() => (
          <>
            <Form.Item
              name="toOrgCode"
              label={t("wb.refer.to")}
              rules={[{ required: true, message: t("wb.refer.toRequired") }]}
            >
              <Select
                loading={targets.isLoading}
                data-testid="refer-to"
                options={(targets.data ?? []).map((o) => ({ value: o.code, label: o.name }))}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t("wb.refer.reason")}
              rules={[{ required: true, whitespace: true, message: t("wb.reasonRequired") }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="policyReference" label={t("wb.refer.policy")}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
      </ActionModal>
    </>
  );
}
