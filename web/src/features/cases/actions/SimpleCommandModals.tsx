import { Form, Input, InputNumber, Radio, Select } from "antd";
import { useI18n } from "../../../i18n/useT";
import { useOrganizationOptions } from "../api";
import type { CaseDetail } from "../types";
import { CommandModal } from "./CommandModal";

export type ModalProps = { caseData: CaseDetail; open: boolean; onClose: () => void };

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const reqd = (message: string) => [{ required: true, whitespace: true, message }];

/** 不予受理: a legal basis and a reason are required (行政许可法 Art. 32). */
export function RefuseModal(p: ModalProps) {
  const { t } = useI18n();
  return (
    <CommandModal
      {...p}
      command="refuse"
      title={t("action.refuse")}
      danger
      fields={["legalBasis", "reason"]}
      toBody={(v) => ({ legalBasis: String(v.legalBasis).trim(), reason: String(v.reason).trim() })}
    >
      <Form.Item
        name="legalBasis"
        label={t("action.legalBasis")}
        rules={reqd(t("action.legalBasisRequired"))}
      >
        <Input
          placeholder={t("action.legalBasisPlaceholder")}
          maxLength={500}
          data-testid="refuse-legal-basis"
        />
      </Form.Item>
      <Form.Item name="reason" label={t("action.reason")} rules={reqd(t("action.reasonRequired"))}>
        <Input.TextArea rows={4} maxLength={2000} data-testid="refuse-reason" />
      </Form.Item>
    </CommandModal>
  );
}

/** 转办: to the competent body (a township or another department), with the reason and the policy. */
export function ReferModal(p: ModalProps) {
  const { t } = useI18n();
  const orgs = useOrganizationOptions(p.open);
  const options = (orgs.data ?? [])
    .filter((o) => o.kind === "township" || o.kind === "department")
    .map((o) => ({ value: o.code, label: o.name, kind: o.kind }));
  return (
    <CommandModal
      {...p}
      command="refer"
      title={t("action.refer")}
      fields={["toOrgCode", "reason", "policyReference"]}
      toBody={(v) => ({
        toOrgCode: String(v.toOrgCode),
        reason: String(v.reason).trim(),
        policyReference: str(v.policyReference),
      })}
    >
      <Form.Item
        name="toOrgCode"
        label={t("action.referTo")}
        rules={[{ required: true, message: t("action.referToRequired") }]}
      >
        <Select
          loading={orgs.isLoading}
          showSearch={{ optionFilterProp: "label" }}
          status={orgs.isError ? "error" : undefined}
          placeholder={orgs.isError ? t("action.orgsError") : t("action.referToPlaceholder")}
          options={[
            { label: t("action.townships"), options: options.filter((o) => o.kind === "township") },
            { label: t("action.departments"), options: options.filter((o) => o.kind === "department") },
          ]}
          data-testid="refer-org"
        />
      </Form.Item>
      <Form.Item name="reason" label={t("action.reason")} rules={reqd(t("action.reasonRequired"))}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="policyReference" label={t("action.policyReference")}>
        <Input maxLength={200} placeholder={t("action.policyReferencePlaceholder")} />
      </Form.Item>
    </CommandModal>
  );
}

const SUSPEND_KINDS = [
  "hearing",
  "expert_review",
  "public_notice",
  "testing",
  "inspection",
  "appraisal",
  "auction",
  "tender",
  "survey",
  "other",
] as const;

/** 特别程序: the clock stops; the applicant is told in writing how long it takes (Art. 45). */
export function SuspendModal(p: ModalProps) {
  const { t } = useI18n();
  return (
    <CommandModal
      {...p}
      command="suspend"
      title={t("action.suspend")}
      fields={["kind", "reason", "expectedDays"]}
      toBody={(v) => ({
        kind: String(v.kind) as (typeof SUSPEND_KINDS)[number],
        reason: String(v.reason).trim(),
        expectedDays: Number(v.expectedDays),
      })}
    >
      <Form.Item
        name="kind"
        label={t("action.suspendKind")}
        rules={[{ required: true, message: t("action.suspendKindRequired") }]}
      >
        <Select
          options={SUSPEND_KINDS.map((k) => ({ value: k, label: t(`action.suspendKind.${k}`) }))}
          data-testid="suspend-kind"
        />
      </Form.Item>
      <Form.Item name="reason" label={t("action.reason")} rules={reqd(t("action.reasonRequired"))}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="expectedDays"
        label={t("action.expectedDays")}
        rules={[{ required: true, message: t("action.expectedDaysRequired") }]}
      >
        <InputNumber min={1} precision={0} style={{ width: 200 }} suffix={t("action.workingDaysUnit")} />
      </Form.Item>
    </CommandModal>
  );
}

/** 延期: once, at most 10 working days, with the reason told to the applicant (Art. 42). */
export function ExtendModal(p: ModalProps) {
  const { t } = useI18n();
  return (
    <CommandModal
      {...p}
      command="extend"
      title={t("action.extend")}
      fields={["days", "reason"]}
      initialValues={{ days: 10 }}
      toBody={(v) => ({ days: Number(v.days), reason: String(v.reason).trim() })}
    >
      <Form.Item
        name="days"
        label={t("action.extendDays")}
        extra={t("action.extendHint")}
        rules={[{ required: true, type: "number", min: 1, max: 10, message: t("action.extendDaysRange") }]}
      >
        <InputNumber
          min={1}
          max={10}
          precision={0}
          style={{ width: 200 }}
          suffix={t("action.workingDaysUnit")}
        />
      </Form.Item>
      <Form.Item name="reason" label={t("action.reason")} rules={reqd(t("action.reasonRequired"))}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </CommandModal>
  );
}

/** 决定: approve or deny, with reasons (Art. 38). */
export function DecideModal(p: ModalProps) {
  const { t } = useI18n();
  return (
    <CommandModal
      {...p}
      command="decide"
      title={t("action.decide")}
      fields={["outcome", "reasons"]}
      initialValues={{ outcome: "approve" }}
      toBody={(v) => ({
        outcome: v.outcome === "deny" ? ("deny" as const) : ("approve" as const),
        reasons: String(v.reasons).trim(),
      })}
    >
      <Form.Item name="outcome" label={t("case.decision")} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: "approve", label: t("case.decision.approve") },
            { value: "deny", label: t("case.decision.deny") },
          ]}
        />
      </Form.Item>
      <Form.Item name="reasons" label={t("action.reasons")} rules={reqd(t("action.reasonsRequired"))}>
        <Input.TextArea rows={4} maxLength={4000} data-testid="decide-reasons" />
      </Form.Item>
    </CommandModal>
  );
}

/** 恢复计时: the special procedure ended; its result is optional. */
export function ResumeModal(p: ModalProps) {
  const { t } = useI18n();
  return (
    <CommandModal
      {...p}
      command="resume"
      title={t("action.resume")}
      fields={["result"]}
      toBody={(v) => ({ result: str(v.result) })}
    >
      <Form.Item name="result" label={t("action.resumeResult")}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </CommandModal>
  );
}

/** 撤回: by the applicant before a decision; the reason is optional. */
export function WithdrawModal(p: ModalProps) {
  const { t } = useI18n();
  return (
    <CommandModal
      {...p}
      command="withdraw"
      title={t("action.withdraw")}
      danger
      fields={["reason"]}
      toBody={(v) => ({ reason: str(v.reason) })}
    >
      <p>{t("action.withdrawConfirm")}</p>
      <Form.Item name="reason" label={t("action.reasonOptional")}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </CommandModal>
  );
}
