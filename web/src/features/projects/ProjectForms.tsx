import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, InputNumber, Select } from "antd";
import { ApiError } from "../../api/ApiError";
import { type ApiBody, call, yz } from "../../api/client";
import { useI18n } from "../../i18n/useT";
import { officeToday } from "../cases/labels";
import type { Project } from "./api";

/**
 * The clerk records the signed land-grant contract (出让合同) in the UI: this is the trigger of
 * 拿地即办证 — the bundle's cases are filed with the pre-checked materials at once.
 */
export function LandContractForm({ project }: { project: Project }) {
  const qc = useQueryClient();
  const { t, locale } = useI18n();
  const m = useMutation({
    mutationFn: (v: {
      number: string;
      priceYuan: number;
      paymentStatus: ApiBody<"/api/projects/{id}/land-contracts">["paymentStatus"];
      unitNumber?: string;
    }) =>
      call(
        yz.POST("/api/projects/{id}/land-contracts", {
          params: { path: { id: project.id } },
          body: {
            number: v.number,
            signedAt: new Date().toISOString(),
            parties: { grantor: project.org.name, grantee: project.enterprise.name },
            priceYuan: v.priceYuan,
            paymentStatus: v.paymentStatus,
            forms: v.unitNumber ? { "state-land-first-registration": { unitNumber: v.unitNumber } } : {},
          },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["project", project.id] }),
  });
  // A contract recorded before without filing (pre-checks missing): recording it again files the bundle.
  const recorded = project.landContracts.at(-1);
  const notFiled = m.data?.notFiled;
  return (
    <Card title={t("prj.contract.formTitle")} data-testid="contract-form">
      {m.error instanceof ApiError && <Alert type="error" showIcon title={m.error.messageIn(locale)} />}
      {notFiled && (
        <Alert
          type="warning"
          showIcon
          data-testid="contract-not-filed"
          title={t("prj.contract.notFiled")}
          description={[
            notFiled.message[locale],
            ...(notFiled.errors ?? []).slice(0, 8).map((e) => e.message?.[locale] ?? e.field),
          ]
            .filter(Boolean)
            .join(t("prj.sep"))}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form
        layout="inline"
        initialValues={{
          number: recorded?.number ?? project.parcel.contractNo ?? "",
          priceYuan: recorded?.priceYuan,
          paymentStatus: recorded?.paymentStatus ?? "paid",
        }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item name="number" label={t("prj.contract.number")} rules={[{ required: true }]}>
          <Input data-testid="contract-number" />
        </Form.Item>
        <Form.Item name="priceYuan" label={t("prj.contract.price")} rules={[{ required: true }]}>
          <InputNumber min={0} data-testid="contract-price" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="paymentStatus" label={t("prj.contract.payment")}>
          <Select
            style={{ width: 110 }}
            options={[
              { value: "paid", label: t("prj.contract.paid") },
              { value: "partial", label: t("prj.contract.partial") },
              { value: "unpaid", label: t("prj.contract.unpaid") },
            ]}
          />
        </Form.Item>
        <Form.Item name="unitNumber" label={t("prj.contract.unit")}>
          <Input data-testid="contract-unit" style={{ width: 260 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={m.isPending} data-testid="contract-submit">
          {t("prj.contract.submit")}
        </Button>
      </Form>
    </Card>
  );
}

/** Records a coordination meeting: attendees "姓名/部门" and action items "事项/责任单位/YYYY-MM-DD", one a line. */
export function MeetingForm({ projectId }: { projectId: string }) {
  const qc = useQueryClient();
  const { t } = useI18n();
  const lines = (s = "") =>
    s
      .split("\n")
      .map((x) => x.trim())
      .filter(Boolean);
  const m = useMutation({
    mutationFn: (v: { topic: string; attendees: string; decisions?: string; actions?: string }) =>
      call(
        yz.POST("/api/projects/{id}/meetings", {
          params: { path: { id: projectId } },
          body: {
            heldOn: officeToday(),
            topic: v.topic,
            attendees: lines(v.attendees).map((l) => {
              const [name, department = ""] = l.split("/");
              return { name, department: department || name };
            }),
            decisions: lines(v.decisions),
            actionItems: lines(v.actions).map((l) => {
              const [description, owner = "", dueOn = ""] = l.split("/");
              return { description, owner, dueOn };
            }),
          },
        }),
      ),
    onSuccess: (p) => qc.setQueryData(["project", projectId], p),
  });
  return (
    <Form layout="vertical" onFinish={(v) => m.mutate(v)} data-testid="meeting-form">
      <Form.Item name="topic" label={t("prj.meeting.topic")} rules={[{ required: true }]}>
        <Input data-testid="meeting-topic" />
      </Form.Item>
      <Form.Item name="attendees" label={t("prj.meeting.attendees")} rules={[{ required: true }]}>
        <Input.TextArea rows={3} data-testid="meeting-attendees" />
      </Form.Item>
      <Form.Item name="decisions" label={t("prj.meeting.decisions")}>
        <Input.TextArea rows={2} data-testid="meeting-decisions" />
      </Form.Item>
      <Form.Item name="actions" label={t("prj.meeting.actions")}>
        <Input.TextArea rows={2} data-testid="meeting-actions" />
      </Form.Item>
      {m.error instanceof ApiError && <Alert type="error" showIcon title={t("prj.meeting.check")} />}
      <Button type="primary" htmlType="submit" loading={m.isPending} data-testid="meeting-submit">
        {t("prj.meeting.submit")}
      </Button>
    </Form>
  );
}
